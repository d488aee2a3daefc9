import { parseGiasDate } from '../domain/dates.js';
import { InvalidInput } from '../domain/errors.js';
import { ESTABLISHMENT_STATUSES } from '../domain/establishment-status.js';
import { parseLaCode } from '../domain/local-authority.js';
import { OFSTED_RATINGS } from '../domain/ofsted.js';
import { PHASES } from '../domain/phase.js';
import { GOR_REGIONS, type GorRegion } from '../domain/region.js';
import type { School } from '../domain/school.js';
import { parseUrn } from '../domain/urn.js';
import { codeForName } from '../domain/vocabulary.js';

/** GIAS download column names, as an `edubasealldata` file spells them. */
export const GIAS = {
  urn: 'URN',
  laCode: 'LA (code)',
  laName: 'LA (name)',
  name: 'EstablishmentName',
  region: 'GOR (name)',
  phase: 'PhaseOfEducation (name)',
  status: 'EstablishmentStatus (name)',
  type: 'TypeOfEstablishment (name)',
  number: 'EstablishmentNumber',
  pupils: 'NumberOfPupils',
  rating: 'OfstedRating (name)',
  inspected: 'OfstedLastInsp',
  easting: 'Easting',
  northing: 'Northing',
  rscRegion: 'RSCRegion (name)',
} as const;

/** No GIAS value comes near this; a longer cell is a broken row (and would not fit a DynamoDB item). */
export const MAX_CELL_LENGTH = 1_000;

/** Without these a row cannot place a school; every other GIAS column is optional. */
export const GIAS_REQUIRED_COLUMNS = [GIAS.urn, GIAS.name, GIAS.laCode, GIAS.laName, GIAS.region, GIAS.phase];

/** What one GIAS row says: the school's fields its columns give, and its local authority. */
export interface Establishment {
  fields: Partial<School> & Pick<School, 'urn' | 'name' | 'laCode' | 'region' | 'phase'>;
  localAuthority: { code: string; name: string; region: GorRegion; rscRegion: string | null | undefined };
}

/**
 * Reads one GIAS row. A column the file lacks leaves that field as it was (unknown for a new school);
 * a blank cell means the value is not known. Throws InvalidInput naming the column at fault.
 */
export function readEstablishment(
  values: Readonly<Record<string, string>>,
  columns: ReadonlySet<string>,
): Establishment {
  for (const column of columns) {
    if ((values[column] ?? '').length > MAX_CELL_LENGTH)
      throw new InvalidInput(column, `${column} is longer than ${MAX_CELL_LENGTH} characters`);
  }
  const cell = (column: string) => (values[column] ?? '').trim();
  const has = (column: string) => columns.has(column);
  const required = (column: string) => {
    const value = cell(column);
    if (!value) throw new InvalidInput(column, `${column} is blank`);
    return value;
  };

  const urn = parseUrn(cell(GIAS.urn), GIAS.urn);
  const laCode = parseLaCode(required(GIAS.laCode), GIAS.laCode);
  const region = regionFrom(required(GIAS.region));
  const fields: Establishment['fields'] = {
    urn,
    name: required(GIAS.name),
    laCode,
    region,
    phase: codeForName(PHASES, required(GIAS.phase), GIAS.phase),
  };
  if (has(GIAS.status)) fields.status = codeForName(ESTABLISHMENT_STATUSES, required(GIAS.status), GIAS.status);
  if (has(GIAS.type)) fields.establishmentType = cell(GIAS.type) || null;
  if (has(GIAS.number)) fields.establishmentNumber = cell(GIAS.number) || null;
  if (has(GIAS.pupils)) fields.numberOfPupils = wholeNumber(cell(GIAS.pupils), GIAS.pupils);
  if (has(GIAS.rating))
    fields.ofstedRating = cell(GIAS.rating) ? codeForName(OFSTED_RATINGS, cell(GIAS.rating), GIAS.rating) : null;
  if (has(GIAS.inspected))
    fields.lastInspectedOn = cell(GIAS.inspected) ? parseGiasDate(cell(GIAS.inspected), GIAS.inspected) : null;
  if (has(GIAS.easting)) fields.easting = wholeNumber(cell(GIAS.easting), GIAS.easting);
  if (has(GIAS.northing)) fields.northing = wholeNumber(cell(GIAS.northing), GIAS.northing);

  return {
    fields,
    localAuthority: {
      code: laCode,
      name: required(GIAS.laName),
      region,
      rscRegion: has(GIAS.rscRegion) ? cell(GIAS.rscRegion) || null : undefined,
    },
  };
}

/** The school as the registry should hold it after this row: the row's fields over what was there. */
export function mergeEstablishment(existing: School | null, establishment: Establishment): School {
  const base: School = existing ?? {
    ...establishment.fields,
    status: 'OPEN',
    establishmentType: null,
    establishmentNumber: null,
    numberOfPupils: null,
    ofstedRating: null,
    lastInspectedOn: null,
    easting: null,
    northing: null,
    designation: null,
    pastDesignations: [],
    nctlAllianceName: null,
    leadsAllianceId: null,
    openReviewId: null,
  };
  return { ...base, ...establishment.fields };
}

function regionFrom(value: string): GorRegion {
  if (/wales|not applicable|scotland/i.test(value)) {
    throw new InvalidInput(GIAS.region, `${GIAS.region} ${JSON.stringify(value)} is not a region of England`);
  }
  return codeForName(GOR_REGIONS, value, GIAS.region);
}

function wholeNumber(value: string, column: string): number | null {
  if (!value) return null;
  if (!/^\d{1,9}$/.test(value))
    throw new InvalidInput(column, `${column} must be a whole number, got ${JSON.stringify(value.slice(0, 40))}`);
  return Number(value);
}
