import { readAllReach, readReachAreas } from './reach-areas.js';
import type { ReachState, StoredReachArea } from './reach-items.js';
import type { Store } from './store.js';

/** Every local authority's reach, as of one version of the reach state. */
export interface ReachSnapshot {
  areas: ReadonlyMap<string, StoredReachArea>;
  state: ReachState;
}

/**
 * Every authority's reach, kept per container while the reach state's version stands: every write of reach
 * (the projector, the fresh load, `reach:audit --repair`) writes the state with a new version, in the same
 * transaction as its last areas. A request then costs one read of the state, and the whole partition (about
 * 1.5 MB in two or three pages) only on first use and when the version moved. The partition is read state
 * first, so a copy is never older than the version it is kept under.
 */
export interface ReachCache {
  /**
   * The copy, read again first if its version moved, through `store`: a request's, so that its budget and tally
   * count the reads.
   * @default the store the cache was made with
   */
  all: (store?: Store) => Promise<ReachSnapshot>;
}

export function createReachCache(store: Store): ReachCache {
  let snapshot: ReachSnapshot | undefined;
  return {
    all: async (via = store) => {
      if (snapshot && snapshot.state.version === (await readReachAreas(via, [])).state.version) return snapshot;
      snapshot = await readAllReach(via);
      return snapshot;
    },
  };
}
