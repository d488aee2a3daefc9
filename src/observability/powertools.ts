import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { METRICS_NAMESPACE, SERVICE_NAME } from './metric-names.js';

/**
 * The handler's Powertools instances, created once per container as Powertools recommends. They read
 * their settings from the environment: `POWERTOOLS_LOG_LEVEL`, `POWERTOOLS_LOGGER_SAMPLE_RATE` (share of
 * requests logged at DEBUG), `POWERTOOLS_DEV` (indented logs on the terminal, metrics off),
 * `POWERTOOLS_TRACE_ENABLED`.
 */
export const logger = new Logger({ serviceName: SERVICE_NAME });

export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });

/**
 * Powertools Tracer where it traces: inside Lambda (the runtime sets AWS_EXECUTION_ENV) unless
 * POWERTOOLS_TRACE_ENABLED is false. Anywhere else Tracer does nothing, so neither it nor the X-Ray SDK it brings
 * (about 100 KiB, evaluated when loaded) is loaded: the local server and tests run without them.
 */
export async function loadTracer(): Promise<Tracer | undefined> {
  const enabled = process.env.POWERTOOLS_TRACE_ENABLED?.toLowerCase() !== 'false';
  if (!process.env.AWS_EXECUTION_ENV || !enabled) return undefined;
  const { Tracer } = await import('@aws-lambda-powertools/tracer');
  return new Tracer({ serviceName: SERVICE_NAME });
}
