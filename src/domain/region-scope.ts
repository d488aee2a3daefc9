import { InvalidInput } from './errors.js';
import { GOR_REGIONS, RSC_REGIONS, type GorRegion, type RscRegion } from './region.js';

/** A region a TSC staff member may work in: a GOR region (by code) or an RSC region (by name). */
export type ScopeRegion = GorRegion | RscRegion;

/** Where a school is, for the region rule: its GOR region and its local authority's RSC region (if any). */
export interface RegionPlace {
  region: GorRegion;
  rscRegion: string | null;
}

/**
 * The regions one name stands for: a GOR region by code or name ("NORTH_WEST", "North West"), an RSC region
 * by name ("Lancashire & West Yorkshire"), or both where the two share a name ("West Midlands", "South West").
 * Case and spacing aside; an unknown name is InvalidInput naming `field`.
 */
export function regionsNamed(name: string, field: string): ScopeRegion[] {
  const wanted = normalise(name);
  const gor = (Object.entries(GOR_REGIONS) as [GorRegion, string][])
    .filter(([code, label]) => normalise(code) === wanted || normalise(label) === wanted)
    .map(([code]) => code);
  const rsc = RSC_REGIONS.filter((label) => normalise(label) === wanted);
  if (gor.length + rsc.length === 0) {
    const known = [...new Set([...Object.values(GOR_REGIONS), ...RSC_REGIONS])].join(', ');
    throw new InvalidInput(
      field,
      `${field}: unknown region ${JSON.stringify(name.slice(0, 60))} (expected one of ${known})`,
    );
  }
  return [...gor, ...rsc];
}

/** Whether a place is in the regions: its GOR region or its RSC region is one of them. */
export function inRegions(regions: readonly ScopeRegion[], place: RegionPlace): boolean {
  return regions.some((region) => region === place.region || isRscRegion(region, place.rscRegion));
}

/** Regions as people read them: "North West, Lancashire & West Yorkshire". */
export function regionNames(regions: readonly ScopeRegion[]): string {
  const names = regions.map((region) => (region in GOR_REGIONS ? GOR_REGIONS[region as GorRegion] : region));
  return [...new Set(names)].join(', ');
}

function isRscRegion(region: ScopeRegion, rscRegion: string | null): boolean {
  return (
    rscRegion !== null &&
    (RSC_REGIONS as readonly string[]).includes(region) &&
    normalise(region) === normalise(rscRegion)
  );
}

function normalise(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
}
