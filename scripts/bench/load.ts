import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createGraphqlHandler } from '../../src/entry/graphql-handler.js';
import { startLocalServer } from '../../src/entry/local-server.js';
import { localIdentity, signDevToken } from '../../src/entry/local-identity.js';
import { createGraphqlServer } from '../../src/graphql/server.js';
import type { Store } from '../../src/store/store.js';

export interface LoadOptions {
  /**
   * How long to send requests, in seconds.
   * @default 10
   */
  seconds?: number;
  /**
   * Connections kept open at once.
   * @default 10
   */
  connections?: number;
}

/** What autocannon saw. Latencies in milliseconds. */
export interface LoadResult {
  query: string;
  seconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Responses that were not 2xx, plus connection errors and timeouts: all should be 0. */
  failures: number;
}

/** Issue 12's query: a school and its local authority. */
export const LOAD_QUERY = '{ school(urn: "100000") { name localAuthority { code name } } }';
const AUTOCANNON = fileURLToPath(new URL('../../node_modules/autocannon/autocannon.js', import.meta.url));

/**
 * A bounded load run: the local server (the Lambda handler behind HTTP, verifying a dev token on every
 * request) on 127.0.0.1, and autocannon in a process of its own posting a school-by-URN query to it. It runs the
 * handler without what `npm start` and the Lambda add for the request observer: its log line and metrics per
 * request, and asking DynamoDB for the capacity each request consumed.
 */
export async function runLoad(store: Store, options: LoadOptions = {}): Promise<LoadResult> {
  const seconds = options.seconds ?? 10;
  const connections = options.connections ?? 10;
  const key = randomBytes(32);
  const handler = createGraphqlHandler({ server: createGraphqlServer(), store, identify: localIdentity(key) });
  const server = await startLocalServer({ handler, port: 0 });
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const token = await signDevToken(key, { role: 'dfe-staff' });
    const args = [
      AUTOCANNON,
      '--json',
      '--no-progress',
      '-c',
      String(connections),
      '-d',
      String(seconds),
      '-m',
      'POST',
      '-H',
      'content-type=application/json',
      '-H',
      `authorization=Bearer ${token}`,
      '-b',
      JSON.stringify({ query: LOAD_QUERY }),
      url,
    ];
    const report = JSON.parse(await output(process.execPath, args));
    return {
      query: LOAD_QUERY,
      seconds,
      connections,
      requests: report.requests.total,
      requestsPerSecond: report.requests.average,
      p50: report.latency.p50,
      p90: report.latency.p90,
      p99: report.latency.p99,
      max: report.latency.max,
      failures: report.non2xx + report.errors + report.timeouts,
    };
  } finally {
    server.close();
  }
}

/** Runs a command to its end and returns what it wrote to stdout; it is killed if this process exits first. */
function output(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const kill = () => child.kill('SIGKILL');
    process.once('exit', kill);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      process.off('exit', kill);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${command} ${args[0]} exited with ${code}`));
    });
  });
}
