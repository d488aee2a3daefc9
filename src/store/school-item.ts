import type { IsoDate } from '../domain/dates.js';
import type { Designation } from '../domain/designation.js';
import { isTeachingSchool } from '../domain/designation.js';
import { isOpen } from '../domain/establishment-status.js';
import type { School } from '../domain/school.js';
import type { Urn } from '../domain/urn.js';
import { keys } from './keys.js';

/**
 * A school as read from the table, with the version that conditional writes compare against and when it last
 * changed (absent on items written before changes were timed).
 */
export type StoredSchool = School & { readonly version: number; readonly updatedAt?: string };

type Item = Record<string, unknown>;

/** Which sparse list a school belongs to, if any. */
function listOf(school: School): string | undefined {
  if (isTeachingSchool(school)) return keys.teachingSchools;
  if (isOpen(school.status) && school.ofstedRating === 'OUTSTANDING') return keys.untappedOutstanding;
  return undefined;
}

/** The school's item at `version`, changed at `updatedAt` (an ISO timestamp). */
export function toSchoolItem(school: School, version: number, updatedAt: string): Item {
  const place = keys.place(school.region, school.laCode, school.urn);
  const list = listOf(school);
  return {
    ...keys.school(school.urn),
    type: 'School',
    version,
    updatedAt,
    urn: school.urn,
    name: school.name,
    laCode: school.laCode,
    region: school.region,
    phase: school.phase,
    status: school.status,
    establishmentType: school.establishmentType ?? undefined,
    establishmentNumber: school.establishmentNumber ?? undefined,
    numberOfPupils: school.numberOfPupils ?? undefined,
    ofstedRating: school.ofstedRating ?? undefined,
    lastInspectedOn: school.lastInspectedOn ?? undefined,
    easting: school.easting ?? undefined,
    northing: school.northing ?? undefined,
    designation: school.designation ?? undefined,
    pastDesignations: school.pastDesignations.length > 0 ? school.pastDesignations : undefined,
    nctlAllianceName: school.nctlAllianceName ?? undefined,
    leadsAllianceId: school.leadsAllianceId ?? undefined,
    openReviewId: school.openReviewId ?? undefined,
    gsi1pk: keys.allSchools,
    gsi1sk: place,
    gsi2pk: keys.schoolsInPhase(school.phase),
    gsi2sk: place,
    gsi3pk: list,
    gsi3sk: list ? place : undefined,
  };
}

export function fromSchoolItem(item: Item): StoredSchool {
  return {
    urn: item.urn as Urn,
    name: item.name as string,
    laCode: item.laCode as string,
    region: item.region as School['region'],
    phase: item.phase as School['phase'],
    status: item.status as School['status'],
    establishmentType: (item.establishmentType as string | undefined) ?? null,
    establishmentNumber: (item.establishmentNumber as string | undefined) ?? null,
    numberOfPupils: (item.numberOfPupils as number | undefined) ?? null,
    ofstedRating: (item.ofstedRating as School['ofstedRating'] | undefined) ?? null,
    lastInspectedOn: (item.lastInspectedOn as IsoDate | undefined) ?? null,
    easting: (item.easting as number | undefined) ?? null,
    northing: (item.northing as number | undefined) ?? null,
    designation: (item.designation as Designation | undefined) ?? null,
    pastDesignations: (item.pastDesignations as Designation[] | undefined) ?? [],
    nctlAllianceName: (item.nctlAllianceName as string | undefined) ?? null,
    leadsAllianceId: (item.leadsAllianceId as string | undefined) ?? null,
    openReviewId: (item.openReviewId as string | undefined) ?? null,
    version: item.version as number,
    updatedAt: item.updatedAt as string | undefined,
  };
}
