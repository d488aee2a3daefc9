import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { AlarmStatusWidget, Dashboard, GraphWidget, LogQueryWidget, type IAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { RegistryMetric } from '../src/observability/metric-names.js';
import { PERIOD, TABLE_OPERATIONS } from './registry-alarms.js';
import { errorsByCode, registryMetric } from './registry-metrics.js';

export interface RegistryDashboardProps {
  /** Dashboard name; the stack name keeps dev and prod apart. */
  dashboardName: string;
  handler: IFunction;
  /** The handler's log group, for the masked-faults query. */
  logGroup: ILogGroup;
  httpApi: HttpApi;
  table: Table;
  /** Shown with their state at the top. */
  alarms: IAlarm[];
}

const WIDTH = 8;

/**
 * What on-call looks at first: alarm states; requests, errors by code and masked faults; p50/p99 duration;
 * DynamoDB requests per GraphQL request, consumed capacity and throttles; cold starts; the latest faults.
 */
export class RegistryDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: RegistryDashboardProps) {
    super(scope, id);
    const { handler, table } = props;
    const period = PERIOD;
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.hours(6),
    });
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: props.alarms, width: 3 * WIDTH }));
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Requests',
        width: WIDTH,
        left: [
          props.httpApi.metricCount({ period, label: 'API requests' }),
          registryMetric(RegistryMetric.requests).with({ label: 'GraphQL requests' }),
        ],
        right: [props.httpApi.metricServerError({ period, label: 'API 5xx' })],
      }),
      new GraphWidget({ title: 'Errors by code', width: WIDTH, left: [errorsByCode()] }),
      new GraphWidget({
        title: 'Masked faults and handler errors',
        width: WIDTH,
        left: [
          registryMetric(RegistryMetric.faults).with({ label: 'masked faults' }),
          handler.metricErrors({ period, label: 'Lambda errors' }),
        ],
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Duration (ms)',
        width: WIDTH,
        left: ['p50', 'p99'].map((statistic) =>
          handler.metricDuration({ period, statistic, label: `Lambda ${statistic}` }),
        ),
      }),
      new GraphWidget({
        title: 'DynamoDB requests per GraphQL request',
        width: WIDTH,
        left: ['Average', 'p99', 'Maximum'].map((statistic) =>
          registryMetric(RegistryMetric.dynamoDbRequests, statistic).with({ label: statistic }),
        ),
      }),
      new GraphWidget({
        title: 'DynamoDB capacity and throttles',
        width: WIDTH,
        left: [
          table.metricConsumedReadCapacityUnits({ period, label: 'read units' }),
          table.metricConsumedWriteCapacityUnits({ period, label: 'write units' }),
        ],
        right: [
          table.metricThrottledRequestsForOperations({
            operations: TABLE_OPERATIONS,
            period,
            label: 'throttled requests',
          }),
        ],
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Cold starts and throttles',
        width: WIDTH,
        left: [
          registryMetric(RegistryMetric.coldStart).with({ label: 'cold starts' }),
          handler.metricThrottles({ period, label: 'Lambda throttles' }),
        ],
      }),
      new LogQueryWidget({
        title: "Latest masked faults (find a caller's requestId here)",
        width: 2 * WIDTH,
        logGroupNames: [props.logGroup.logGroupName],
        queryLines: [
          'fields @timestamp, requestId, operationName, error.name, error.message',
          'filter level = "ERROR"',
          'sort @timestamp desc',
          'limit 20',
        ],
      }),
    );
  }
}
