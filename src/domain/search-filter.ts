import { isTeachingSchool } from './designation.js';
import type { OfstedRating } from './ofsted.js';
import type { Phase } from './phase.js';
import type { GorRegion } from './region.js';
import type { School } from './school.js';

/** What a search keeps of each school it finds before reading the school: enough to filter it. */
export interface SchoolSummary {
  urn: string;
  laCode: string;
  region: GorRegion;
  phase: Phase;
  ofstedRating: OfstedRating | null;
  /** Designated or under review. */
  teaching: boolean;
}

/** The usual school filter; every field given must match. */
export interface SearchFilter {
  localAuthority?: string | null;
  region?: GorRegion | null;
  phase?: Phase | null;
  ofstedRating?: OfstedRating | null;
  isTeachingSchool?: boolean | null;
}

/** Whether a school passes the filter. */
export function passesFilter(school: SchoolSummary, filter: SearchFilter): boolean {
  return (
    (!filter.localAuthority || school.laCode === filter.localAuthority) &&
    (!filter.region || school.region === filter.region) &&
    (!filter.phase || school.phase === filter.phase) &&
    (!filter.ofstedRating || school.ofstedRating === filter.ofstedRating) &&
    (filter.isTeachingSchool == null || school.teaching === filter.isTeachingSchool)
  );
}

/** What a filter needs of a school already read. */
export function summaryOf(school: School): SchoolSummary {
  const { urn, laCode, region, phase, ofstedRating } = school;
  return { urn, laCode, region, phase, ofstedRating, teaching: isTeachingSchool(school) };
}
