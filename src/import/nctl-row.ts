import { InvalidInput } from '../domain/errors.js';
import type { School } from '../domain/school.js';
import { parseUrn, type Urn } from '../domain/urn.js';
import { MAX_CELL_LENGTH } from './gias-row.js';

/** Column names of NCTL's teaching schools list (12 March 2018). */
export const NCTL = {
  alliance: 'Alliance Name',
  name: 'Teaching School',
  urn: 'URN',
  type: 'Type',
} as const;

export const NCTL_REQUIRED_COLUMNS = [NCTL.urn, NCTL.alliance];

/** What one NCTL row says: a teaching school and the alliance it is listed under. */
export interface ListedTeachingSchool {
  urn: Urn;
  allianceName: string;
  establishmentType: string | null;
}

export function readListedTeachingSchool(values: Readonly<Record<string, string>>): ListedTeachingSchool {
  for (const [column, value] of Object.entries(values)) {
    if (value.length > MAX_CELL_LENGTH)
      throw new InvalidInput(column, `${column} is longer than ${MAX_CELL_LENGTH} characters`);
  }
  const allianceName = (values[NCTL.alliance] ?? '').trim().replace(/\s+/g, ' ');
  if (!allianceName) throw new InvalidInput(NCTL.alliance, `${NCTL.alliance} is blank`);
  return {
    urn: parseUrn(values[NCTL.urn] ?? '', NCTL.urn),
    allianceName,
    establishmentType: (values[NCTL.type] ?? '').trim() || null,
  };
}

/**
 * The school after NCTL lists it as a teaching school. A school the registry has never seen designated
 * becomes DESIGNATED (NCTL gives no cohort or date); one with a designation, current or ended, keeps it:
 * the registry's own history outranks a list, so re-importing the list never undoes a review's outcome.
 * GIAS's establishment type, where known, outranks NCTL's.
 */
export function applyListing(school: School, listed: ListedTeachingSchool): School {
  return {
    ...school,
    establishmentType: school.establishmentType ?? listed.establishmentType,
    nctlAllianceName: listed.allianceName,
    designation: school.designation ?? {
      status: 'DESIGNATED',
      cohort: null,
      designatedOn: null,
      endedOn: null,
      endReason: null,
    },
  };
}
