import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { keys } from './keys.js';
import type { SchoolChange } from './reach-projection.js';
import { fromSchoolItem } from './school-item.js';

type Image = Record<string, AttributeValue>;

/**
 * A DynamoDB stream record as both Lambda's event and the Streams API's GetRecords give it (NEW_AND_OLD_IMAGES).
 * Only the fields the projector reads.
 */
export interface StreamRecordLike {
  eventName?: string;
  dynamodb?: {
    Keys?: Record<string, unknown>;
    NewImage?: Record<string, unknown>;
    OldImage?: Record<string, unknown>;
    /** Epoch seconds (Lambda's event) or a Date (the Streams API). */
    ApproximateCreationDateTime?: number | Date;
  };
}

/** The school changes among stream records, in order; records of other items are left out. */
export function schoolChangesOf(records: readonly StreamRecordLike[]): SchoolChange[] {
  const changes: SchoolChange[] = [];
  for (const record of records) {
    const data = record.dynamodb;
    const before = data?.OldImage ? unmarshall(data.OldImage as Image) : undefined;
    const after = data?.NewImage ? unmarshall(data.NewImage as Image) : undefined;
    const item = after ?? before;
    if (!item || !isSchoolItem(item)) continue;
    changes.push({
      urn: item.urn as string,
      before: before ? fromSchoolItem(before) : null,
      after: after ? fromSchoolItem(after) : null,
      at: (after?.updatedAt as string | undefined) ?? timeOf(data?.ApproximateCreationDateTime),
    });
  }
  return changes;
}

function isSchoolItem(item: Record<string, unknown>): boolean {
  return item.sk === keys.school(String(item.urn)).sk && item.pk === keys.school(String(item.urn)).pk;
}

function timeOf(approximate: number | Date | undefined): string {
  if (approximate instanceof Date) return approximate.toISOString();
  return new Date(approximate === undefined ? Date.now() : approximate * 1000).toISOString();
}
