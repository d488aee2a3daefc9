import { isTeachingCell, type CoverageCell } from '../domain/coverage-cell.js';
import { TEACHING_STATUSES, type DesignationStatus } from '../domain/designation.js';
import { OPEN_STATUSES } from '../domain/establishment-status.js';
import type { OfstedRating } from '../domain/ofsted.js';
import type { Phase } from '../domain/phase.js';
import type { GorRegion } from '../domain/region.js';
import { FilterBuilder } from './item-filter.js';
import type { ItemFilter } from './query-page.js';

/**
 * What a list of schools may be narrowed to. A local authority comes with the regions its schools are
 * in (`regionsIn` of its counts); the region, if given, is the school's own.
 */
export interface SchoolCriteria {
  region?: GorRegion | null;
  localAuthority?: { code: string; schoolRegions: readonly GorRegion[] } | null;
  phase?: Phase | null;
  ofstedRating?: OfstedRating | null;
  isTeachingSchool?: boolean | null;
  designationStatus?: DesignationStatus | null;
  /** Inspected, and rated below Outstanding. */
  belowOutstanding?: boolean | null;
  /** Open, rated Outstanding, and not a teaching school. */
  untappedOutstanding?: boolean | null;
}

/** A criterion other than the local authority (which picks the counts, or the key prefixes, to read). */
export type SchoolFilterName = Exclude<keyof SchoolCriteria, 'localAuthority'>;

/**
 * One filter, defined once for both sides of a list: `cell` says whether a coverage cell's schools pass (what
 * `totalCount` sums), `item` adds the same test as a FilterExpression clause on a school item (what a page
 * reads), unless the list's key already answers it. So a page and its count cannot disagree.
 */
interface SchoolFilter<Name extends SchoolFilterName> {
  cell: (cell: CoverageCell, value: NonNullable<SchoolCriteria[Name]>) => boolean;
  item: (filter: FilterBuilder, value: NonNullable<SchoolCriteria[Name]>) => void;
}

const designation = { '#designation': 'designation', '#status': 'status' };

/** `:teaching0, :teaching1`: the teaching statuses as expression values. */
const teachingValues = Object.fromEntries(
  TEACHING_STATUSES.map((status, position) => [`:teaching${position}`, status]),
);
const teachingList = Object.keys(teachingValues).join(', ');
const openValues = Object.fromEntries(OPEN_STATUSES.map((status, position) => [`:open${position}`, status]));

const isTeachingClause = (filter: FilterBuilder) =>
  filter.clause(`#designation.#status IN (${teachingList})`, designation, teachingValues);

const notTeachingClause = (filter: FilterBuilder) =>
  filter.clause(
    `(attribute_not_exists(#designation) OR NOT (#designation.#status IN (${teachingList})))`,
    designation,
    teachingValues,
  );

const SCHOOL_FILTERS: { [Name in SchoolFilterName]: SchoolFilter<Name> } = {
  region: {
    cell: (cell, region) => cell.region === region,
    item: (filter, region) => filter.equals('region', region),
  },
  phase: {
    cell: (cell, phase) => cell.phase === phase,
    item: (filter, phase) => filter.equals('phase', phase),
  },
  ofstedRating: {
    cell: (cell, rating) => cell.rating === rating,
    item: (filter, rating) => filter.equals('ofstedRating', rating),
  },
  isTeachingSchool: {
    cell: (cell, teaching) => isTeachingCell(cell) === teaching,
    item: (filter, teaching) => (teaching ? isTeachingClause(filter) : notTeachingClause(filter)),
  },
  designationStatus: {
    cell: (cell, status) => cell.teaching === status,
    item: (filter, status) => filter.clause('#designation.#status = :status', designation, { ':status': status }),
  },
  belowOutstanding: {
    cell: (cell, below) => !below || (cell.rating !== 'NONE' && cell.rating !== 'OUTSTANDING'),
    item: (filter, below) => {
      if (!below) return;
      filter.clause(
        'attribute_exists(#rating) AND #rating <> :outstanding',
        { '#rating': 'ofstedRating' },
        {
          ':outstanding': 'OUTSTANDING',
        },
      );
    },
  },
  untappedOutstanding: {
    cell: (cell, untapped) => !untapped || (cell.open && cell.rating === 'OUTSTANDING' && !isTeachingCell(cell)),
    item: (filter, untapped) => {
      if (!untapped) return;
      filter
        .clause(
          `#establishmentStatus IN (${Object.keys(openValues).join(', ')})`,
          { '#establishmentStatus': 'status' },
          openValues,
        )
        .equals('ofstedRating', 'OUTSTANDING');
      notTeachingClause(filter);
    },
  },
};

/** The criteria given, as [name, value] pairs. */
function given(criteria: SchoolCriteria): [SchoolFilterName, unknown][] {
  return (Object.keys(SCHOOL_FILTERS) as SchoolFilterName[])
    .filter((name) => criteria[name] != null)
    .map((name) => [name, criteria[name]]);
}

/** The FilterExpression for the criteria a list's key does not answer (`answered`); null when none is left. */
export function schoolItemFilter(criteria: SchoolCriteria, answered: readonly SchoolFilterName[]): ItemFilter | null {
  const filter = new FilterBuilder();
  for (const [name, value] of given(criteria)) {
    if (answered.includes(name)) continue;
    (SCHOOL_FILTERS[name].item as (filter: FilterBuilder, value: unknown) => void)(filter, value);
  }
  return filter.build();
}

/** Whether a coverage cell's schools meet every criterion given (the local authority aside). */
export function schoolCellMatcher(criteria: SchoolCriteria): (cell: CoverageCell) => boolean {
  const tests = given(criteria).map(
    ([name, value]) =>
      (cell: CoverageCell) =>
        (SCHOOL_FILTERS[name].cell as (cell: CoverageCell, value: unknown) => boolean)(cell, value),
  );
  return (cell) => tests.every((test) => test(cell));
}
