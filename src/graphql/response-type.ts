/** The media types a GraphQL answer is sent as: `application/json` unless the client prefers the newer one. */
export const MEDIA_TYPES = {
  json: 'application/json; charset=utf-8',
  graphqlResponse: 'application/graphql-response+json; charset=utf-8',
} as const;

const CANDIDATES = [
  { type: 'application', subtype: 'json', mediaType: MEDIA_TYPES.json },
  { type: 'application', subtype: 'graphql-response+json', mediaType: MEDIA_TYPES.graphqlResponse },
];

interface AcceptRange {
  type: string;
  subtype: string;
  q: number;
  index: number;
}

/**
 * The media type to answer in, from the `accept` header: the accepted candidate with the highest quality (the most
 * specific range that matches it decides its quality; ties go to the one the client listed first, then to
 * `application/json`). No header means `application/json`; null means the client accepts neither (406).
 */
export function responseMediaType(accept: string | undefined): string | null {
  if (!accept) return MEDIA_TYPES.json;
  const ranges = accept.split(',').flatMap((part, index) => {
    const [range, ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const [type, subtype] = (range ?? '').split('/');
    if (!type || !subtype) return [];
    const quality = parameters.find((parameter) => parameter.startsWith('q='));
    const q = quality === undefined ? 1 : Number(quality.slice(2));
    return Number.isNaN(q) ? [] : [{ type, subtype, q, index }];
  });
  let best: { mediaType: string; q: number; index: number } | null = null;
  for (const candidate of CANDIDATES) {
    const match = mostSpecific(ranges, candidate);
    if (!match || match.q <= 0) continue;
    if (!best || match.q > best.q || (match.q === best.q && match.index < best.index)) {
      best = { mediaType: candidate.mediaType, q: match.q, index: match.index };
    }
  }
  return best?.mediaType ?? null;
}

function mostSpecific(ranges: AcceptRange[], candidate: { type: string; subtype: string }): AcceptRange | undefined {
  const specificity = (range: AcceptRange) => {
    if (range.type === candidate.type && range.subtype === candidate.subtype) return 2;
    if (range.type === candidate.type && range.subtype === '*') return 1;
    return range.type === '*' && range.subtype === '*' ? 0 : -1;
  };
  return ranges
    .filter((range) => specificity(range) >= 0)
    .sort((left, right) => specificity(right) - specificity(left) || left.index - right.index)[0];
}
