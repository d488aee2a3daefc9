import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Runs a build (a Node script and its arguments) when its output is missing or older than any of its sources
 * (files, or folders read to their depth), so `npm ci && npm start` and the tests serve what the sources say.
 */
export function buildWhenStale(output: string, sources: readonly string[], what: string, args: string[]): void {
  if (existsSync(output) && newestChange(sources) < statSync(output).mtimeMs) return;
  console.log(`Building ${what}...`);
  execFileSync(process.execPath, args, { stdio: 'inherit' });
}

function newestChange(paths: readonly string[]): number {
  let newest = 0;
  for (const path of paths) {
    const stat = statSync(path);
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) newest = Math.max(newest, newestChange(readdirSync(path).map((name) => join(path, name))));
  }
  return newest;
}
