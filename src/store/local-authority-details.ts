import type { LocalAuthority } from '../domain/local-authority.js';

/** An authority's details as a save gives them: `rscRegion: undefined` keeps the one stored, `null` removes it. */
export type LocalAuthorityDetails = Pick<LocalAuthority, 'code' | 'name' | 'region'> & {
  rscRegion: string | null | undefined;
};

/** Where an item keeps an authority's details: the names of the attributes that hold them. */
export interface DetailAttributes {
  name: string;
  region: string;
  rscRegion: string;
}

/** The parts of an UpdateExpression that write an authority's details into the attributes named. */
export interface DetailsUpdate {
  sets: string[];
  /** ` REMOVE #rsc` when the RSC region is cleared, else empty. */
  remove: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/**
 * The SET and REMOVE clauses that write an authority's details: the same for its own item and for the version item
 * that holds every authority's, which keep them under different attribute names.
 */
export function detailsUpdate(authority: LocalAuthorityDetails, attributes: DetailAttributes): DetailsUpdate {
  const update: DetailsUpdate = {
    sets: ['#name = :name', '#region = :region'],
    remove: '',
    names: { '#name': attributes.name, '#region': attributes.region },
    values: { ':name': authority.name, ':region': authority.region },
  };
  if (authority.rscRegion) {
    update.sets.push('#rsc = :rsc');
    update.names['#rsc'] = attributes.rscRegion;
    update.values[':rsc'] = authority.rscRegion;
  } else if (authority.rscRegion === null) {
    update.remove = ' REMOVE #rsc';
    update.names['#rsc'] = attributes.rscRegion;
  }
  return update;
}
