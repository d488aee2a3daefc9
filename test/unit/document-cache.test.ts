import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DocumentCache } from '../../src/graphql/document-cache.js';

describe('the cache of validated documents', () => {
  it('keeps the most recently used documents and drops the least recently used past its size', () => {
    // Prepare
    const cache = new DocumentCache(2);
    const first = parse('{ a }');
    cache.set('{ a }', first);
    cache.set('{ b }', parse('{ b }'));

    // Act: reading the first makes the second the least recently used
    expect(cache.get('{ a }')).toBe(first);
    cache.set('{ c }', parse('{ c }'));

    // Assess
    expect(cache.get('{ a }')).toBe(first);
    expect(cache.get('{ b }')).toBeUndefined();
    expect(cache.get('{ c }')).toBeDefined();
  });
});
