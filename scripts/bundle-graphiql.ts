/**
 * Bundles GraphiQL (the `graphiql` package, React and its CSS) into one HTML page, dist/graphiql/index.html (not
 * committed): the local server serves it for GET /graphql from a browser, and `npm run deploy:web` uploads it as
 * the staff site's /graphiql when the stage has introspection on. Nothing loads from a CDN, so it works offline.
 * `npm start` runs it when the page is missing or stale; `npm run build:graphiql` runs it by hand.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { GRAPHIQL_PAGE } from '../src/entry/graphiql-page.js';

const result = await build({
  entryPoints: ['scripts/graphiql/explorer.mjs'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  write: false,
  outdir: 'out',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
const js = result.outputFiles.find((file) => file.path.endsWith('.js'))!.text;
const css = result.outputFiles.find((file) => file.path.endsWith('.css'))?.text ?? '';
const html = [
  '<!doctype html>',
  '<html lang="en"><head><meta charset="utf-8"><title>GraphiQL: Teaching School Registry</title>',
  '<meta name="viewport" content="width=device-width, initial-scale=1">',
  `<style>body{margin:0;height:100vh}#graphiql{height:100vh}${css.replaceAll('</style', '<\\/style')}</style>`,
  '</head><body><div id="graphiql">Loading GraphiQL…</div>',
  `<script>${js.replaceAll('</script', '<\\/script')}</script>`,
  '</body></html>',
].join('\n');
// Written whole, then renamed: a server or test starting meanwhile (they build it when missing) never reads half
// a page.
mkdirSync(dirname(GRAPHIQL_PAGE), { recursive: true });
writeFileSync(`${GRAPHIQL_PAGE}.${process.pid}`, html);
renameSync(`${GRAPHIQL_PAGE}.${process.pid}`, GRAPHIQL_PAGE);
const gzipped = gzipSync(html, { level: 9 }).length;
console.log(`${GRAPHIQL_PAGE}: ${(html.length / 1024).toFixed(0)} KiB, gzipped ${(gzipped / 1024).toFixed(0)} KiB`);
