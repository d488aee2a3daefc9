import type { Actor } from '../domain/audit-event.js';
import type { ScopeRegion } from '../domain/region-scope.js';
import { DEFAULT_SETTINGS, type RegistrySettings } from '../domain/school.js';
import { createLocalAuthorityCache, type LocalAuthorityCache } from '../store/local-authority-cache.js';
import { createReachCache, type ReachCache } from '../store/reach-cache.js';
import { currentRequestBudget, RequestBudget } from '../store/request-budget.js';
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
  store: Store;
  loaders: Loaders;
  /** Local authorities' details, kept per container (their counts come from `loaders`). */
  localAuthorities: LocalAuthorityCache;
  caller: Caller;
  requestId: string;
  /** The DynamoDB requests this request has sent, against its budget. */
  budget: RequestBudget;
  settings: RegistrySettings;
  /** The time, read once per use (tests may fix it). */
  now: () => Date;
}

export interface ContextOptions {
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
  return {
    store: options.store,
    loaders: createLoaders(options.store, options.reach ?? createReachCache(options.store)),
    localAuthorities: options.localAuthorities ?? createLocalAuthorityCache(options.store),
    caller: options.caller,
    requestId: options.requestId,
    budget: currentRequestBudget() ?? new RequestBudget(Number.POSITIVE_INFINITY),
    settings: options.settings ?? DEFAULT_SETTINGS,
    now: options.now ?? (() => new Date()),
  };
}
