import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { INDEXES, STREAM_VIEW_TYPE, TABLE_KEYS, TIME_TO_LIVE_ATTRIBUTE } from '../src/store/table-definition.js';

export interface RegistryTableProps {
  /** RETAIN also turns deletion protection on, so neither CloudFormation nor a console click deletes the data. */
  removalPolicy: RemovalPolicy;
}

/**
 * The registry's one table, from the key schema and indexes the code defines in
 * src/store/table-definition.ts: on demand, point-in-time recovery, AWS-managed KMS encryption, TTL on
 * the attribute the code sets on expiring items, and a stream for the reach projector.
 */
export class RegistryTable extends Table {
  /** ARNs of the table's global secondary indexes, one per index the code queries. */
  readonly indexArns: string[];

  constructor(scope: Construct, id: string, props: RegistryTableProps) {
    super(scope, id, {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: props.removalPolicy === RemovalPolicy.RETAIN,
      removalPolicy: props.removalPolicy,
      timeToLiveAttribute: TIME_TO_LIVE_ATTRIBUTE,
      // The reach projector reads each change, before and after.
      stream: StreamViewType[STREAM_VIEW_TYPE],
    });
    for (const index of Object.values(INDEXES)) {
      this.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
    this.indexArns = Object.values(INDEXES).map((index) => `${this.tableArn}/index/${index.name}`);
  }
}
