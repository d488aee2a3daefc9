import { MathExpression, Metric, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import {
  METRICS_NAMESPACE,
  RegistryDimension,
  RegistryMetric,
  SERVICE_NAME,
} from '../src/observability/metric-names.js';
import { PERIOD } from './registry-alarms.js';

/** Below this many requests in a period an error rate says nothing: rate alarms stay quiet. */
export const MIN_REQUESTS_FOR_RATE = 20;

/**
 * One of the handler's own metrics (CloudWatch embedded metric format, written by Powertools Metrics).
 * @param dimensions more dimensions than `service`
 */
export function registryMetric(
  name: (typeof RegistryMetric)[keyof typeof RegistryMetric],
  statistic = 'Sum',
  dimensions: Record<string, string> = {},
): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: name,
    dimensionsMap: { [RegistryDimension.service]: SERVICE_NAME, ...dimensions },
    statistic,
    period: PERIOD,
  });
}

/** Errors with `code` per hundred requests; 0 while fewer than MIN_REQUESTS_FOR_RATE requests came. */
export function errorRate(code: string): IMetric {
  return new MathExpression({
    label: `${code} per 100 requests`,
    expression: `IF(requests >= ${MIN_REQUESTS_FOR_RATE}, 100 * FILL(errors, 0) / requests, 0)`,
    usingMetrics: {
      requests: registryMetric(RegistryMetric.requests),
      errors: registryMetric(RegistryMetric.errors, 'Sum', { [RegistryDimension.errorCode]: code }),
    },
    period: PERIOD,
  });
}

/** Every error code's count, as one line each (dashboards only: alarms cannot use SEARCH). */
export function errorsByCode(): IMetric {
  const { service, errorCode } = RegistryDimension;
  return new MathExpression({
    label: '',
    expression:
      `SEARCH('{${METRICS_NAMESPACE},${errorCode},${service}} MetricName="${RegistryMetric.errors}"', ` +
      `'Sum', ${PERIOD.toSeconds()})`,
    period: PERIOD,
  });
}
