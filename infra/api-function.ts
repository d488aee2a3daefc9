import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE, SERVICE_NAME } from '../src/observability/metric-names.js';
import { LAMBDA_ENTRY } from './lambda-bundle.js';
import { BUNDLED_HANDLER, bundledCode } from './lambda-code.js';
import type { RegistryTable } from './registry-table.js';

/**
 * The DynamoDB actions the handler's store performs on the table. Every write is a TransactWriteItems,
 * which IAM authorises action by action: the puts, updates, deletes and condition checks inside it.
 */
const TABLE_ACTIONS = [
  'GetItem',
  'BatchGetItem',
  'Query',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'ConditionCheckItem',
].map((action) => `dynamodb:${action}`);

/** The only action the handler performs on the table's global secondary indexes. */
const INDEX_ACTIONS = ['dynamodb:Query'];

/** A function's permission to write to its own log group, and no other. */
export function writesLogsTo(logGroup: LogGroup): PolicyDocument {
  return new PolicyDocument({
    statements: [
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    ],
  });
}

export interface ApiFunctionProps {
  /** The table the handler reads and writes; its name goes in TABLE_NAME. */
  table: RegistryTable;
  /** Retention of the function's log group. */
  logRetention: RetentionDays;
  /** Applied to the function's log group. */
  removalPolicy: RemovalPolicy;
  /** GraphQL introspection (the handler's INTROSPECTION). */
  introspection: boolean;
}

/**
 * The GraphQL handler as a Lambda function (arm64, bundled by the local esbuild as `npm run build` does:
 * lambda-code.ts), with its own log group and a role that may only write to that log group and read and write the
 * registry table.
 */
export class ApiFunction extends Construct {
  readonly function: LambdaFunction;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'LogGroup', {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'The registry GraphQL handler: its own log group and the registry table only',
      inlinePolicies: {
        logs: writesLogsTo(logGroup),
        // X-Ray's writes support no resource-level permissions: their resource is always *.
        xray: new PolicyDocument({
          statements: [
            new PolicyStatement({ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] }),
          ],
        }),
        table: new PolicyDocument({
          statements: [
            new PolicyStatement({ actions: TABLE_ACTIONS, resources: [props.table.tableArn] }),
            new PolicyStatement({ actions: INDEX_ACTIONS, resources: props.table.indexArns }),
          ],
        }),
      },
    });
    this.function = new LambdaFunction(this, 'Function', {
      code: bundledCode(LAMBDA_ENTRY),
      handler: BUNDLED_HANDLER,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(10),
      // Every permission is in the inline policies above: active tracing's own X-Ray grant is not added again.
      role: role.withoutPolicyUpdates(),
      logGroup,
      // X-Ray: Lambda's own segments, and the subsegments Powertools Tracer adds (DynamoDB calls).
      tracing: Tracing.ACTIVE,
      environment: {
        NODE_ENV: 'production',
        TABLE_NAME: props.table.tableName,
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        // One request in a hundred logs at DEBUG too (its DynamoDB requests by operation).
        POWERTOOLS_LOGGER_SAMPLE_RATE: '0.01',
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        LOG_LEVEL: 'INFO',
        INTROSPECTION: String(props.introspection),
      },
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray: PutTraceSegments and PutTelemetryRecords support no resource-level permissions, so their resource is *',
    });
  }
}
