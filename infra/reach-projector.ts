import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  FilterCriteria,
  FilterRule,
  Function as LambdaFunction,
  Runtime,
  StartingPosition,
} from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SERVICE_NAME } from '../src/observability/metric-names.js';
import { writesLogsTo } from './api-function.js';
import { REACH_PROJECTOR_ENTRY } from './lambda-bundle.js';
import { BUNDLED_HANDLER, bundledCode } from './lambda-code.js';
import type { RegistryAlarms } from './registry-alarms.js';
import type { RegistryTable } from './registry-table.js';

/** The projector's reads and writes: the reach items (Get, BatchGet, Query, transactional Puts). */
const TABLE_ACTIONS = ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'ConditionCheckItem'].map(
  (action) => `dynamodb:${action}`,
);

/** What Lambda's event source mapping does on the stream, in the function's name. */
const STREAM_ACTIONS = ['DescribeStream', 'GetRecords', 'GetShardIterator', 'ListStreams'].map(
  (action) => `dynamodb:${action}`,
);

/** How far behind the stream (ms) the projector may fall before someone looks: reach should lag by seconds. */
export const ITERATOR_AGE_ALARM_MS = 60_000;

export interface ReachProjectorProps {
  table: RegistryTable;
  /** The alarms' owner: the projector's alarms notify the same topic. */
  alarms: RegistryAlarms;
  logRetention: RetentionDays;
  removalPolicy: RemovalPolicy;
}

/**
 * The reach projector (src/entry/reach-projector.ts): a Lambda function on the table's stream, given only the
 * school items' changes (an event filter), in batches of up to 100, in order per shard. A batch that fails is
 * retried, split in two to find the record at fault, and after 5 attempts described to a dead-letter queue (the
 * records themselves stay in the stream for 24 hours). Alarms: the stream's iterator age, and anything in the
 * dead-letter queue. docs/operations.md says what to do.
 */
export class ReachProjector extends Construct {
  readonly function: LambdaFunction;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: ReachProjectorProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'LogGroup', {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'The reach projector: its own log group, the registry table and its stream, its dead-letter queue',
      inlinePolicies: {
        logs: writesLogsTo(logGroup),
        table: new PolicyDocument({
          statements: [
            new PolicyStatement({ actions: TABLE_ACTIONS, resources: [props.table.tableArn] }),
            new PolicyStatement({
              actions: STREAM_ACTIONS,
              resources: [props.table.tableStreamArn!],
            }),
          ],
        }),
        deadLetters: new PolicyDocument({
          statements: [
            new PolicyStatement({
              actions: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
              resources: [this.deadLetters.queueArn],
            }),
          ],
        }),
      },
    });
    this.function = new LambdaFunction(this, 'Function', {
      code: bundledCode(REACH_PROJECTOR_ENTRY),
      handler: BUNDLED_HANDLER,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(60),
      role: role.withoutPolicyUpdates(),
      logGroup,
      environment: {
        NODE_ENV: 'production',
        TABLE_NAME: props.table.tableName,
        POWERTOOLS_SERVICE_NAME: `${SERVICE_NAME}-reach`,
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
    });
    this.function.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        retryAttempts: 5,
        bisectBatchOnError: true,
        onFailure: new SqsDlq(this.deadLetters),
        filters: [FilterCriteria.filter({ dynamodb: { Keys: { sk: { S: FilterRule.isEqual('SCHOOL') } } } })],
      }),
    );
    props.alarms.alarmOn(
      'ReachIteratorAge',
      `The reach projector is ${ITERATOR_AGE_ALARM_MS / 1000} s or more behind the table's changes`,
      this.function.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(5) }),
      ITERATOR_AGE_ALARM_MS,
    );
    props.alarms.alarmOn(
      'ReachDeadLetters',
      'A batch of changes failed the reach projector 5 times: see docs/operations.md, then npm run reach:audit',
      this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
    );
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "This queue is the reach projector's dead-letter destination; it needs none of its own",
    });
  }
}
