import { createGraphqlServer } from '../graphql/server.js';
import { createStore } from '../store/store.js';
import { identifyFromApiGateway } from './api-gateway-identity.js';
import { createGraphqlHandler } from './graphql-handler.js';

const tableName = process.env.TABLE_NAME;
if (!tableName) throw new Error('TABLE_NAME is not set');

/** The Lambda entry point: API Gateway HTTP API (v2) events in, GraphQL responses out. */
export const handler = createGraphqlHandler({
  server: createGraphqlServer({ introspection: process.env.INTROSPECTION === 'true' }),
  store: createStore({ tableName }),
  identify: identifyFromApiGateway,
});
