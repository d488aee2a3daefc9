import type { LocalAuthority } from '../domain/local-authority.js';

/** An authority's details as a save gives them: `rscRegion: undefined` keeps the one stored, `null` removes it. */
export type LocalAuthorityDetails = Pick<LocalAuthority, 'code' | 'name' | 'region'> & {
  rscRegion: string | null | undefined;
};

/** The parts of an UpdateExpression that write an authority's details onto its item. */
export interface DetailsUpdate {
  sets: string[];
  /** ` REMOVE #rsc` when the RSC region is cleared, else empty. */
  remove: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/** The SET and REMOVE clauses that write an authority's details onto its item. */
export function detailsUpdate(authority: LocalAuthorityDetails): DetailsUpdate {
  const update: DetailsUpdate = {
    sets: ['#name = :name', '#region = :region'],
    remove: '',
    names: { '#name': 'name', '#region': 'region' },
    values: { ':name': authority.name, ':region': authority.region },
  };
  if (authority.rscRegion) {
    update.sets.push('#rsc = :rsc');
    update.names['#rsc'] = 'rscRegion';
    update.values[':rsc'] = authority.rscRegion;
  } else if (authority.rscRegion === null) {
    update.remove = ' REMOVE #rsc';
    update.names['#rsc'] = 'rscRegion';
  }
  return update;
}
