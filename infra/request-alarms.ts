import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { RegistryMetric } from '../src/observability/metric-names.js';
import type { RegistryAlarms } from './registry-alarms.js';
import { errorRate, MIN_REQUESTS_FOR_RATE, registryMetric } from './registry-metrics.js';

/**
 * Error codes whose share of requests (in percent, over five minutes, once MIN_REQUESTS_FOR_RATE requests
 * came) raises an alarm. INTERNAL_SERVER_ERROR has its own alarm: any one is worth a look.
 */
export const ERROR_RATE_ALARMS: Readonly<Record<string, number>> = {
  TEMPORARILY_UNAVAILABLE: 1,
  UNAUTHENTICATED: 20,
  FORBIDDEN: 10,
  BAD_USER_INPUT: 25,
  GRAPHQL_VALIDATION_FAILED: 25,
};

/** p99 of the handler's duration (ms) that raises an alarm: far above a normal answer, well below the 10 s timeout. */
export const DURATION_P99_ALARM_MS = 3000;

export interface RequestAlarmsProps {
  /** The topic's owner; the new alarms notify the same topic. */
  alarms: RegistryAlarms;
  /** The GraphQL handler, whose duration is watched. */
  handler: IFunction;
}

/**
 * Alarms on what the handler itself reports (Powertools Metrics): masked internal faults, the rate of each
 * error code that means trouble, and the p99 duration. docs/operations.md says what to do for each.
 */
export class RequestAlarms extends Construct {
  constructor(scope: Construct, id: string, props: RequestAlarmsProps) {
    super(scope, id);
    const { alarms } = props;
    alarms.alarmOn(
      'Faults',
      'An internal fault was masked for a caller: its log line has the stack',
      registryMetric(RegistryMetric.faults),
    );
    for (const [code, percent] of Object.entries(ERROR_RATE_ALARMS)) {
      alarms.alarmOn(
        `ErrorRate${code}`,
        `${percent}% or more of requests answered ${code} (over 5 minutes, at least ${MIN_REQUESTS_FOR_RATE} requests)`,
        errorRate(code),
        percent,
      );
    }
    alarms.alarmOn(
      'DurationP99',
      `The GraphQL handler's p99 duration reached ${DURATION_P99_ALARM_MS} ms`,
      props.handler.metricDuration({ statistic: 'p99' }),
      DURATION_P99_ALARM_MS,
    );
  }
}
