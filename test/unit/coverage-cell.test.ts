import { describe, expect, it } from 'vitest';
import {
  cellDeltas,
  cellKey,
  cellOf,
  countCells,
  isTeachingCell,
  parseCellKey,
  regionsIn,
} from '../../src/domain/coverage-cell.js';

const base = {
  laCode: '873',
  status: 'OPEN',
  region: 'EAST_OF_ENGLAND',
  phase: 'PRIMARY',
  ofstedRating: 'OUTSTANDING',
  designation: null,
} as const;
const designated = { status: 'DESIGNATED', cohort: null, designatedOn: null, endedOn: null, endReason: null } as const;

describe('coverage cells', () => {
  it('round-trips a cell through its key', () => {
    const cell = cellOf({ ...base, designation: designated });

    expect(parseCellKey(cellKey(cell))).toEqual(cell);
    expect(cellKey(cell)).toBe('c#EAST_OF_ENGLAND#PRIMARY#OUTSTANDING#DESIGNATED');
  });

  it('keeps closed schools in cells of their own, apart from open ones', () => {
    expect(cellKey(cellOf({ ...base, status: 'CLOSED' }))).toBe('x#EAST_OF_ENGLAND#PRIMARY#OUTSTANDING#NONE');
  });

  it('moves one school from the untapped cell to the teaching cell when it is designated', () => {
    const deltas = cellDeltas(base, { ...base, designation: designated });

    expect(deltas).toEqual([
      { laCode: '873', key: 'c#EAST_OF_ENGLAND#PRIMARY#OUTSTANDING#NONE', delta: -1 },
      { laCode: '873', key: 'c#EAST_OF_ENGLAND#PRIMARY#OUTSTANDING#DESIGNATED', delta: 1 },
    ]);
  });

  it('gives no delta when nothing counted changes', () => {
    expect(cellDeltas(base, { ...base })).toEqual([]);
  });

  it('moves counts between local authorities when a school changes authority', () => {
    const deltas = cellDeltas(base, { ...base, laCode: '874' });

    expect(deltas.map(({ laCode, delta }) => [laCode, delta])).toEqual([
      ['873', -1],
      ['874', 1],
    ]);
  });

  it('counts teaching schools across cells and lists the regions an authority spans', () => {
    const counts = {
      'c#EAST_OF_ENGLAND#PRIMARY#OUTSTANDING#DESIGNATED': 2,
      'c#EAST_OF_ENGLAND#PRIMARY#GOOD#UNDER_REVIEW': 1,
      'c#EAST_MIDLANDS#SECONDARY#GOOD#NONE': 1,
      'c#EAST_MIDLANDS#SECONDARY#OUTSTANDING#DE_DESIGNATED': 1,
      'c#NORTH_EAST#PRIMARY#GOOD#NONE': 0,
    };

    expect(countCells(counts, isTeachingCell)).toBe(3);
    expect(countCells(counts, () => true)).toBe(5);
    expect(regionsIn(counts)).toEqual(['EAST_MIDLANDS', 'EAST_OF_ENGLAND']);
  });
});
