import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type Table } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/** The table operations the handler performs, whose throttling the table alarm watches. */
export const TABLE_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
  Operation.BATCH_WRITE_ITEM,
];

/** The period every alarm evaluates, and the dashboard's graphs. */
export const PERIOD = Duration.minutes(5);

export interface RegistryAlarmsProps {
  /** Watched for errors and throttles. */
  handler: IFunction;
  /** Watched for 5xx answers. */
  httpApi: HttpApi;
  /** Watched for throttled requests. */
  table: Table;
  /** Subscribed to the alarm topic by email when given. */
  alarmEmail?: string;
}

/**
 * Alarms that fire on any Lambda error or throttle, any API 5xx and any DynamoDB throttled
 * request within five minutes, all notifying one SNS topic.
 */
export class RegistryAlarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: RegistryAlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'Teaching School Registry alarms', enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    this.alarmOn(
      'FunctionErrors',
      'The GraphQL handler failed (uncaught error or timeout)',
      props.handler.metricErrors({ period: PERIOD }),
    );
    this.alarmOn(
      'FunctionThrottles',
      'The GraphQL handler was throttled',
      props.handler.metricThrottles({ period: PERIOD }),
    );
    this.alarmOn('Api5xx', 'The API answered with a 5xx status', props.httpApi.metricServerError({ period: PERIOD }));
    this.alarmOn(
      'TableThrottles',
      'DynamoDB throttled requests to the registry table',
      props.table.metricThrottledRequestsForOperations({ operations: TABLE_OPERATIONS, period: PERIOD }),
    );
  }

  /** An alarm that notifies the topic when `metric` reaches `threshold` in a five-minute period. */
  alarmOn(id: string, description: string, metric: IMetric, threshold = 1): Alarm {
    const alarm = new Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    return alarm;
  }
}
