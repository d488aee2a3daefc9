import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { ImportFileError } from '../../src/domain/errors.js';
import { importEstablishments, importTeachingSchools } from '../../src/import/importer.js';
import { runImport } from '../../src/import/run-import.js';
import { getSchoolsByUrn } from '../../src/store/schools.js';
import { listLocalAuthorities } from '../../src/store/local-authorities.js';
import type { Store } from '../../src/store/store.js';
import { GIAS_HEADER, NCTL_HEADER, giasRow, nctlRow, writeCsv } from '../support/fixtures.js';
import { emptyStore } from '../support/store.js';

let store: Store;

beforeEach(async () => {
  ({ store } = await emptyStore());
});

async function schoolCount(): Promise<number> {
  const run = await runImport(store, {});
  return run.totals.schools;
}

describe('importing a GIAS download', () => {
  it('loads schools and their local authorities, and a second run writes nothing', async () => {
    const file = writeCsv(GIAS_HEADER, [
      giasRow(),
      giasRow({ URN: '900002', EstablishmentName: 'Second School', 'OfstedRating (name)': 'Good' }),
    ]);

    const first = await importEstablishments(store, file);
    const second = await importEstablishments(store, file);

    expect(first).toMatchObject({ read: 2, written: 2, unchanged: 0, rejected: [], localAuthoritiesWritten: 1 });
    expect(second).toMatchObject({ read: 2, written: 0, unchanged: 2, rejected: [], localAuthoritiesWritten: 0 });
    const [school] = await getSchoolsByUrn(store, ['900001']);
    expect(school).toMatchObject({
      name: 'Test Primary School',
      laCode: '201',
      region: 'LONDON',
      phase: 'PRIMARY',
      ofstedRating: 'OUTSTANDING',
      version: 1,
    });
  });

  it('reports each bad row with its line and reason, and loads the rest', async () => {
    const file = writeCsv(GIAS_HEADER, [
      giasRow(),
      giasRow({ URN: 'ABC123' }),
      giasRow({ URN: '900003', 'PhaseOfEducation (name)': 'Kindergarten' }),
      giasRow({ URN: '900001', EstablishmentName: 'Duplicate' }),
      giasRow({ URN: '900005' }),
    ]);

    const report = await importEstablishments(store, file);

    expect(report.written).toBe(2);
    expect(report.rejected).toEqual([
      { line: 3, reason: expect.stringContaining('URN must be a 6-digit URN') },
      { line: 4, reason: expect.stringContaining('PhaseOfEducation (name): unknown value "Kindergarten"') },
      { line: 5, reason: 'URN 900001 already appears on line 2' },
    ]);
    expect(await schoolCount()).toBe(2);
  });

  it('refuses a file missing a required column and changes nothing', async () => {
    const file = writeCsv(
      GIAS_HEADER.filter((column) => column !== 'LA (code)'),
      [giasRow()],
    );

    const attempt = importEstablishments(store, file);

    await expect(attempt).rejects.toThrow(ImportFileError);
    await expect(attempt).rejects.toThrow(/missing required column\(s\) "LA \(code\)"/);
    expect(await listLocalAuthorities(store)).toEqual([]);
  });

  it('refuses an empty file and changes nothing', async () => {
    const file = writeCsv(GIAS_HEADER, []);
    writeFileSync(file, '');

    await expect(importEstablishments(store, file)).rejects.toThrow(/the file is empty/);
    expect(await schoolCount()).toBe(0);
  });

  it('refuses a UTF-16 file with a clear reason and changes nothing', async () => {
    const file = writeCsv(GIAS_HEADER, [giasRow()], { encoding: 'utf-16le' });

    await expect(importEstablishments(store, file)).rejects.toThrow(/UTF-16 encoded/);
    expect(await schoolCount()).toBe(0);
  });

  it.each(['windows-1252', 'utf-8'] as const)('reads accented names from a %s file', async (encoding) => {
    const file = writeCsv(GIAS_HEADER, [giasRow({ EstablishmentName: "St Thérèse's Café School – Ørsted" })], {
      encoding,
    });

    await importEstablishments(store, file);

    const [school] = await getSchoolsByUrn(store, ['900001']);
    expect(school?.name).toBe("St Thérèse's Café School – Ørsted");
  });

  it('reads a gzipped download and accepts any subset of columns by name', async () => {
    const columns = ['EstablishmentName', 'URN', 'GOR (name)', 'PhaseOfEducation (name)', 'LA (name)', 'LA (code)'];
    const plain = writeCsv(columns, [giasRow()]);
    const gzipped = `${plain}.gz`;
    writeFileSync(gzipped, gzipSync(readFileSync(plain)));

    const report = await importEstablishments(store, gzipped);

    expect(report).toMatchObject({ read: 1, written: 1, rejected: [] });
    const [school] = await getSchoolsByUrn(store, ['900001']);
    expect(school).toMatchObject({
      name: 'Test Primary School',
      ofstedRating: null,
      numberOfPupils: null,
      status: 'OPEN',
    });
  });
});

describe('importing the NCTL teaching schools list', () => {
  it('designates listed schools, reports URNs the registry lacks, and a second run writes nothing', async () => {
    await importEstablishments(
      store,
      writeCsv(GIAS_HEADER, [giasRow(), giasRow({ URN: '900002', 'OfstedRating (name)': 'Good' })]),
    );
    const list = writeCsv(
      NCTL_HEADER,
      [nctlRow(), nctlRow({ URN: '900002', Type: 'Community special school' }), nctlRow({ URN: '999999' })],
      {
        encoding: 'utf-8',
        name: 'teaching-schools.csv',
      },
    );

    const first = await importTeachingSchools(store, list);
    const second = await importTeachingSchools(store, list);

    expect(first).toMatchObject({
      read: 3,
      written: 2,
      rejected: [{ line: 4, reason: expect.stringContaining('URN 999999 is not in the registry') }],
    });
    expect(second).toMatchObject({ written: 0, unchanged: 2 });
    const [listed, special] = await getSchoolsByUrn(store, ['900001', '900002']);
    expect(listed).toMatchObject({
      designation: { status: 'DESIGNATED' },
      nctlAllianceName: 'Test Teaching School Alliance',
    });
    expect(special).toMatchObject({
      designation: { status: 'DESIGNATED' },
      establishmentType: 'Community special school',
    });
    expect((await runImport(store, {})).totals.teachingSchools).toBe(2);
  });
});
