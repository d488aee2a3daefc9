import { isTeachingStatus, type DesignationStatus } from './designation.js';
import { isOpen } from './establishment-status.js';
import type { OfstedRating } from './ofsted.js';
import type { Phase } from './phase.js';
import type { GorRegion } from './region.js';
import type { School } from './school.js';

/** Where a school stands as a teaching school: its latest designation's status, or NONE if it never had one. */
export type TeachingState = DesignationStatus | 'NONE';

/**
 * The smallest unit of coverage arithmetic. Each local authority keeps a count of its schools per cell,
 * so every coverage figure (schools, teaching schools, outstanding, untapped, by phase, open or not)
 * is a sum over cells and never needs the school items.
 */
export interface CoverageCell {
  open: boolean;
  /** The school's own GOR region: a few schools sit in a region other than their local authority's. */
  region: GorRegion;
  phase: Phase;
  rating: OfstedRating | 'NONE';
  teaching: TeachingState;
}

/** Counts of schools per cell key, as stored on a local authority. */
export type CellCounts = Readonly<Record<string, number>>;

const OPEN_PREFIX = 'c';
const NOT_OPEN_PREFIX = 'x';

type CellFields = Pick<School, 'status' | 'region' | 'phase' | 'ofstedRating' | 'designation'>;

export function cellOf(school: CellFields): CoverageCell {
  return {
    open: isOpen(school.status),
    region: school.region,
    phase: school.phase,
    rating: school.ofstedRating ?? 'NONE',
    teaching: school.designation?.status ?? 'NONE',
  };
}

export function cellKey(cell: CoverageCell): string {
  return [cell.open ? OPEN_PREFIX : NOT_OPEN_PREFIX, cell.region, cell.phase, cell.rating, cell.teaching].join('#');
}

export function parseCellKey(key: string): CoverageCell | null {
  const [prefix, region, phase, rating, teaching, ...rest] = key.split('#');
  if (
    (prefix !== OPEN_PREFIX && prefix !== NOT_OPEN_PREFIX) ||
    !region ||
    !phase ||
    !rating ||
    !teaching ||
    rest.length > 0
  )
    return null;
  return {
    open: prefix === OPEN_PREFIX,
    region: region as GorRegion,
    phase: phase as Phase,
    rating: rating as CoverageCell['rating'],
    teaching: teaching as TeachingState,
  };
}

/** The regions a local authority's schools sit in (almost always one). */
export function regionsIn(counts: CellCounts): GorRegion[] {
  const regions = new Set<GorRegion>();
  for (const [key, count] of Object.entries(counts)) {
    const cell = parseCellKey(key);
    if (cell && count > 0) regions.add(cell.region);
  }
  return [...regions].sort();
}

/** Whether a cell's schools are teaching schools (designated, including while under review). */
export function isTeachingCell(cell: CoverageCell): boolean {
  return isTeachingStatus(cell.teaching);
}

/** Sums the counts of the cells a predicate accepts. */
export function countCells(counts: CellCounts, accept: (cell: CoverageCell) => boolean): number {
  let total = 0;
  for (const [key, count] of Object.entries(counts)) {
    const cell = parseCellKey(key);
    if (cell && accept(cell)) total += count;
  }
  return total;
}

/** A change to one local authority's count for one cell. */
export interface CellDelta {
  laCode: string;
  key: string;
  delta: number;
}

/**
 * The count changes that turning `before` into `after` makes (either may be null for a school
 * that appears or disappears). Unchanged cells give no delta.
 */
export function cellDeltas(
  before: (CellFields & Pick<School, 'laCode'>) | null,
  after: (CellFields & Pick<School, 'laCode'>) | null,
): CellDelta[] {
  const deltas = new Map<string, CellDelta>();
  const move = (school: typeof before, delta: number) => {
    if (!school) return;
    const key = cellKey(cellOf(school));
    const id = `${school.laCode}|${key}`;
    const existing = deltas.get(id);
    if (existing) existing.delta += delta;
    else deltas.set(id, { laCode: school.laCode, key, delta });
  };
  move(before, -1);
  move(after, 1);
  return [...deltas.values()].filter((change) => change.delta !== 0);
}
