import { projectReach } from '../store/reach-projection.js';
import { createStreamsClient, enableStream, type Store } from '../store/store.js';
import { startStreamPoller, type StreamPoller, type StreamPollerOptions } from '../store/stream-poller.js';
import { schoolChangesOf } from '../store/stream-records.js';

/** The checkpoint name of the reach projector's local poller. */
export const REACH_CONSUMER = 'reach';

/**
 * The reach projector on DynamoDB Local: the table's stream turned on (after its fresh load), read by a local
 * poller that hands each batch to the same `projectReach` the Lambda function runs in AWS.
 */
export async function startLocalReachProjector(
  store: Store,
  endpoint: string,
  options: Pick<StreamPollerOptions, 'intervalMs' | 'onError' | 'batchSize'> & {
    /** Wraps the projection of each batch (tests make it fail part-way). */
    around?: (project: () => Promise<void>, changes: number) => Promise<void>;
  } = {},
): Promise<StreamPoller> {
  const streamArn = await enableStream(store);
  return startStreamPoller({
    ...options,
    store,
    streams: createStreamsClient({ endpoint }),
    streamArn,
    consumer: REACH_CONSUMER,
    handle: async (records) => {
      const changes = schoolChangesOf(records);
      const project = async () => void (await projectReach(store, changes));
      await (options.around ? options.around(project, changes.length) : project());
    },
  });
}
