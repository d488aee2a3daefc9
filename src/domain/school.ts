import type { IsoDate } from './dates.js';
import type { Designation } from './designation.js';
import type { EstablishmentStatus } from './establishment-status.js';
import type { OfstedRating } from './ofsted.js';
import type { Phase } from './phase.js';
import type { GorRegion } from './region.js';
import type { Urn } from './urn.js';

/** An establishment as GIAS describes it, with its teaching-school designation. */
export interface School {
  urn: Urn;
  name: string;
  /** 3-digit DfE local authority code. */
  laCode: string;
  region: GorRegion;
  phase: Phase;
  status: EstablishmentStatus;
  establishmentType: string | null;
  establishmentNumber: string | null;
  numberOfPupils: number | null;
  ofstedRating: OfstedRating | null;
  lastInspectedOn: IsoDate | null;
  easting: number | null;
  northing: number | null;
  /** The latest designation (current, or ended with DE_DESIGNATED), or null when the school never had one. */
  designation: Designation | null;
  /** Earlier designations, oldest first. */
  pastDesignations: Designation[];
  /** The alliance NCTL listed the school under, kept from import. */
  nctlAllianceName: string | null;
  /** The alliance this school leads, if any (a teaching school leads at most one). */
  leadsAllianceId: string | null;
  /** The open designation review, while the designation is UNDER_REVIEW. */
  openReviewId: string | null;
}

/** Registry settings that domain rules depend on. */
export interface RegistrySettings {
  /**
   * A school with fewer pupils on roll than this is small (job-share alliances need small or special leads).
   * @default 210
   */
  smallSchoolPupils: number;
}

export const DEFAULT_SETTINGS: RegistrySettings = { smallSchoolPupils: 210 };

/** Special school: its establishment type says "special". */
export function isSpecial(school: Pick<School, 'establishmentType'>): boolean {
  return school.establishmentType?.toLowerCase().includes('special') ?? false;
}

/** Small school: pupils on roll known and below the setting. */
export function isSmall(
  school: Pick<School, 'numberOfPupils'>,
  settings: RegistrySettings = DEFAULT_SETTINGS,
): boolean {
  return school.numberOfPupils !== null && school.numberOfPupils < settings.smallSchoolPupils;
}
