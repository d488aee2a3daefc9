import type { Actor } from '../domain/audit-event.js';
import type { ScopeRegion } from '../domain/region-scope.js';
import { DEFAULT_SETTINGS, type RegistrySettings } from '../domain/school.js';
import { createLocalAuthorityCache, type LocalAuthorityCache } from '../store/local-authority-cache.js';
import { createReachCache, type ReachCache } from '../store/reach-cache.js';
import { RequestBudget } from '../store/request-budget.js';
import { createRequestTally, type RequestCounter } from '../store/request-counter.js';
import { storeForRequest } from '../store/request-store.js';
import type { Store } from '../store/store.js';
import type { Role } from './auth.js';
import { createLoaders, type Loaders } from './loaders.js';

/** Who is calling, from their verified token. */
export interface Caller extends Actor {
  role: Role;
  /** For `tsc-staff`: the regions they may change, GOR regions (by code) and RSC regions (by name). */
  regions: readonly ScopeRegion[];
}

/** What every resolver receives: the store, this request's loaders, and who is asking. */
export interface RequestContext {
  /** The store as this request sees it: what it sends is charged to `budget` and counted in `requests`. */
  store: Store;
  loaders: Loaders;
  /** Local authorities' details, kept per container (their counts come from `loaders`). */
  localAuthorities: LocalAuthorityCache;
  caller: Caller;
  requestId: string;
  /** The DynamoDB requests this request has sent, against its budget. */
  budget: RequestBudget;
  /** The DynamoDB requests this request has sent, by operation, with the capacity they consumed. */
  requests: RequestCounter;
  settings: RegistrySettings;
  /** The time, read once per use (tests may fix it). */
  now: () => Date;
}

export interface ContextOptions {
  /** The container's store; the context's own charges and counts what the request sends. */
  store: Store;
  /**
   * The container's cache of local authorities' details.
   * @default a cache for this request alone
   */
  localAuthorities?: LocalAuthorityCache;
  /**
   * The container's copy of every local authority's reach.
   * @default a copy for this request alone
   */
  reach?: ReachCache;
  caller: Caller;
  requestId: string;
  /**
   * The request's budget of DynamoDB requests.
   * @default no limit
   */
  budget?: RequestBudget;
  /**
   * Ask DynamoDB for the capacity each request consumed, for `requests` (the log line and metrics report it).
   * @default false
   */
  askConsumedCapacity?: boolean;
  /**
   * Registry settings.
   * @default DEFAULT_SETTINGS (small school: under 210 pupils)
   */
  settings?: RegistrySettings;
  /**
   * Clock.
   * @default () => new Date()
   */
  now?: () => Date;
}

export function createContext(options: ContextOptions): RequestContext {
  const budget = options.budget ?? new RequestBudget(Number.POSITIVE_INFINITY);
  const requests = createRequestTally({ askConsumedCapacity: options.askConsumedCapacity });
  const localAuthorities = options.localAuthorities ?? createLocalAuthorityCache(options.store);
  const store = storeForRequest(options.store, budget, requests, localAuthorities.waitingRead);
  return {
    store,
    loaders: createLoaders(store, options.reach ?? createReachCache(options.store)),
    localAuthorities,
    caller: options.caller,
    requestId: options.requestId,
    budget,
    requests,
    settings: options.settings ?? DEFAULT_SETTINGS,
    now: options.now ?? (() => new Date()),
  };
}
