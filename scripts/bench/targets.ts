import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { freePort } from '../../src/entry/dynamodb-local.js';
import { localSigningKey, signDevToken } from '../../src/entry/local-identity.js';
import { SHIPPED_DATA } from '../../src/entry/shipped-data.js';
import { prepareFreshLoad } from '../../src/import/fresh-load.js';
import { runImport } from '../../src/import/run-import.js';
import { createStore, ensureTable, type Store } from '../../src/store/store.js';
import { type LoadOptions, type LoadResult, runLoad } from './load.js';

/** Best of this many runs of each side of a ratio, interleaved, so a busy moment hurts neither side alone. */
const RATIO_RUNS = 2;

/**
 * As RATIO_RUNS, for the throughput ratio: its two sides moved apart by up to a fifth between runs on this machine
 * (three processes, the server, Java and autocannon, share two cores), and one more 10-second pair costs little.
 */
const LOAD_RUNS = 3;

/** Import of the shipped registry into an empty table, against raw BatchWriteItem of as many items. */
export interface ImportRatio {
  items: number;
  importSeconds: number;
  rawSeconds: number;
}

/**
 * Times the import (runImport: read and check both files, build the registry, write it) into a new table and
 * raw BatchWriteItem of the same items (25 a request, 4 in flight, unprocessed items retried) into another table
 * of the same definition, interleaved, best of RATIO_RUNS each.
 */
export async function measureImportRatio(endpoint: string, run: number): Promise<ImportRatio> {
  const prepared = await prepareFreshLoad(SHIPPED_DATA);
  const items = [...prepared.items, ...prepared.counters];
  let importSeconds = Infinity;
  let rawSeconds = Infinity;
  for (let attempt = 0; attempt < RATIO_RUNS; attempt += 1) {
    const raw = await newTable(endpoint, `raw-${run}-${attempt}`);
    let started = performance.now();
    await rawBatchWrite(raw, items);
    rawSeconds = Math.min(rawSeconds, (performance.now() - started) / 1000);
    await dropTable(raw);
    const imported = await newTable(endpoint, `import-${run}-${attempt}`);
    started = performance.now();
    await runImport(imported, SHIPPED_DATA);
    importSeconds = Math.min(importSeconds, (performance.now() - started) / 1000);
    await dropTable(imported);
  }
  return { items: items.length, importSeconds, rawSeconds };
}

async function newTable(endpoint: string, name: string): Promise<Store> {
  const store = createStore({ tableName: `bench-${name}`, endpoint });
  await ensureTable(store);
  return store;
}

/**
 * Deletes a scratch table once measured: four copies of the registry would otherwise stay in DynamoDB Local's
 * memory, and the Java heap they fill slows every later measurement in the run (the cold starts most).
 */
async function dropTable(store: Store): Promise<void> {
  await store.doc.send(new DeleteTableCommand({ TableName: store.tableName }));
}

/** The baseline: BatchWriteItem and nothing else. */
async function rawBatchWrite(store: Store, items: readonly Record<string, unknown>[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      let pending = items.slice(next, next + 25).map((Item) => ({ PutRequest: { Item } }));
      next += 25;
      while (pending.length > 0) {
        const result = await store.doc.send(new BatchWriteCommand({ RequestItems: { [store.tableName]: pending } }));
        pending = (result.UnprocessedItems?.[store.tableName] ?? []) as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

/** The load run on the local server, against raw GetItem at as many requests in flight. */
export interface ThroughputRatio {
  load: LoadResult;
  rawGetItemsPerSecond: number;
}

/**
 * The load run (runLoad) and raw GetItem with as many requests in flight for as long, interleaved, best of
 * LOAD_RUNS each, as for the import: on a shared machine one busy moment would otherwise decide the ratio.
 */
export async function measureThroughputRatio(store: Store, options: Required<LoadOptions>): Promise<ThroughputRatio> {
  let load: LoadResult | undefined;
  let rawGetItemsPerSecond = 0;
  for (let attempt = 0; attempt < LOAD_RUNS; attempt += 1) {
    const run = await runLoad(store, options);
    if (!load || run.requestsPerSecond > load.requestsPerSecond) load = run;
    const raw = await rawGetItemThroughput(store, options.connections, options.seconds);
    rawGetItemsPerSecond = Math.max(rawGetItemsPerSecond, raw);
  }
  return { load: load!, rawGetItemsPerSecond };
}

/** Raw GetItem of one school with `connections` requests in flight for `seconds`: requests per second. */
export async function rawGetItemThroughput(store: Store, connections: number, seconds: number): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: 'SCHOOL#100000', sk: 'SCHOOL' } }));
      done += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  return done / ((performance.now() - started) / 1000);
}

/** `npm start` from nothing to its first answer of `school(urn)`, then again over the data it kept. */
export interface StartTimes {
  firstSeconds: number;
  restartSeconds: number;
}

/** The repository's root, where `npm start` runs. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs `npm start` as a user would (npm itself included, a free port, its data in a scratch directory instead of
 * .local/), timing each start from spawn to the first answer of the README's query with a dev token (the school's
 * name, read from DynamoDB Local): once with --fresh (the shipped database copied in), once more over the kept data.
 */
export async function measureStarts(): Promise<StartTimes> {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'registry-start-'));
  try {
    const firstSeconds = await timeStart(['--fresh'], dataDirectory);
    const restartSeconds = await timeStart([], dataDirectory);
    return { firstSeconds, restartSeconds };
  } finally {
    rmSync(dataDirectory, { recursive: true, force: true });
  }
}

async function timeStart(args: string[], dataDirectory: string): Promise<number> {
  const port = await freePort();
  const token = await signDevToken(localSigningKey(), { role: 'dfe-staff' });
  const started = performance.now();
  // A process group of its own, which Ctrl-C's SIGINT reaches whole, as in a terminal (npm does not pass it on).
  const child = spawn('npm', ['start', '--', ...args], {
    cwd: ROOT,
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, PORT: String(port), REGISTRY_DATA_DIRECTORY: dataDirectory },
  });
  const kill = () => process.kill(-(child.pid ?? 0), 'SIGINT');
  process.once('exit', kill);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode} before answering`);
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ school(urn: "100000") { name localAuthority { code name } } }' }),
      }).catch(() => undefined);
      if (!response) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      const { data } = (await response.json()) as { data?: { school?: { name?: string } } };
      if (!data?.school?.name) throw new Error(`npm start's first answer has no school (HTTP ${response.status})`);
      return (performance.now() - started) / 1000;
    }
  } finally {
    process.off('exit', kill);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    kill();
    await exited;
  }
}
