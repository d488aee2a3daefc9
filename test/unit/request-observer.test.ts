import { randomBytes, randomUUID } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGraphqlHandler } from '../../src/entry/graphql-handler.js';
import { localIdentity, signDevToken } from '../../src/entry/local-identity.js';
import { createGraphqlServer } from '../../src/graphql/server.js';
import { METRICS_NAMESPACE, SERVICE_NAME } from '../../src/observability/metric-names.js';
import { createRequestObserver } from '../../src/observability/request-observer.js';
import { createStore } from '../../src/store/store.js';

const key = randomBytes(32);

type Line = Record<string, unknown> & { _aws?: { CloudWatchMetrics: { Dimensions: string[][] }[] } };

let written: string[];
beforeEach(() => {
  written = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A handler composed as the Lambda's is (lambda.ts), with its own Powertools instances writing to stdout. */
function observedHandler(logger: Logger) {
  // The queries here need no data: the store's endpoint is never called.
  const observer = createRequestObserver({
    logger,
    metrics: new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME }),
  });
  return observer.wrap(
    createGraphqlHandler({
      server: createGraphqlServer({ introspection: true, plugins: [observer.plugin] }),
      store: createStore({ tableName: 'registry', endpoint: 'http://127.0.0.1:9' }),
      identify: localIdentity(key),
    }),
  );
}

async function send(handler: ReturnType<typeof observedHandler>, query: string, token: string): Promise<void> {
  const event = {
    version: '2.0',
    rawPath: '/graphql',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requestContext: { http: { method: 'POST', path: '/graphql' }, requestId: randomUUID() },
    body: JSON.stringify({ query }),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
  await handler(event, { awsRequestId: randomUUID(), functionName: 'registry' } as Context);
}

function lines(): Line[] {
  return written.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((line) => JSON.parse(line) as Line);
}

/** The metric lines that carry `dimension`, as [its value, the metric values] in the order written. */
function byDimension(dimension: string): [unknown, Record<string, unknown>][] {
  return lines()
    .filter((line) => line._aws?.CloudWatchMetrics[0]?.Dimensions[0]?.includes(dimension))
    .map((line) => {
      const { _aws, service, [dimension]: value, ...values } = line;
      expect(_aws?.CloudWatchMetrics[0]?.Dimensions).toEqual([['service', dimension]]);
      expect(service).toBe(SERVICE_NAME);
      return [value, values];
    });
}

describe('the request observer', () => {
  it('writes each request its own metrics by operation and by error code, however operations alternate', async () => {
    const handler = observedHandler(new Logger({ serviceName: SERVICE_NAME }));
    const token = await signDevToken(key, { role: 'dfe-staff' });

    for (const query of ['{ __typename }', '{ __schema { queryType { name } } }', '{ __typename }', '{ nope }'])
      await send(handler, query, token);
    await send(handler, '{ nope alsoNope }', token);

    expect(byDimension('Operation')).toEqual([
      ['__typename', { Requests: 1 }],
      ['__schema', { Requests: 1 }],
      ['__typename', { Requests: 1 }],
      ['none', { Requests: 1 }],
      ['none', { Errors: 1 }],
      ['none', { Requests: 1 }],
      ['none', { Errors: 2 }],
    ]);
    expect(byDimension('ErrorCode')).toEqual([
      ['GRAPHQL_VALIDATION_FAILED', { Errors: 1 }],
      ['GRAPHQL_VALIDATION_FAILED', { Errors: 2 }],
    ]);
    const requestLines = lines().filter((line) => line.message === 'request');
    expect(requestLines.map((line) => [line.level, line.operation, line.errorCodes])).toEqual([
      ['INFO', '__typename', []],
      ['INFO', '__schema', []],
      ['INFO', '__typename', []],
      ['INFO', 'none', ['GRAPHQL_VALIDATION_FAILED']],
      ['INFO', 'none', ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_VALIDATION_FAILED']],
    ]);
  });

  it("logs a request's DynamoDB requests by operation only when it is logged at DEBUG", async () => {
    const token = await signDevToken(key, { role: 'dfe-staff' });
    const atInfo = observedHandler(new Logger({ serviceName: SERVICE_NAME, logLevel: 'INFO' }));
    const atDebug = observedHandler(new Logger({ serviceName: SERVICE_NAME, logLevel: 'DEBUG' }));

    await send(atInfo, '{ __typename }', token);
    const atInfoLines = lines();
    written = [];
    await send(atDebug, '{ __typename }', token);

    const debugLine = (line: Line) => line.message === 'DynamoDB requests by operation';
    expect(atInfoLines.filter(debugLine)).toEqual([]);
    expect(lines().filter(debugLine)).toEqual([expect.objectContaining({ level: 'DEBUG', byOperation: {} })]);
  });
});
