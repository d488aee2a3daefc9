import { createGraphqlServer } from '../graphql/server.js';
import { loadTracer, logger, metrics } from '../observability/powertools.js';
import { createRequestObserver } from '../observability/request-observer.js';
import { createClient, createStore } from '../store/store.js';
import { identifyFromApiGateway } from './api-gateway-identity.js';
import { createGraphqlHandler } from './graphql-handler.js';

const tableName = process.env.TABLE_NAME;
if (!tableName) throw new Error('TABLE_NAME is not set');

/**
 * The handler, made once the Tracer has loaded where it traces. Not awaited at module load: the Tracer's chunk
 * imports parts of index.mjs (infra/lambda-bundle.ts), and a module that waited for it would wait for itself.
 */
const ready = loadTracer().then((tracer) => {
  const client = tracer ? tracer.captureAWSv3Client(createClient({})) : createClient({});
  const observer = createRequestObserver({ logger, metrics, tracer });
  return observer.wrap(
    createGraphqlHandler({
      server: createGraphqlServer({ introspection: process.env.INTROSPECTION === 'true', plugins: [observer.plugin] }),
      store: createStore({ tableName, client }),
      identify: identifyFromApiGateway,
      prefetchLocalAuthorities: true,
      askConsumedCapacity: true,
    }),
  );
});

/** The Lambda entry point: API Gateway HTTP API (v2) events in, GraphQL responses out, each logged and measured. */
export const handler: Awaited<typeof ready> = async (event, context) => (await ready)(event, context);
