import {
  DescribeStreamCommand,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type DynamoDBStreamsClient,
  type GetRecordsCommandOutput,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys.js';
import type { Store } from './store.js';
import type { StreamRecordLike } from './stream-records.js';

export interface StreamPollerOptions {
  store: Store;
  /** A DynamoDB Streams client for the same endpoint as the store. */
  streams: DynamoDBStreamsClient;
  streamArn: string;
  /** The name its checkpoint is kept under, in the table. */
  consumer: string;
  /** Handles a batch of records in order; a failure leaves the checkpoint where it was, so the batch comes again. */
  handle: (records: StreamRecordLike[]) => Promise<void>;
  /**
   * Pause between polls when nothing is new, in ms.
   * @default 200
   */
  intervalMs?: number;
  /**
   * Most records a batch holds.
   * @default 100
   */
  batchSize?: number;
  /** Told of each failed batch (it is retried after a pause). */
  onError?: (error: unknown) => void;
}

export interface StreamPoller {
  /** Stops after the batch in hand (its checkpoint written, or not if it failed). */
  stop: () => Promise<void>;
  /** Resolves once every record written before the call has been handled. */
  drained: () => Promise<void>;
}

const DONE = 'DONE';

/**
 * Reads a table's stream locally as Lambda's event source mapping does in AWS: shard by shard, parents first,
 * batches in order, at least once. After each handled batch it writes the last sequence number to a checkpoint
 * item, so a poller that stops or is killed carries on where it was: the batch in hand when it died comes again,
 * which is why handlers must be idempotent.
 */
export function startStreamPoller(options: StreamPollerOptions): StreamPoller {
  const interval = options.intervalMs ?? 200;
  const checkpointKey = keys.streamCheckpoint(options.consumer);
  const iterators = new Map<string, string>();
  let checkpoint: Record<string, string> | undefined;
  let stopped = false;
  let waiters: (() => void)[] = [];

  const readCheckpoint = async () => {
    const result = await options.store.doc.send(
      new GetCommand({ TableName: options.store.tableName, Key: checkpointKey, ConsistentRead: true }),
    );
    const shards: Record<string, string> = {};
    for (const [name, value] of Object.entries(result.Item ?? {})) {
      if (name.startsWith('shard:')) shards[name.slice('shard:'.length)] = value as string;
    }
    return shards;
  };

  const saveCheckpoint = async (shardId: string, position: string) => {
    await options.store.doc.send(
      new UpdateCommand({
        TableName: options.store.tableName,
        Key: checkpointKey,
        UpdateExpression: 'SET #shard = :position',
        ExpressionAttributeNames: { '#shard': `shard:${shardId}` },
        ExpressionAttributeValues: { ':position': position },
      }),
    );
    checkpoint![shardId] = position;
  };

  const isCheckpoint = (record: StreamRecordLike) => {
    const key = record.dynamodb?.Keys as Record<string, { S?: string }> | undefined;
    return key?.pk?.S === checkpointKey.pk && key?.sk?.S === checkpointKey.sk;
  };

  const iteratorOf = async (shardId: string): Promise<string | undefined> => {
    const known = iterators.get(shardId);
    if (known) return known;
    const after = checkpoint![shardId];
    const result = await options.streams.send(
      new GetShardIteratorCommand({
        StreamArn: options.streamArn,
        ShardId: shardId,
        ShardIteratorType: after ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON',
        SequenceNumber: after,
      }),
    );
    return result.ShardIterator;
  };

  /** One pass over every shard; answers how many records it handled. */
  const pollOnce = async (): Promise<number> => {
    checkpoint ??= await readCheckpoint();
    let handled = 0;
    for (const shard of await shardsInOrder()) {
      const shardId = shard.ShardId!;
      if (checkpoint[shardId] === DONE) continue;
      const iterator = await iteratorOf(shardId);
      if (!iterator) continue;
      let result: GetRecordsCommandOutput;
      try {
        result = await options.streams.send(
          new GetRecordsCommand({ ShardIterator: iterator, Limit: options.batchSize ?? 100 }),
        );
      } catch (error) {
        if (!(error instanceof ExpiredIteratorException)) throw error;
        iterators.delete(shardId);
        continue;
      }
      const records = result.Records ?? [];
      // The checkpoint is an item of the same table: its own writes come back on the stream, and are skipped
      // (saving a checkpoint for them would write another, for ever).
      const changes = records.filter((record) => !isCheckpoint(record as StreamRecordLike));
      if (changes.length > 0) {
        try {
          await options.handle(changes as StreamRecordLike[]);
        } catch (error) {
          iterators.delete(shardId);
          throw error;
        }
        await saveCheckpoint(shardId, records.at(-1)!.dynamodb!.SequenceNumber!);
        handled += changes.length;
      }
      if (result.NextShardIterator) iterators.set(shardId, result.NextShardIterator);
      else {
        iterators.delete(shardId);
        await saveCheckpoint(shardId, DONE);
      }
    }
    return handled;
  };

  const shardsInOrder = async (): Promise<Shard[]> => {
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const result = await options.streams.send(
        new DescribeStreamCommand({ StreamArn: options.streamArn, ExclusiveStartShardId: start }),
      );
      shards.push(...(result.StreamDescription?.Shards ?? []));
      start = result.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    const starting = (shard: Shard) => BigInt(shard.SequenceNumberRange?.StartingSequenceNumber ?? '0');
    return shards.sort((left, right) => (starting(left) < starting(right) ? -1 : 1));
  };

  const loop = (async () => {
    while (!stopped) {
      const round = waiters;
      waiters = [];
      let handled = 0;
      try {
        handled = await pollOnce();
      } catch (error) {
        options.onError?.(error);
        waiters.push(...round);
        await pause(interval * 5);
        continue;
      }
      if (handled === 0) for (const resolve of round) resolve();
      else waiters.push(...round);
      if (handled === 0 && !stopped) await pause(interval);
    }
  })();

  return {
    stop: async () => {
      stopped = true;
      await loop;
      for (const resolve of waiters) resolve();
    },
    drained: () => new Promise((resolve) => waiters.push(resolve)),
  };
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
