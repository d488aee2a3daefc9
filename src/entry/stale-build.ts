import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Runs a build (a Node script and its arguments) when its output is missing or older than any of its sources
 * (files, or folders read to their depth), so `npm ci && npm start` and the tests serve what the sources say.
 * Settles when the build has finished (at once when there is nothing to build); rejects when it fails.
 */
export function buildWhenStale(
  output: string,
  sources: readonly string[],
  what: string,
  args: string[],
): Promise<void> {
  if (existsSync(output) && newestChange(sources) < statSync(output).mtimeMs) return Promise.resolve();
  console.log(`Building ${what}...`);
  return new Promise((resolve, reject) => {
    const build = spawn(process.execPath, args, { stdio: 'inherit' });
    build.once('error', reject);
    build.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`Building ${what} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
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
