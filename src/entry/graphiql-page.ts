import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildWhenStale } from './stale-build.js';

/**
 * GraphiQL's page, built by `npm run build:graphiql` (scripts/bundle-graphiql.ts: the `graphiql` package bundled,
 * no CDN) into an ignored folder: the local server serves it at GET /graphql, and `npm run deploy:web` uploads
 * it to the staff site's /graphiql on a stage with introspection on. It is never part of the Lambda's bundle.
 */
export const GRAPHIQL_PAGE = fileURLToPath(new URL('../../dist/graphiql/index.html', import.meta.url));

/** Builds GraphiQL's page when it is missing or older than its script, its bundler or the installed graphiql. */
export function ensureGraphiqlBuild(): void {
  const file = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
  buildWhenStale(
    GRAPHIQL_PAGE,
    [file('scripts/graphiql'), file('scripts/bundle-graphiql.ts'), file('node_modules/graphiql/package.json')],
    'GraphiQL (dist/graphiql)',
    ['--import', 'tsx', file('scripts/bundle-graphiql.ts')],
  );
}

/**
 * GraphiQL for a browser's GET /graphql on the local server. It holds no data, so it is served without a token;
 * the queries it sends carry the signed-in session's token, or one pasted once.
 */
export function graphiqlPage(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== 'GET' || !String(request.headers.accept ?? '').includes('text/html')) return false;
  const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' };
  const page = readFileSync(GRAPHIQL_PAGE);
  if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    response.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(gzipSync(page));
  } else {
    response.writeHead(200, headers).end(page);
  }
  return true;
}
