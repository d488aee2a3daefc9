import {
  CreateTableCommand,
  DescribeTableCommand,
  UpdateTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTableInput, STREAM_VIEW_TYPE } from './table-definition.js';
import type { WaitingRead } from './waiting-read.js';

/** The table and the client every access pattern takes. */
export interface Store {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
  /** Takes the read, if any, waiting to go out with this store's next read by key (batch-get.ts). */
  readonly waitingRead?: () => WaitingRead | undefined;
}

export interface StoreOptions {
  /** Table name. */
  tableName: string;
  /**
   * DynamoDB endpoint, for DynamoDB Local.
   * @default the AWS endpoint of the region, from the SDK's default chain
   */
  endpoint?: string;
  /**
   * AWS region.
   * @default the SDK's default chain, or `eu-west-2` when an endpoint is given
   */
  region?: string;
  /** An existing client to share (tests count its requests). */
  client?: DynamoDBClient;
}

export function createStore(options: StoreOptions): Store {
  const client = options.client ?? createClient(options);
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { doc, tableName: options.tableName };
}

/**
 * A DynamoDB client without the SDK's logger middleware: it copies every request's input and output, hiding
 * members marked sensitive, to hand them to the client's logger, even to the default one that discards them. No
 * logger is configured, so that is a walk over every item read (at a cold start, every local authority's) for nothing.
 */
export function createClient(options: Pick<StoreOptions, 'endpoint' | 'region'>): DynamoDBClient {
  const client = new DynamoDBClient(clientConfig(options));
  client.middlewareStack.remove('loggerMiddleware');
  return client;
}

/** A DynamoDB Streams client for the same endpoint (the local reach projector reads DynamoDB Local's stream). */
export function createStreamsClient(options: Pick<StoreOptions, 'endpoint' | 'region'>): DynamoDBStreamsClient {
  return new DynamoDBStreamsClient(clientConfig(options));
}

function clientConfig(options: Pick<StoreOptions, 'endpoint' | 'region'>) {
  if (!options.endpoint) return options.region ? { region: options.region } : {};
  return {
    endpoint: options.endpoint,
    region: options.region ?? 'eu-west-2',
    // DynamoDB Local accepts any credentials; fixed ones keep the developer's real ones out of it.
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  };
}

/** Creates the table unless it exists (DynamoDB Local and tests; the CDK stack creates it in AWS). */
export async function ensureTable(store: Store): Promise<void> {
  try {
    await store.doc.send(new CreateTableCommand(createTableInput(store.tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists({ client: store.doc, maxWaitTime: 60 }, { TableName: store.tableName });
}

/** Turns the table's stream on (NEW_AND_OLD_IMAGES) unless it is on already; answers the stream's ARN. */
export async function enableStream(store: Store): Promise<string> {
  const described = await store.doc.send(new DescribeTableCommand({ TableName: store.tableName }));
  if (described.Table?.StreamSpecification?.StreamEnabled && described.Table.LatestStreamArn) {
    return described.Table.LatestStreamArn;
  }
  const updated = await store.doc.send(
    new UpdateTableCommand({
      TableName: store.tableName,
      StreamSpecification: { StreamEnabled: true, StreamViewType: STREAM_VIEW_TYPE },
    }),
  );
  await waitUntilTableExists({ client: store.doc, maxWaitTime: 60 }, { TableName: store.tableName });
  const arn = updated.TableDescription?.LatestStreamArn;
  if (!arn) throw new Error(`Table ${store.tableName} has no stream after enabling it`);
  return arn;
}
