import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DesignationStatus } from '../domain/designation.js';
import type { OfstedRating } from '../domain/ofsted.js';
import type { Phase } from '../domain/phase.js';
import type { GorRegion } from '../domain/region.js';
import { batchGet } from './batch-get.js';
import { keys, placePrefixes } from './keys.js';
import { queryPage, type ItemFilter, type Page } from './query-page.js';
import { fromSchoolItem, type StoredSchool } from './school-item.js';
import type { Store } from './store.js';
import { FilterBuilder } from './item-filter.js';
import type { IndexName } from './table-definition.js';

/** Schools by URN, in the order asked, undefined where the registry has no such school. */
export async function getSchoolsByUrn(store: Store, urns: readonly string[], options: { consistent?: boolean } = {}): Promise<(StoredSchool | undefined)[]> {
  const items = await batchGet(store, urns.map((urn) => keys.school(urn)), options);
  return items.map((item) => (item ? fromSchoolItem(item) : undefined));
}

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
    filter: filterFor(criteria, source.index),
    first: page.first,
    after: page.after,
    map: fromSchoolItem,
  });
}

function sourceFor(criteria: SchoolCriteria): { index: IndexName; partition: string } {
  if (criteria.untappedOutstanding) return { index: 'byList', partition: keys.untappedOutstanding };
  const current = criteria.designationStatus !== 'DE_DESIGNATED';
  if (criteria.isTeachingSchool === true && current) return { index: 'byList', partition: keys.teachingSchools };
  if (criteria.phase) return { index: 'byPhase', partition: keys.schoolsInPhase(criteria.phase) };
  return { index: 'byPlace', partition: keys.allSchools };
}

function filterFor(criteria: SchoolCriteria, index: IndexName): ItemFilter | null {
  const filter = new FilterBuilder().equals('ofstedRating', criteria.ofstedRating);
  if (index !== 'byPhase') filter.equals('phase', criteria.phase);
  const designation = { '#designation': 'designation', '#status': 'status' };
  if (criteria.designationStatus) filter.clause('#designation.#status = :status', designation, { ':status': criteria.designationStatus });
  if (criteria.belowOutstanding) {
    filter.clause('attribute_exists(#rating) AND #rating <> :outstanding', { '#rating': 'ofstedRating' }, { ':outstanding': 'OUTSTANDING' });
  }
  if (criteria.isTeachingSchool === false) {
    filter.clause('(attribute_not_exists(#designation) OR #designation.#status = :ended)', designation, { ':ended': 'DE_DESIGNATED' });
  }
  if (criteria.isTeachingSchool === true && index !== 'byList') {
    filter.clause('#designation.#status IN (:designated, :review)', designation, { ':designated': 'DESIGNATED', ':review': 'UNDER_REVIEW' });
  }
  return filter.build();
}

/** A school read strongly consistently, as a change starts from it; undefined when unknown. */
export async function getSchoolForChange(store: Store, urn: string): Promise<StoredSchool | undefined> {
  const result = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.school(urn), ConsistentRead: true }));
  return result.Item ? fromSchoolItem(result.Item) : undefined;
}
