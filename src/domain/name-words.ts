import { unicodePattern } from './unicode-pattern.js';

/**
 * Names as people type them: case, accents, punctuation and "St"/"St."/"Saint" do not matter. A name
 * (or a query) becomes a list of words of lower-case letters and digits.
 */

/** Combining marks, which NFKD splits from the letters they accent. */
const MARKS = unicodePattern('\\p{M}', 'gu');
/** What separates words: anything but letters and digits, of any script. */
const NOT_WORD = unicodePattern('[^\\p{L}\\p{N}]+', 'u');

/** The spellings of "saint" that are one word. */
const SAINT = new Set(['st', 'saint']);

/** Words of a name or query, in order: "St. Mary's C.E. (VA) School" is st, marys, c, e, va, school. */
export function nameWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(MARKS(), '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['\u2019`]/g, '')
    .split(NOT_WORD())
    .filter((word) => word.length > 0)
    .map((word) => (SAINT.has(word) ? 'st' : word));
}

/** A name's words as one string, for comparing whole names and prefixes of them. */
export function nameKey(text: string): string {
  return nameWords(text).join(' ');
}

/** How a name matched a query's words. */
export type NameMatch = 'EXACT_NAME' | 'NAME_START' | 'NAME_WORDS';

/**
 * How the words of a name match a query's words (every query word a word of the name, the last one a
 * prefix of one), or null when they do not.
 */
export function matchName(queryWords: readonly string[], name: readonly string[]): NameMatch | null {
  const last = queryWords.length - 1;
  const matches = queryWords.every((word, position) =>
    position === last ? name.some((nameWord) => nameWord.startsWith(word)) : name.includes(word),
  );
  if (!matches) return null;
  const query = queryWords.join(' ');
  const whole = name.join(' ');
  if (whole === query) return 'EXACT_NAME';
  return whole.startsWith(query) ? 'NAME_START' : 'NAME_WORDS';
}

/** Rank of each kind of match: exact names first, then names starting with the query, then the rest. */
export const NAME_MATCH_RANK: Record<NameMatch, number> = { EXACT_NAME: 0, NAME_START: 1, NAME_WORDS: 2 };
