import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet } from './batch-get.js';
import { keys, placePrefixes } from './keys.js';
import { queryPage, type ListSource, type Page } from './query-page.js';
import { schoolItemFilter, type SchoolCriteria, type SchoolFilterName } from './school-filters.js';
import { fromSchoolItem, type StoredSchool } from './school-item.js';
import type { Store } from './store.js';
import type { Phase } from '../domain/phase.js';

/** Schools by URN, in the order asked, undefined where the registry has no such school. */
export async function getSchoolsByUrn(
  store: Store,
  urns: readonly string[],
  options: { consistent?: boolean } = {},
): Promise<(StoredSchool | undefined)[]> {
  const items = await batchGet(
    store,
    urns.map((urn) => keys.school(urn)),
    options,
  );
  return items.map((item) => (item ? fromSchoolItem(item) : undefined));
}

/**
 * Schools matching the criteria, in place order (region, local authority, URN). Picks the index whose
 * key answers most of the question (teaching schools, a phase, or a place) and filters the rest.
 */
export async function findSchools(
  store: Store,
  criteria: SchoolCriteria,
  page: { first: number; after?: string | null },
): Promise<Page<StoredSchool>> {
  const source = sourceFor(criteria);
  return queryPage(store, {
    list: 'schools',
    index: source.index,
    segments: placePrefixes(criteria).map((prefix) => ({ partition: source.partition, prefix })),
    filter: schoolItemFilter(criteria, source.answers),
    first: page.first,
    after: page.after,
    map: fromSchoolItem,
  });
}

/** The access patterns of school lists: each an index partition, in place order (`<region>#<laCode>#<urn>`). */
const SCHOOL_LISTS = {
  byPlace: { index: 'gsi1', partition: keys.allSchools },
  byPhaseAndPlace: (phase: Phase): ListSource => ({ index: 'gsi2', partition: keys.schoolsInPhase(phase) }),
  teachingByPlace: { index: 'gsi3', partition: keys.teachingSchools },
  untappedOutstandingByPlace: { index: 'gsi3', partition: keys.untappedOutstanding },
} satisfies Record<string, ListSource | ((...args: never[]) => ListSource)>;

/**
 * Where a list of schools is read from: the index partition whose key answers most of the question, and the
 * criteria that key answers (the place always: region and local authority are sort-key prefixes).
 */
function sourceFor(criteria: SchoolCriteria): ListSource & { answers: SchoolFilterName[] } {
  if (criteria.untappedOutstanding) {
    return { ...SCHOOL_LISTS.untappedOutstandingByPlace, answers: ['region', 'untappedOutstanding'] };
  }
  const current = criteria.designationStatus !== 'DE_DESIGNATED';
  if (criteria.isTeachingSchool === true && current) {
    return { ...SCHOOL_LISTS.teachingByPlace, answers: ['region', 'isTeachingSchool'] };
  }
  if (criteria.phase) return { ...SCHOOL_LISTS.byPhaseAndPlace(criteria.phase), answers: ['region', 'phase'] };
  return { ...SCHOOL_LISTS.byPlace, answers: ['region'] };
}

/** A school read strongly consistently, as a change starts from it; undefined when unknown. */
export async function getSchoolForChange(store: Store, urn: string): Promise<StoredSchool | undefined> {
  const result = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: keys.school(urn), ConsistentRead: true }),
  );
  return result.Item ? fromSchoolItem(result.Item) : undefined;
}
