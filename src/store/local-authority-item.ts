import { parseCellKey } from '../domain/coverage-cell.js';
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
