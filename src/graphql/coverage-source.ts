import type { Coverage } from '../domain/coverage.js';
import type { GorRegion } from '../domain/region.js';

/** The schools an area's figures are about: some local authorities (all when null), optionally one GOR region's. */
export interface AreaScope {
  laCodes: readonly string[] | null;
  region: GorRegion | null;
}

/** What a `Coverage` field resolves to: the counted figures, and the area they are of (for `reach`). */
export type CoverageSource = Coverage & { scope: AreaScope };

export function coverageIn(coverage: Coverage, scope: Partial<AreaScope>): CoverageSource {
  return { ...coverage, scope: { laCodes: scope.laCodes ?? null, region: scope.region ?? null } };
}
