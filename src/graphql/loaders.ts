import DataLoader from 'dataloader';
import type { LocalAuthority } from '../domain/local-authority.js';
import type { StoredAlliance } from '../store/alliance-item.js';
import { getAlliancesById } from '../store/alliances.js';
import { getNetworksById, type StoredNetwork } from '../store/networks.js';
import { getLocalAuthoritiesByCode, listLocalAuthorities } from '../store/local-authorities.js';
import type { StoredSchool } from '../store/school-item.js';
import { getSchoolsByUrn } from '../store/schools.js';
import type { Store } from '../store/store.js';

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
}

export function createLoaders(store: Store): Loaders {
  const localAuthorityByCode = new DataLoader<string, LocalAuthority | undefined>((codes) =>
    getLocalAuthoritiesByCode(store, codes),
  );
  let all: Promise<LocalAuthority[]> | undefined;
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
  };
}
