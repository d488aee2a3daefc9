import type { RequestCounter } from '../../src/store/request-counter.js';
import type { CapacityTally } from './consumed-capacity.js';
import { percentile } from './percentile.js';

/** Untimed runs before the timed ones, so JIT compilation and connection set-up are not measured. */
export const WARMUP_RUNS = 20;

/** What one operation cost, per run, over the timed runs. */
export interface Measurement {
  name: string;
  runs: number;
  /** DynamoDB requests per run. */
  requests: number;
  /** DynamoDB requests per run, by operation. */
  byOperation: Record<string, number>;
  /** Read and write capacity units consumed per run. */
  readUnits: number;
  writeUnits: number;
  /** Latency percentiles, milliseconds. */
  p50: number;
  p95: number;
}

/** What counts a run's DynamoDB use: requests by operation, and consumed capacity. */
export interface Meters {
  requests: RequestCounter;
  capacity: CapacityTally;
}

/**
 * Runs `operation` WARMUP_RUNS times untimed, then `runs` times one after another, timing each and counting
 * the DynamoDB requests and capacity the meters see. `operation` gets the run's number, warm-ups first.
 */
export async function measure(
  name: string,
  runs: number,
  meters: Meters,
  operation: (run: number) => Promise<unknown>,
): Promise<Measurement> {
  for (let run = 0; run < WARMUP_RUNS; run += 1) await operation(run);
  meters.requests.reset();
  meters.capacity.reset();
  const latencies: number[] = [];
  for (let run = WARMUP_RUNS; run < WARMUP_RUNS + runs; run += 1) {
    const started = performance.now();
    await operation(run);
    latencies.push(performance.now() - started);
  }
  const perRun = (value: number) => value / runs;
  return {
    name,
    runs,
    requests: perRun(meters.requests.total),
    byOperation: Object.fromEntries(
      Object.entries(meters.requests.byOperation).map(([operation, count]) => [operation, perRun(count)]),
    ),
    readUnits: perRun(meters.capacity.readUnits),
    writeUnits: perRun(meters.capacity.writeUnits),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}
