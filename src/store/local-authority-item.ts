import { parseCellKey } from '../domain/coverage-cell.js';
import { keys } from './keys.js';
import type { LocalAuthority } from '../domain/local-authority.js';

type Item = Record<string, unknown>;

/**
 * A local authority's item holds its name and region and, as one number attribute per coverage cell,
 * the count of its schools in that cell. Counts change only by ADD in the transaction that moves them.
 */
export function fromLocalAuthorityItem(item: Item): LocalAuthority {
  const counts: Record<string, number> = {};
  for (const [name, value] of Object.entries(item)) {
    if (typeof value === 'number' && parseCellKey(name)) counts[name] = value;
  }
  return {
    code: item.code as string,
    name: item.name as string,
    region: item.region as LocalAuthority['region'],
    rscRegion: (item.rscRegion as string | undefined) ?? null,
    counts,
    allianceEntries: [...((item.alliances as Set<string> | undefined) ?? [])].sort(),
  };
}

/** The whole item of a local authority, counts and alliance entries included (the fresh load writes it once). */
export function toLocalAuthorityItem(authority: LocalAuthority): Item {
  return {
    ...authority.counts,
    ...keys.localAuthority(authority.code),
    type: 'LocalAuthority',
    code: authority.code,
    name: authority.name,
    region: authority.region,
    rscRegion: authority.rscRegion ?? undefined,
    alliances: authority.allianceEntries.length > 0 ? new Set(authority.allianceEntries) : undefined,
  };
}
