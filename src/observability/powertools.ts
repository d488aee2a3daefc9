import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { METRICS_NAMESPACE, SERVICE_NAME } from './metric-names.js';

/**
 * The handler's Powertools instances, created once per container as Powertools recommends. They read
 * their settings from the environment: `POWERTOOLS_LOG_LEVEL`, `POWERTOOLS_LOGGER_SAMPLE_RATE` (share of
 * requests logged at DEBUG), `POWERTOOLS_DEV` (indented logs on the terminal, metrics off),
 * `POWERTOOLS_TRACE_ENABLED`. Tracing is active only inside Lambda.
 */
export const logger = new Logger({ serviceName: SERVICE_NAME });

export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });

export const tracer = new Tracer({ serviceName: SERVICE_NAME });
