import DataLoader from 'dataloader';
import type { StoredAlliance } from '../store/alliance-item.js';
import { type FeedEntry, getChangeSubjects } from '../store/change-feed.js';
import type { Page } from '../store/query-page.js';
import type { StoredSchool } from '../store/school-item.js';
import type { RequestContext } from './context.js';

/** A change in a page of the feed, with the page's loader of the records changes are about. */
export interface ChangeNode {
  entry: FeedEntry;
  subject: () => Promise<StoredSchool | StoredAlliance | null>;
}

export type ChangeConnectionSource = Page<ChangeNode>;

/** Whether an audit subject names a record (`SCHOOL#…` or `ALLIANCE#…`) rather than the whole registry. */
export function isRecordSubject(subject: string): boolean {
  return subject.startsWith('SCHOOL#') || subject.startsWith('ALLIANCE#');
}

/**
 * Turns a page of feed entries into nodes whose subjects load together: one BatchGetItem for the page's schools
 * and alliances alike, primed into the request's loaders so their own fields read nothing again.
 */
export function changeNodes(context: RequestContext, page: Page<FeedEntry>): ChangeConnectionSource {
  const subjects = new DataLoader<string, StoredSchool | StoredAlliance | undefined>(
    async (keys) => {
      const found = await getChangeSubjects(context.store, keys);
      for (const record of found) {
        if (record && 'urn' in record) context.loaders.schoolByUrn.prime(record.urn, record);
        else if (record) context.loaders.allianceById.prime(record.id, record);
      }
      return found;
    },
    { maxBatchSize: 100 },
  );
  const subjectOf = async (entry: FeedEntry) =>
    isRecordSubject(entry.subject) ? ((await subjects.load(entry.subject)) ?? null) : null;
  return {
    ...page,
    edges: page.edges.map(({ node, cursor }) => ({ node: { entry: node, subject: () => subjectOf(node) }, cursor })),
  };
}
