import { InvalidInput } from '../domain/errors.js';
import { isLaCode, type LocalAuthority } from '../domain/local-authority.js';
import { matchName, nameWords } from '../domain/name-words.js';

/**
 * Which local authorities a name filter keeps: its 3-digit code, or words of its name (the last one as a
 * prefix), with case, accents and punctuation ignored. A filter with neither is refused naming `filter.name`.
 */
export function authorityNameMatcher(name: string): (authority: LocalAuthority) => boolean {
  const trimmed = name.trim();
  if (isLaCode(trimmed)) return (authority) => authority.code === trimmed;
  const words = nameWords(trimmed);
  if (words.length === 0)
    throw new InvalidInput('filter.name', 'filter.name needs a word of the name or a 3-digit code');
  return (authority) => matchName(words, nameWords(authority.name)) !== null;
}
