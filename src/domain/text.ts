import { InvalidInput } from './errors.js';
import { unicodePattern } from './unicode-pattern.js';

/** C0 and C1 control characters; `multiline` text keeps tab, line feed and carriage return. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
/** Bidirectional embeddings, overrides and isolates, which reorder how text is shown (Trojan Source). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/** A UTF-16 surrogate with no partner. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Characters that show nothing: zero-width spaces and joiners, soft hyphens, variation selectors, BOMs. */
const INVISIBLE = unicodePattern('\\p{Default_Ignorable_Code_Point}', 'gu');

/**
 * Text from outside (a name, a note) as the registry stores it: NFC-normalised. Refuses, naming the field,
 * control characters (line breaks allowed when `multiline`), lone surrogates and bidirectional controls.
 */
export function cleanText(value: string, field: string, options: { multiline?: boolean } = {}): string {
  if (LONE_SURROGATE.test(value)) {
    throw new InvalidInput(field, `${field} holds a broken character (a lone UTF-16 surrogate)`);
  }
  const text = value.normalize('NFC');
  if ((options.multiline ? CONTROL_BUT_LINES : CONTROL).test(text)) {
    throw new InvalidInput(field, `${field} holds a control character`);
  }
  if (BIDI_CONTROL.test(text)) {
    throw new InvalidInput(field, `${field} holds a bidirectional control character, which can disguise text`);
  }
  return text;
}

/**
 * A name cleaned (see cleanText), with runs of spaces made one and ends trimmed; refused when nothing
 * visible is left.
 */
export function cleanName(value: string, field: string): string {
  const name = cleanText(value, field).trim().replace(/\s+/gu, ' ');
  if (!name.replace(INVISIBLE(), '').trim()) throw new InvalidInput(field, `${field} is blank`);
  return name;
}

/**
 * What two names must not share to be told apart: invisible characters removed, compatibility forms
 * folded (NFKC), case folded, spaces collapsed. "Camden Primary Partnership" with a zero-width space in it
 * has the same key as without.
 */
export function uniquenessKey(name: string): string {
  return name.normalize('NFKC').replace(INVISIBLE(), '').toUpperCase().toLowerCase().trim().replace(/\s+/gu, ' ');
}

/**
 * Order of identifiers made of digits (URNs, local authority codes): the order `localeCompare` gives them, without
 * the ICU collator its first call builds (7-13 ms of a cold start on Node 20).
 */
export function compareIdentifiers(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}
