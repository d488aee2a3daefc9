import type { LocalAuthority } from '../domain/local-authority.js';
import {
  LOCAL_AUTHORITY_VERSION_KEY,
  type LocalAuthorityDetailsVersion,
  localAuthorityDetailsOf,
  readLocalAuthorityDetails,
  readLocalAuthorityVersion,
} from './local-authority-version.js';
import type { Store } from './store.js';
import type { WaitingRead } from './waiting-read.js';

export interface LocalAuthorityCacheOptions {
  /**
   * How long the details are served without asking whether they changed, in milliseconds. After that, the
   * next request that needs them reads the version (one GetItem, projected) and, only if it moved, the version
   * item whole (one GetItem), which holds every authority's details.
   * @default 60000
   */
  checkEveryMs?: number;
  /**
   * Clock, in milliseconds.
   * @default Date.now
   */
  now?: () => number;
}

/**
 * Local authorities' details (code, name, regions), kept per container: they change only on import, which
 * bumps their version (local-authority-version.ts). A school and its local authority then cost one request.
 * The snapshot holds no coverage counts or alliance entries (empty: they change with every write and are not
 * read): resolvers that need counts read them per request.
 */
export interface LocalAuthorityCache {
  /**
   * The authority's details, or undefined if the snapshot lacks it (read it per request then). What must be read is
   * read through `store`: a request's, so that its budget and tally count it.
   * @default the store the cache was made with
   */
  details: (code: string, store?: Store) => Promise<LocalAuthority | undefined>;
  /**
   * Starts reading the details, unless they are read or being read, without waiting: the first request that needs
   * them then waits less or not at all. Until this turn of the event loop ends, the read waits to go out with a read
   * by key of a store given `waitingRead` (a cold start's first `school(urn)`: school and details in one
   * BatchGetItem); if none comes, it goes out alone. A read that fails is left for the next request to retry.
   */
  load: () => void;
  /** Takes the read `load` left waiting, if it still waits: the caller sends it with its own (`Store.waitingRead`). */
  waitingRead: () => WaitingRead | undefined;
}

interface Snapshot {
  version: number;
  byCode: ReadonlyMap<string, LocalAuthority>;
  checkedAt: number;
}

/**
 * Reads at most one version per `checkEveryMs` per container, and the local authorities' details (the version item
 * whole: one GetItem, or one key more in a request's BatchGetItem when `load` started it) on first use and when their
 * version moved; concurrent requests share one read.
 */
export function createLocalAuthorityCache(store: Store, options: LocalAuthorityCacheOptions = {}): LocalAuthorityCache {
  const checkEveryMs = options.checkEveryMs ?? 60_000;
  const now = options.now ?? Date.now;
  let snapshot: Snapshot | undefined;
  let pending: Promise<Snapshot> | undefined;
  let waiting: WaitingRead | undefined;

  const snapshotOf = ({ version, authorities }: LocalAuthorityDetailsVersion): Snapshot => ({
    version,
    byCode: new Map(authorities.map((authority) => [authority.code, authority])),
    checkedAt: now(),
  });

  const refresh = async (known: Snapshot | undefined, via: Store): Promise<Snapshot> => {
    if (known && known.version === (await readLocalAuthorityVersion(via))) return { ...known, checkedAt: now() };
    return snapshotOf(await readLocalAuthorityDetails(via));
  };

  const track = (read: Promise<Snapshot>): Promise<Snapshot> => {
    pending = read
      .then((fresh) => (snapshot = fresh))
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  const current = (via: Store): Promise<Snapshot> => {
    if (snapshot && now() - snapshot.checkedAt < checkEveryMs) return Promise.resolve(snapshot);
    return pending ?? track(refresh(snapshot, via));
  };

  const readWithNextKeyRead = () =>
    new Promise<LocalAuthorityDetailsVersion>((resolve, reject) => {
      const offered: WaitingRead = {
        key: LOCAL_AUTHORITY_VERSION_KEY,
        found: (item) => {
          try {
            resolve(localAuthorityDetailsOf(item));
          } catch (error) {
            reject(error);
          }
        },
        failed: reject,
      };
      waiting = offered;
      setImmediate(() => {
        if (waiting !== offered) return;
        waiting = undefined;
        readLocalAuthorityDetails(store).then(resolve, reject);
      });
    });

  return {
    details: async (code, via = store) => (await current(via)).byCode.get(code),
    load: () => {
      if (snapshot || pending) return;
      track(readWithNextKeyRead().then(snapshotOf)).catch(() => undefined);
    },
    waitingRead: () => {
      const taken = waiting;
      waiting = undefined;
      return taken;
    },
  };
}
