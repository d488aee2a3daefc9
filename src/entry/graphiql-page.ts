import { gunzipSync } from 'node:zlib';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { GRAPHIQL_PAGE_GZIP_BASE64 } from './generated/graphiql-page.js';

/**
 * GraphiQL's page (bundled by scripts/bundle-graphiql.ts: no CDN). It holds no data, so it is served without a
 * token; the queries it sends carry the signed-in session's token, or one pasted once.
 */
export function graphiqlResponse(acceptsGzip: boolean): APIGatewayProxyStructuredResultV2 {
  const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' };
  if (acceptsGzip) {
    return {
      statusCode: 200,
      headers: { ...headers, 'content-encoding': 'gzip' },
      body: GRAPHIQL_PAGE_GZIP_BASE64,
      isBase64Encoded: true,
    };
  }
  return {
    statusCode: 200,
    headers,
    body: gunzipSync(Buffer.from(GRAPHIQL_PAGE_GZIP_BASE64, 'base64')).toString('utf8'),
  };
}
