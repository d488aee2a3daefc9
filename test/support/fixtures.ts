import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { IsoDate } from '../../src/domain/dates.js';
import type { School } from '../../src/domain/school.js';
import type { Urn } from '../../src/domain/urn.js';

/** An open, outstanding London primary school, not a teaching school, with no location; overridden by field. */
export function school(overrides: Partial<School> = {}): School {
  return {
    urn: '100000' as Urn,
    name: 'The Aldgate School',
    laCode: '201',
    region: 'LONDON',
    phase: 'PRIMARY',
    status: 'OPEN',
    establishmentType: null,
    establishmentNumber: '3614',
    numberOfPupils: 276,
    ofstedRating: 'OUTSTANDING',
    lastInspectedOn: '2013-04-19' as IsoDate,
    easting: null,
    northing: null,
    designation: null,
    pastDesignations: [],
    nctlAllianceName: null,
    leadsAllianceId: null,
    openReviewId: null,
    ...overrides,
  };
}

/** The columns of the shipped GIAS file, in its order. */
export const GIAS_HEADER = [
  'URN',
  'LA (code)',
  'LA (name)',
  'EstablishmentNumber',
  'EstablishmentName',
  'EstablishmentStatus (name)',
  'PhaseOfEducation (name)',
  'NumberOfPupils',
  'OfstedLastInsp',
  'GOR (name)',
  'Easting',
  'Northing',
  'OfstedRating (name)',
  'RSCRegion (name)',
];

/** A GIAS row with plausible values, overridden by column name. */
export function giasRow(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    URN: '900001',
    'LA (code)': '201',
    'LA (name)': 'City of London',
    EstablishmentNumber: '3614',
    EstablishmentName: 'Test Primary School',
    'EstablishmentStatus (name)': 'Open',
    'PhaseOfEducation (name)': 'Primary',
    NumberOfPupils: '180',
    OfstedLastInsp: '19-04-2013',
    'GOR (name)': 'London',
    Easting: '533498',
    Northing: '181201',
    'OfstedRating (name)': 'Outstanding',
    'RSCRegion (name)': 'South East & South London',
    ...overrides,
  };
}

export const NCTL_HEADER = [
  'Alliance Name',
  'Teaching School',
  'URN',
  'Region',
  'Local Authority',
  'RSC',
  'Type',
  'Phase',
  'Religious Character',
];

export function nctlRow(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'Alliance Name': 'Test Teaching School Alliance',
    'Teaching School': 'Test Primary School',
    URN: '900001',
    Region: 'London',
    'Local Authority': 'City of London',
    RSC: 'South East & South London',
    Type: 'Community school',
    Phase: 'Primary',
    'Religious Character': 'Does not apply',
    ...overrides,
  };
}

/** Writes a CSV as GIAS does (every field quoted, CRLF) in the given encoding; returns its path. */
export function writeCsv(
  header: readonly string[],
  rows: readonly Record<string, string>[],
  options: { encoding?: 'windows-1252' | 'utf-8' | 'utf-16le'; name?: string; bom?: boolean } = {},
): string {
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  const lines = rows.map((row) => header.map((column) => quote(row[column] ?? '')).join(','));
  const text = [header.map(quote).join(','), ...lines, ''].join('\r\n');
  const encoding = options.encoding ?? 'windows-1252';
  const bytes = iconv.encode(text, encoding, { addBOM: options.bom ?? encoding === 'utf-16le' });
  const path = join(mkdtempSync(join(tmpdir(), 'registry-test-')), options.name ?? 'establishments.csv');
  writeFileSync(path, bytes);
  return path;
}
