import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildWhenStale } from './stale-build.js';

/** Where `vite build` writes the staff workspace. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
const WEB_ROOT = fileURLToPath(new URL('../../web', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg']);

/**
 * Builds the workspace (`vite build`) when web/dist is missing or older than web/index.html, its Vite config or a
 * file under web/src, so `npm ci && npm start` and the browser tests serve the current site.
 */
export function ensureWebBuild(): Promise<void> {
  return buildWhenStale(
    join(WEB_DIST, 'index.html'),
    [join(WEB_ROOT, 'src'), join(WEB_ROOT, 'index.html'), join(WEB_ROOT, 'vite.config.ts')],
    'the staff workspace (web/)',
    [
      fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url)),
      'build',
      '--config',
      join(WEB_ROOT, 'vite.config.ts'),
      '--logLevel',
      'warn',
    ],
  );
}

export type WebRoute = (request: IncomingMessage, response: ServerResponse, url: URL) => boolean;

/**
 * Serves the built workspace: files under web/dist (hashed assets cached for a year, gzipped when asked for) and
 * index.html for every other path, since the app routes in the browser. `/config.json` tells it to sign in
 * with the development sign-in.
 */
export function webAssets(dist = WEB_DIST): WebRoute {
  const cache = new Map<string, { modified: number; body: Buffer; gzipped: Buffer | null }>();
  const load = (file: string) => {
    const modified = statSync(file).mtimeMs;
    let entry = cache.get(file);
    if (entry?.modified !== modified) {
      const body = readFileSync(file);
      entry = { modified, body, gzipped: COMPRESSIBLE.has(extname(file)) ? gzipSync(body) : null };
      cache.set(file, entry);
    }
    return entry;
  };
  return (request, response, url) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    if (url.pathname === '/config.json') {
      response
        .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end('{"auth":"dev"}');
      return true;
    }
    const wanted = normalize(join(dist, decodeURIComponent(url.pathname)));
    const isFile = wanted.startsWith(dist + sep) && existsSync(wanted) && statSync(wanted).isFile();
    const file = isFile ? wanted : join(dist, 'index.html');
    if (!existsSync(file)) {
      response
        .writeHead(503, { 'content-type': 'text/plain' })
        .end('The staff workspace is not built: run npm start again, or npx vite build --config web/vite.config.ts\n');
      return true;
    }
    const { body, gzipped } = load(file);
    const gzip = gzipped !== null && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const sent = gzip && gzipped ? gzipped : body;
    response.writeHead(200, {
      'content-length': sent.length,
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control':
        url.pathname.startsWith('/assets/') && isFile ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : sent);
    return true;
  };
}
