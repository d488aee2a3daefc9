import DataLoader from 'dataloader';
import type { LocalAuthority } from '../domain/local-authority.js';
import type { StoredAlliance } from '../store/alliance-item.js';
import { getAlliancesById } from '../store/alliances.js';
import { getNetworksById, type StoredNetwork } from '../store/networks.js';
import { getLocalAuthoritiesByCode, listLocalAuthorities } from '../store/local-authorities.js';
import type { StoredSchool } from '../store/school-item.js';
import { getSchoolsByUrn } from '../store/schools.js';
import type { Store } from '../store/store.js';
import { readReachAreas } from '../store/reach-areas.js';
import type { ReachCache } from '../store/reach-cache.js';
import type { ReachState, StoredReachArea } from '../store/reach-items.js';

/**
 * Per-request batching and caching: every school or local authority a request touches is read once,
 * with one BatchGetItem per tick, however many fields ask for it.
 */
export interface Loaders {
  schoolByUrn: DataLoader<string, StoredSchool | undefined>;
  localAuthorityByCode: DataLoader<string, LocalAuthority | undefined>;
  allianceById: DataLoader<string, StoredAlliance | undefined>;
  networkById: DataLoader<string, StoredNetwork | undefined>;
  /** Every local authority (one Query), for lists, regions and counts. */
  allLocalAuthorities: () => Promise<LocalAuthority[]>;
  /** One local authority's stored reach (one BatchGetItem per tick, the reach state with it). */
  reachOfArea: DataLoader<string, StoredReachArea>;
  /** Every local authority's stored reach (from the container's copy: one GetItem while it is current). */
  allReach: () => Promise<ReadonlyMap<string, StoredReachArea>>;
  /** The reach state, read with whichever of the two came first. */
  reachState: () => Promise<ReachState>;
}

export function createLoaders(store: Store, reach: ReachCache): Loaders {
  const localAuthorityByCode = new DataLoader<string, LocalAuthority | undefined>((codes) =>
    getLocalAuthoritiesByCode(store, codes),
  );
  let all: Promise<LocalAuthority[]> | undefined;
  let reachState: Promise<ReachState> | undefined;
  let allReach: Promise<ReadonlyMap<string, StoredReachArea>> | undefined;
  const reachOfArea = new DataLoader<string, StoredReachArea>(async (codes) => {
    const read = await readReachAreas(store, codes);
    reachState ??= Promise.resolve(read.state);
    return read.areas;
  });
  return {
    schoolByUrn: new DataLoader((urns) => getSchoolsByUrn(store, urns)),
    localAuthorityByCode,
    allianceById: new DataLoader((ids) => getAlliancesById(store, ids)),
    networkById: new DataLoader((ids) => getNetworksById(store, ids)),
    allLocalAuthorities: () => {
      all ??= listLocalAuthorities(store).then((authorities) => {
        for (const authority of authorities) localAuthorityByCode.prime(authority.code, authority);
        return authorities;
      });
      return all;
    },
    reachOfArea,
    allReach: () => {
      allReach ??= reach.all(store).then(({ areas, state }) => {
        for (const [code, area] of areas) reachOfArea.prime(code, area);
        reachState ??= Promise.resolve(state);
        return areas;
      });
      return allReach;
    },
    reachState: () => {
      reachState ??= readReachAreas(store, []).then((read) => read.state);
      return reachState;
    },
  };
}
