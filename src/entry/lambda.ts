import { createGraphqlServer } from '../graphql/server.js';
import { loadTracer, logger, metrics } from '../observability/powertools.js';
import { createRequestObserver } from '../observability/request-observer.js';
import { createClient, createStore } from '../store/store.js';
import { identifyFromApiGateway } from './api-gateway-identity.js';
import { createGraphqlHandler } from './graphql-handler.js';

const tableName = process.env.TABLE_NAME;
if (!tableName) throw new Error('TABLE_NAME is not set');

const tracer = await loadTracer();
const client = tracer ? tracer.captureAWSv3Client(createClient({})) : createClient({});
const observer = createRequestObserver({ logger, metrics, tracer });

/** The Lambda entry point: API Gateway HTTP API (v2) events in, GraphQL responses out, each logged and measured. */
export const handler = observer.wrap(
  createGraphqlHandler({
    server: createGraphqlServer({ introspection: process.env.INTROSPECTION === 'true', plugins: [observer.plugin] }),
    store: createStore({ tableName, client }),
    identify: identifyFromApiGateway,
    prefetchLocalAuthorities: true,
    askConsumedCapacity: true,
  }),
);
