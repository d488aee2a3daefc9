import type { DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../observability/powertools.js';
import { projectReach } from '../store/reach-projection.js';
import { createStore } from '../store/store.js';
import { schoolChangesOf, type StreamRecordLike } from '../store/stream-records.js';

const tableName = process.env.TABLE_NAME;
if (!tableName) throw new Error('TABLE_NAME is not set');
const store = createStore({ tableName });

/**
 * The reach projector in AWS: DynamoDB Streams invokes it with batches of the table's changes, in order per
 * shard. A failed batch is retried (then split, then sent to the dead-letter queue: infra/reach-projector.ts);
 * a replayed batch writes nothing, since the projection writes only what differs from what it reads.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<void> => {
  const changes = schoolChangesOf(event.Records as StreamRecordLike[]);
  if (changes.length === 0) return;
  const report = await projectReach(store, changes);
  logger.info('Reach projected', { records: event.Records.length, schoolChanges: changes.length, ...report });
};
