import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../src/store/cursor.js';

describe('cursors', () => {
  it('decode to the position they were made from', () => {
    expect(decodeCursor('schools', encodeCursor('schools', [0, 'SCHOOL#100000']))).toEqual([0, 'SCHOOL#100000']);
  });

  it.each([
    ['another list', encodeCursor('localAuthorities:ALL', [3])],
    ['garbage', 'not-a-cursor'],
    ['an empty string', ''],
    ['JSON that is not a position', Buffer.from('{"a":1}').toString('base64url')],
  ])('refuse %s, naming the argument', (_what, cursor) => {
    expect(() => decodeCursor('schools', cursor)).toThrow(/after is not a cursor of this list/);
  });
});
