import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `.local/`: what `npm start` keeps between runs (never committed). */
export const LOCAL_DIRECTORY = fileURLToPath(new URL('../../.local/', import.meta.url));
/** DynamoDB Local's data, kept by `npm start` unless `--in-memory` (REGISTRY_DATA_DIRECTORY moves it: the bench). */
export const DATA_DIRECTORY = process.env.REGISTRY_DATA_DIRECTORY ?? join(LOCAL_DIRECTORY, 'dynamodb');
const STAMP_FILE = join(DATA_DIRECTORY, 'stamp.json');
/** Where a running `npm start` says where its table is, for `coverage:audit` and other commands. */
export const SERVER_FILE = join(LOCAL_DIRECTORY, 'server.json');

/** The source folders whose code decides what the stored items look like. */
const LAYOUT_SOURCES = ['domain', 'store', 'import'].map((folder) =>
  fileURLToPath(new URL(`../${folder}/`, import.meta.url)),
);

/**
 * The version stamp of the data `npm start` keeps: a hash of the shipped database's key (shippedDatabaseKey: the
 * shipped files, the table definition, DynamoDB Local's version) and the code that shapes stored items (src/domain,
 * src/store, src/import). Kept data is reused only under the same stamp.
 */
export function dataStamp(shippedKey: string): string {
  const hash = createHash('sha256').update(shippedKey);
  for (const folder of LAYOUT_SOURCES) {
    for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
      const path = join(folder, name);
      if (statSync(path).isFile()) hash.update(name).update(readFileSync(path));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** Whether the data directory holds a finished load under this stamp. */
export function keptDataMatches(stamp: string): boolean {
  try {
    return (JSON.parse(readFileSync(STAMP_FILE, 'utf8')) as { stamp?: string }).stamp === stamp;
  } catch {
    return false;
  }
}

/**
 * Replaces the kept data with a finished load under this stamp: the data directory is emptied, `fill` writes
 * DynamoDB Local's files into it, and the stamp is written last (a start cut short reloads next time).
 */
export async function replaceKeptData(stamp: string, fill: (directory: string) => Promise<void> | void) {
  rmSync(DATA_DIRECTORY, { recursive: true, force: true });
  mkdirSync(DATA_DIRECTORY, { recursive: true });
  await fill(DATA_DIRECTORY);
  writeFileSync(STAMP_FILE, `${JSON.stringify({ stamp, loadedAt: new Date().toISOString() })}\n`);
}

/** What a running `npm start` serves, and from where. */
export interface RunningServer {
  pid: number;
  endpoint: string;
  table: string;
  graphql: string;
  /** Where its data is kept; null in memory. */
  dataDirectory: string | null;
}

/** The `npm start` recorded in `.local/server.json`, if its process still runs. */
export function runningServer(): RunningServer | undefined {
  try {
    const server = JSON.parse(readFileSync(SERVER_FILE, 'utf8')) as RunningServer;
    process.kill(server.pid, 0);
    return server;
  } catch {
    return undefined;
  }
}

/** Records this process's server (unless another live one is recorded); answers a function that removes it. */
export function recordServer(server: RunningServer): () => void {
  if (runningServer()) return () => undefined;
  mkdirSync(LOCAL_DIRECTORY, { recursive: true });
  writeFileSync(SERVER_FILE, `${JSON.stringify(server, null, 2)}\n`);
  return () => {
    if (existsSync(SERVER_FILE) && runningServer()?.pid === process.pid) unlinkSync(SERVER_FILE);
  };
}
