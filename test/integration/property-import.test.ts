import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ESTABLISHMENT_STATUSES } from '../../src/domain/establishment-status.js';
import { OFSTED_RATINGS } from '../../src/domain/ofsted.js';
import { PHASES } from '../../src/domain/phase.js';
import { GIAS } from '../../src/import/gias-row.js';
import { importEstablishments } from '../../src/import/importer.js';
import { getSchoolsByUrn } from '../../src/store/schools.js';
import type { Store } from '../../src/store/store.js';
import { GIAS_HEADER, giasRow, writeCsv } from '../support/fixtures.js';
import { emptyStore } from '../support/store.js';
import { LongText } from '../support/long-text.js';

/** Files per property: each a few rows, so the file takes seconds. */
const RUNS = 25;

const COLUMNS = [...GIAS_HEADER, GIAS.type];

let store: Store;

beforeAll(async () => {
  ({ store } = await emptyStore());
});

type Row = Record<string, string | LongText>;

/** Text a cell can hold in a CSV of one line per row: any code point but NUL and line breaks. */
const oddText = fc.oneof(
  fc
    .oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom(
        '',
        ' ',
        '"',
        '""',
        ',',
        ';',
        '\t',
        '\u202E',
        '\uFEFF',
        'Ｌｏｎｄｏｎ',
        '١٢٣',
        '=cmd|calc',
        'NULL',
        '-1',
        '1.5',
        '1e3',
        '9999999999',
        '31-02-2018',
        '2018-03-01',
      ),
    )
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is the character CSV cells must not hold.
    .map((text): string | LongText => text.replace(/[\u0000\r\n]/g, ' ')),
  fc.integer({ min: 100, max: 3000 }).map((times) => new LongText('long', times)),
  // Past DynamoDB's 400 KB item size.
  fc.constant(new LongText('huge', 110_000)),
);
const blankOr = (arbitrary: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 4, arbitrary }, { weight: 1, arbitrary: fc.constant('') });
const wholeNumber = (min: number, max: number) => fc.integer({ min, max }).map(String);
const giasDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2018-03-12T00:00:00Z'), noInvalidDate: true })
  .map((day) => {
    const [year, month, date] = day.toISOString().slice(0, 10).split('-');
    return `${date}-${month}-${year}`;
  });
const PLACES = [
  {
    [GIAS.laCode]: '201',
    [GIAS.laName]: 'City of London',
    [GIAS.region]: 'London',
    [GIAS.rscRegion]: 'South East & South London',
  },
  { [GIAS.laCode]: '390', [GIAS.laName]: 'Gateshead', [GIAS.region]: 'North East', [GIAS.rscRegion]: 'North' },
  {
    [GIAS.laCode]: '831',
    [GIAS.laName]: 'Derby',
    [GIAS.region]: 'East Midlands',
    [GIAS.rscRegion]: 'East Midlands & Humber',
  },
];

/** A GIAS row a real download could hold: every cell valid (names in any script), optional ones sometimes blank. */
const plausibleRow = fc
  .record({
    [GIAS.urn]: wholeNumber(900000, 900099),
    place: fc.constantFrom(...PLACES),
    [GIAS.name]: fc.oneof(
      wholeNumber(1, 99).map((n) => `School ${n}`),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((name) => name.trim() !== ''),
    ),
    [GIAS.status]: fc.constantFrom(...Object.values(ESTABLISHMENT_STATUSES)),
    [GIAS.phase]: fc.constantFrom(...Object.values(PHASES)),
    [GIAS.type]: blankOr(fc.constantFrom('Community school', 'Community special school', 'Academy converter')),
    [GIAS.number]: blankOr(wholeNumber(1000, 9999)),
    [GIAS.pupils]: blankOr(wholeNumber(0, 3000)),
    [GIAS.inspected]: blankOr(giasDate),
    [GIAS.rating]: blankOr(fc.constantFrom(...Object.values(OFSTED_RATINGS))),
    [GIAS.easting]: blankOr(wholeNumber(100000, 700000)),
    [GIAS.northing]: blankOr(wholeNumber(0, 1300000)),
  })
  .map(({ place, ...row }): Row => ({ ...row, ...place }));

/** Plausible rows, the same with one cell made odd, and rows of odd cells only. */
const randomRow = fc.oneof(
  plausibleRow,
  plausibleRow.chain((row) =>
    fc.tuple(fc.constantFrom(...COLUMNS), oddText).map(([column, odd]): Row => ({ ...row, [column]: odd })),
  ),
  fc
    .tuple(...COLUMNS.map(() => oddText))
    .map((cells): Row => Object.fromEntries(COLUMNS.map((column, index) => [column, cells[index]!]))),
);

/** Files fast-check found faults with, run first every time so they stay fixed. */
const FOUND: Row[][] = [
  // A UTF-8 file holding U+FFFD was read as Windows-1252, so every other non-ASCII name was garbled.
  [giasRow({ [GIAS.name]: '¡Café!' }), giasRow({ [GIAS.urn]: '900002', [GIAS.name]: 'Replacement \uFFFD character' })],
  // A 440,000-character name made the school item too large for DynamoDB, and the import threw.
  [{ ...giasRow(), [GIAS.name]: new LongText('huge', 110_000) }, giasRow({ [GIAS.urn]: '900002' })],
];

describe('importing random GIAS rows', () => {
  it('never crashes: every row is loaded as written or rejected with its line and a reason', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(randomRow, { minLength: 1, maxLength: 15 }), async (randomRows) => {
        const rows = randomRows.map((row) =>
          Object.fromEntries(Object.entries(row).map(([column, value]) => [column, String(value)])),
        );
        const file = writeCsv(COLUMNS, rows, { encoding: 'utf-8' });

        const report = await importEstablishments(store, file);

        expect(report.read).toBe(rows.length);
        expect(report.written + report.unchanged + report.rejected.length).toBe(rows.length);
        const rejectedLines = report.rejected.map((rejection) => rejection.line);
        expect(new Set(rejectedLines).size).toBe(rejectedLines.length);
        for (const rejection of report.rejected) {
          expect(rejection.line).toBeGreaterThanOrEqual(2);
          expect(rejection.line).toBeLessThanOrEqual(rows.length + 1);
          expect(rejection.reason.trim()).not.toBe('');
        }
        const loaded = rows.filter((_row, index) => !rejectedLines.includes(index + 2));
        const stored = await getSchoolsByUrn(
          store,
          loaded.map((row) => row[GIAS.urn]!.trim()),
        );
        expect(stored.map((school) => [school?.name, school?.laCode])).toEqual(
          loaded.map((row) => [row[GIAS.name]!.trim(), row[GIAS.laCode]!.trim()]),
        );
      }),
      { numRuns: RUNS, examples: FOUND.map((rows) => [rows]) },
    );
  }, 90_000);
});
