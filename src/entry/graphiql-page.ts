import type { IncomingMessage, ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { GRAPHIQL_PAGE_GZIP_BASE64 } from './generated/graphiql-page.js';

/**
 * GraphiQL for a browser's GET /graphql on the local server (bundled by scripts/bundle-graphiql.ts: no CDN). It
 * holds no data, so it is served without a token; the queries it sends carry the signed-in session's token, or
 * one pasted once. It is a page of the local server only, so the Lambda's bundle does not carry it.
 */
export function graphiqlPage(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== 'GET' || !String(request.headers.accept ?? '').includes('text/html')) return false;
  const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' };
  const page = Buffer.from(GRAPHIQL_PAGE_GZIP_BASE64, 'base64');
  if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    response.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(page);
  } else {
    response.writeHead(200, headers).end(gunzipSync(page));
  }
  return true;
}
