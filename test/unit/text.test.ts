import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../../src/domain/errors.js';
import { cleanName, cleanText, compareIdentifiers, uniquenessKey } from '../../src/domain/text.js';

describe('text from outside', () => {
  it('is NFC-normalised', () => {
    expect(cleanText('Cafe\u0301', 'name')).toBe('Café');
  });

  it.each([
    ['NUL', 'Camden\u0000 Primary'],
    ['a C1 control', 'Camden\u0085Primary'],
    ['a lone high surrogate', 'Camden \uD800Primary'],
    ['a lone low surrogate', 'Camden \uDC00Primary'],
    ['a right-to-left override', 'Camden \u202EyramirP'],
    ['a left-to-right isolate', 'Camden \u2066Primary\u2069'],
  ])('refuses %s, naming the field', (_what, value) => {
    expect(() => cleanText(value, 'name')).toThrow(
      expect.objectContaining({ constructor: InvalidInput, field: 'name' }),
    );
  });

  it('keeps line breaks and tabs in multi-line notes, and refuses them in names', () => {
    expect(cleanText('Head leaving.\r\n\tNew head from May.', 'notes', { multiline: true })).toBe(
      'Head leaving.\r\n\tNew head from May.',
    );
    expect(() => cleanText('Camden\nPrimary', 'name')).toThrow(InvalidInput);
  });

  it('keeps emoji and other paired surrogates', () => {
    expect(cleanText('Alliance 🏫', 'name')).toBe('Alliance 🏫');
  });
});

describe('names', () => {
  it('refuses a name made only of zero-width characters', () => {
    expect(() => cleanName('\u200B\u200C\u2060\uFEFF', 'name')).toThrow(
      expect.objectContaining({ field: 'name', message: 'name is blank' }),
    );
  });

  it('collapses spaces and trims', () => {
    expect(cleanName('  Camden   Primary  Partnership ', 'name')).toBe('Camden Primary Partnership');
  });
});

describe('uniqueness keys', () => {
  it('match names that look the same: invisible characters, case, compatibility forms and spacing', () => {
    const key = uniquenessKey('Camden Primary Partnership');

    expect(uniquenessKey('Camden Primary Partnership\u200B')).toBe(key);
    expect(uniquenessKey('camden PRIMARY\u00AD partnership')).toBe(key);
    expect(uniquenessKey('Ｃamden Primary  Partnership')).toBe(key);
    expect(uniquenessKey('Straße')).toBe(uniquenessKey('STRASSE'));
  });

  it('tell apart names that differ visibly', () => {
    expect(uniquenessKey('Camden Primary Partnership')).not.toBe(uniquenessKey('Camden Primary Partnerships'));
  });
});

describe('identifier order', () => {
  it('puts URNs and local authority codes in the order localeCompare gives them', () => {
    // Prepare
    const identifiers = ['938', '100000', '201', '99', '202', '100001', '201'];

    // Act
    const ordered = [...identifiers].sort(compareIdentifiers);

    // Assess
    expect(ordered).toEqual([...identifiers].sort((left, right) => left.localeCompare(right)));
    expect(ordered).toEqual(['100000', '100001', '201', '201', '202', '938', '99']);
  });
});
