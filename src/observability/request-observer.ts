import { type Logger, LogLevelThreshold } from '@aws-lambda-powertools/logger';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { Kind, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import type { GraphqlHandler } from '../entry/graphql-handler.js';
import { unwrapResolverError } from '../graphql/error-format.js';
import type { RequestPlugin } from '../graphql/server.js';
import { ErrorCode } from '../domain/errors.js';
import type { RequestCounter } from '../store/request-counter.js';
import { RegistryDimension, RegistryMetric } from './metric-names.js';

export interface RequestObserverOptions {
  logger: Logger;
  metrics: Metrics;
  /** X-Ray subsegments and annotations, where tracing is on (loadTracer). */
  tracer?: Tracer;
}

/** What the plugin learns about a request, for the handler's one log line. */
interface RequestRecord {
  role: string;
  /** The DynamoDB requests the request sent (its context's tally). */
  requests: RequestCounter;
  operationName: string | null;
  operation: string;
  errorCodes: string[];
}

/**
 * Observes each request once: `wrap` puts Powertools around the Lambda handler (request context and debug
 * sampling on the logger, cold start metric, an X-Ray subsegment) and writes one log line and the metrics per
 * request; `plugin` (the GraphQL server's) tells it the operation, the caller's role (never the token or
 * e-mail) and the error codes, and logs every internal fault with its stack, since callers only get its
 * request id.
 */
export function createRequestObserver(options: RequestObserverOptions) {
  const { logger, metrics, tracer } = options;
  const records = new Map<string, RequestRecord>();
  const dimensioned = dimensionedMetrics(metrics);

  const plugin: RequestPlugin = {
    requestDidStart(context) {
      records.set(context.requestId, {
        role: context.caller.role,
        requests: context.requests,
        operationName: null,
        operation: 'none',
        errorCodes: [],
      });
    },
    didResolveOperation(context, operation) {
      const record = records.get(context.requestId);
      if (!record) return;
      record.operationName = operation.name?.value ?? null;
      record.operation = rootField(operation);
    },
    willSendResponse(context, { errors, originals }) {
      const record = records.get(context.requestId);
      if (!record) return;
      record.errorCodes = errors.map(codeOf);
      // Errors are formatted one for one, in order: the answer's INTERNAL_SERVER_ERRORs are the faults.
      errors.forEach((answer, index) => {
        if (codeOf(answer) !== ErrorCode.INTERNAL_SERVER_ERROR) return;
        logger.error({
          message: 'Internal fault, masked for the caller',
          requestId: context.requestId,
          operationName: record.operationName,
          operation: record.operation,
          path: answer.path?.join('.'),
          error: unwrapResolverError(originals[index]),
        });
      });
    },
  };

  function wrap(handler: GraphqlHandler): GraphqlHandler {
    return async (event, context) => {
      const started = performance.now();
      logger.refreshSampleRateCalculation();
      logger.addContext(context);
      metrics.captureColdStartMetric();
      const segment = tracer?.getSegment();
      const subsegment = segment?.addNewSubsegment('## graphql');
      if (subsegment) tracer?.setSegment(subsegment);
      tracer?.annotateColdStart();
      tracer?.addServiceNameAnnotation();
      let result: APIGatewayProxyStructuredResultV2 | undefined;
      try {
        result = await handler(event, context);
        return result;
      } catch (error) {
        logger.error({ message: 'The handler failed', requestId: context.awsRequestId, error });
        tracer?.addErrorAsMetadata(error as Error);
        throw error;
      } finally {
        const record = records.get(context.awsRequestId);
        records.delete(context.awsRequestId);
        const summary = summarise(record, result, performance.now() - started);
        if (summary.operation !== 'none') tracer?.putAnnotation('operation', summary.operation);
        // Built only for a request logged at DEBUG (the sampled share), not for every request.
        if (logger.level <= LogLevelThreshold.DEBUG) {
          logger.debug({
            message: 'DynamoDB requests by operation',
            requestId: context.awsRequestId,
            byOperation: record?.requests.byOperation ?? {},
          });
        }
        logger.info({ message: 'request', requestId: context.awsRequestId, ...summary });
        recordMetrics(metrics, dimensioned, summary);
        subsegment?.close();
        if (segment) tracer?.setSegment(segment);
      }
    };
  }

  return { plugin, wrap };
}

type Summary = ReturnType<typeof summarise>;

function summarise(
  record: RequestRecord | undefined,
  answer: APIGatewayProxyStructuredResultV2 | undefined,
  durationMs: number,
) {
  const status = answer?.statusCode ?? 500;
  // Requests refused before any operation ran (no token, a body that is not GraphQL) have no record.
  const errorCodes = record?.errorCodes ?? (status >= 400 ? codesInBody(answer?.body) : []);
  const faults = errorCodes.filter((code) => code === ErrorCode.INTERNAL_SERVER_ERROR).length;
  const outcome = faults > 0 || status >= 500 ? 'fault' : errorCodes.length > 0 || status >= 400 ? 'error' : 'ok';
  return {
    operationName: record?.operationName ?? null,
    operation: record?.operation ?? 'none',
    role: record?.role ?? 'none',
    status,
    outcome,
    errorCodes,
    faults,
    // Requests refused before their context was made (no token, a body that is not GraphQL) sent nothing.
    dynamodb: {
      requests: record?.requests.total ?? 0,
      consumedRead: record?.requests.consumedRead ?? 0,
      consumedWrite: record?.requests.consumedWrite ?? 0,
    },
    durationMs: Math.round(durationMs),
  };
}

function recordMetrics(metrics: Metrics, dimensioned: DimensionedMetrics, summary: Summary): void {
  metrics.addMetric(RegistryMetric.requests, MetricUnit.Count, 1);
  metrics.addMetric(RegistryMetric.errors, MetricUnit.Count, summary.errorCodes.length);
  metrics.addMetric(RegistryMetric.faults, MetricUnit.Count, summary.faults);
  metrics.addMetric(RegistryMetric.dynamoDbRequests, MetricUnit.Count, summary.dynamodb.requests);
  metrics.addMetric(RegistryMetric.consumedRead, MetricUnit.Count, summary.dynamodb.consumedRead);
  metrics.addMetric(RegistryMetric.consumedWrite, MetricUnit.Count, summary.dynamodb.consumedWrite);
  metrics.addMetric(RegistryMetric.duration, MetricUnit.Milliseconds, summary.durationMs);
  metrics.publishStoredMetrics();
  const byOperation = dimensioned(RegistryDimension.operation, summary.operation);
  byOperation.addMetric(RegistryMetric.requests, MetricUnit.Count, 1);
  if (summary.errorCodes.length > 0)
    byOperation.addMetric(RegistryMetric.errors, MetricUnit.Count, summary.errorCodes.length);
  const byCode = new Map<string, number>();
  for (const code of summary.errorCodes) byCode.set(code, (byCode.get(code) ?? 0) + 1);
  for (const [code, count] of byCode) {
    dimensioned(RegistryDimension.errorCode, code).addMetric(RegistryMetric.errors, MetricUnit.Count, count);
  }
}

type DimensionedMetrics = (
  dimension: (typeof RegistryDimension)[keyof typeof RegistryDimension],
  value: string,
) => Metrics;

/**
 * Single-metric instances (each metric added is published at once) with one more default dimension, made once per
 * dimension and value and then reused: `metrics.singleMetric()` builds a new Metrics, reading the environment
 * again, each time. The values are bounded (the schema's root fields, the error codes), and so is the map.
 */
function dimensionedMetrics(metrics: Metrics): DimensionedMetrics {
  const made = new Map<string, Metrics>();
  return (dimension, value) => {
    const key = `${dimension}\u0000${value}`;
    let single = made.get(key);
    if (!single) {
      single = metrics.singleMetric();
      single.setDefaultDimensions({ [dimension]: value });
      made.set(key, single);
    }
    return single;
  };
}

/** The operation's root field when it has one (bounded by the schema, so safe as a metric dimension). */
function rootField(operation: OperationDefinitionNode): string {
  const fields = new Set(
    operation.selectionSet.selections.map((selection) =>
      selection.kind === Kind.FIELD ? selection.name.value : '...',
    ),
  );
  if (fields.size === 0) return 'none';
  return fields.size === 1 ? [...fields][0]! : 'multiple';
}

function codeOf(error: GraphQLFormattedError): string {
  return String(error.extensions?.code ?? 'UNKNOWN');
}

function codesInBody(body: string | undefined): string[] {
  try {
    const parsed = JSON.parse(body ?? '') as { errors?: GraphQLFormattedError[] };
    return (parsed.errors ?? []).map(codeOf);
  } catch {
    return ['BAD_REQUEST'];
  }
}
