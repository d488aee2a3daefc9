import { InvalidInput } from '../domain/errors.js';
import { parseLaCode } from '../domain/local-authority.js';
import { matchName, NAME_MATCH_RANK, nameWords, type NameMatch } from '../domain/name-words.js';
import { passesFilter, summaryOf, type SearchFilter } from '../domain/search-filter.js';
import { compareIdentifiers } from '../domain/text.js';
import { MIN_LOOKUP_WORD } from '../store/school-index-items.js';
import { schoolsWithLaestab, schoolsWithNameWord, type NameLookup } from '../store/school-search.js';
import type { RequestContext } from './context.js';
import { pageArgs, type PageArgs } from './paging.js';
import { searchPage, type SearchPage } from './search-page.js';

/** Why a school matched a search. */
export type SearchMatch = 'URN' | 'LAESTAB' | NameMatch;

/** A school a search found, before it is read. */
interface Found {
  urn: string;
  matchedBy: SearchMatch;
}

/**
 * One search box, routed as GIAS routes it: 6 digits are a URN, 7 a LAESTAB, anything else words of a name.
 * Costs one read for a URN, one Query for a LAESTAB, at most one Query per word for a name, then one
 * BatchGetItem for the page.
 */
export async function searchSchools(
  context: RequestContext,
  args: PageArgs & { query: string; filter?: SearchFilter | null },
): Promise<SearchPage<{ matchedBy: SearchMatch }>> {
  const page = pageArgs(args);
  const filter = checkedFilter(args.filter ?? {});
  const query = args.query.trim();
  let found: Found[];
  if (/^\d{6}$/.test(query)) found = await byUrns(context, [query], 'URN', filter);
  else if (/^\d{7}$/.test(query))
    found = await byUrns(context, await schoolsWithLaestab(context.store, query), 'LAESTAB', filter);
  else found = await byName(context, nameWords(query), filter);
  return searchPage(context, ['searchSchools', query, filter], found, page);
}

/** Checks the filter's local authority code (it is compared, never looked up). */
export function checkedFilter(filter: SearchFilter): SearchFilter {
  if (filter.localAuthority != null) parseLaCode(filter.localAuthority, 'filter.localAuthority');
  return filter;
}

async function byUrns(
  context: RequestContext,
  urns: readonly string[],
  matchedBy: SearchMatch,
  filter: SearchFilter,
): Promise<Found[]> {
  const schools = await context.loaders.schoolByUrn.loadMany(urns);
  return schools.flatMap((school) =>
    school && !(school instanceof Error) && passesFilter(summaryOf(school), filter)
      ? [{ urn: school.urn, matchedBy }]
      : [],
  );
}

/**
 * Looks up the longest word (the most telling) and checks the others against each name found. When a word
 * is in too many names to read at once, the next longest is tried: at most one Query per word.
 */
async function byName(context: RequestContext, words: readonly string[], filter: SearchFilter): Promise<Found[]> {
  const last = words.length - 1;
  const lookups = words
    .map((word, position) => ({ word, asPrefix: position === last }))
    .filter(({ word }) => word.length >= MIN_LOOKUP_WORD)
    .sort((left, right) => right.word.length - left.word.length || Number(left.asPrefix) - Number(right.asPrefix));
  if (lookups.length === 0) {
    throw new InvalidInput(
      'query',
      `query needs a word of at least ${MIN_LOOKUP_WORD} letters or digits, a 6-digit URN or a 7-digit LAESTAB`,
    );
  }
  let lookup: NameLookup | undefined;
  for (const { word, asPrefix } of lookups) {
    const next = await schoolsWithNameWord(context.store, word, asPrefix);
    lookup ??= next;
    if (next.complete) {
      lookup = next;
      break;
    }
  }
  const ranked = lookup!.entries.flatMap((entry) => {
    const matchedBy = passesFilter(entry, filter) ? matchName(words, entry.nameKey.split(' ')) : null;
    return matchedBy ? [{ urn: entry.urn, matchedBy, nameKey: entry.nameKey }] : [];
  });
  ranked.sort(
    (left, right) =>
      NAME_MATCH_RANK[left.matchedBy] - NAME_MATCH_RANK[right.matchedBy] ||
      left.nameKey.localeCompare(right.nameKey) ||
      compareIdentifiers(left.urn, right.urn),
  );
  return ranked.map(({ urn, matchedBy }) => ({ urn, matchedBy }));
}
