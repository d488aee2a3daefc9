import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../src/entry/dynamodb-local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    workspaceUrl: string;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `npm start -- --in-memory` as a user runs it (DynamoDB Local, the shipped registry, the built workspace) on a free
 * port; the browser tests drive it. It builds web/ first when the build is missing or stale. `WORKSPACE_URL` points the
 * tests at a server already running instead (it must hold the freshly loaded registry: the tests change it).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.WORKSPACE_URL) {
    project.provide('workspaceUrl', process.env.WORKSPACE_URL);
    return async () => undefined;
  }
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/entry/start.ts', '--in-memory'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await ready(server);
  } catch (error) {
    server.kill('SIGTERM');
    throw error;
  }
  project.provide('workspaceUrl', `http://localhost:${port}`);
  return () => stop(server);
}

function ready(server: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Staff workspace: ')) resolve();
    };
    server.stdout?.on('data', collect);
    server.stderr?.on('data', collect);
    server.once('exit', (code) =>
      reject(new Error(`npm start exited (${code}) before serving:\n${output.slice(-2000)}`)),
    );
  });
}

function stop(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null) return resolve();
    server.once('exit', () => resolve());
    server.kill('SIGTERM');
  });
}
