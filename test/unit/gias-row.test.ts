import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../../src/domain/errors.js';
import { mergeEstablishment, readEstablishment } from '../../src/import/gias-row.js';
import { GIAS_HEADER, giasRow } from '../support/fixtures.js';

const ALL_COLUMNS = new Set(GIAS_HEADER);

function rejection(values: Record<string, string>, columns = ALL_COLUMNS): InvalidInput {
  try {
    readEstablishment(values, columns);
  } catch (error) {
    if (error instanceof InvalidInput) return error;
    throw error;
  }
  throw new Error('expected the row to be rejected');
}

describe('reading a GIAS row', () => {
  it('reads names as GIAS spells them into registry codes', () => {
    const { fields, localAuthority } = readEstablishment(
      giasRow({
        'PhaseOfEducation (name)': '16 plus',
        'OfstedRating (name)': 'Requires improvement',
        'GOR (name)': 'Yorkshire and the Humber',
      }),
      ALL_COLUMNS,
    );

    expect(fields).toMatchObject({
      urn: '900001',
      phase: 'SIXTEEN_PLUS',
      ofstedRating: 'REQUIRES_IMPROVEMENT',
      region: 'YORKSHIRE_AND_THE_HUMBER',
      lastInspectedOn: '2013-04-19',
      numberOfPupils: 180,
    });
    expect(localAuthority).toEqual({
      code: '201',
      name: 'City of London',
      region: 'YORKSHIRE_AND_THE_HUMBER',
      rscRegion: 'South East & South London',
    });
  });

  it('reads blank optional cells as unknown', () => {
    const { fields } = readEstablishment(
      giasRow({ NumberOfPupils: '', 'OfstedRating (name)': '', OfstedLastInsp: '' }),
      ALL_COLUMNS,
    );

    expect(fields).toMatchObject({ numberOfPupils: null, ofstedRating: null, lastInspectedOn: null });
  });

  it('leaves a field the file has no column for as it was', () => {
    const columns = new Set(
      GIAS_HEADER.filter((column) => column !== 'NumberOfPupils' && column !== 'OfstedRating (name)'),
    );
    const existing = mergeEstablishment(
      null,
      readEstablishment(giasRow({ NumberOfPupils: '50', 'OfstedRating (name)': 'Good' }), ALL_COLUMNS),
    );

    const merged = mergeEstablishment(
      existing,
      readEstablishment(giasRow({ EstablishmentName: 'Renamed School' }), columns),
    );

    expect(merged).toMatchObject({ name: 'Renamed School', numberOfPupils: 50, ofstedRating: 'GOOD' });
  });

  it.each([
    [{ URN: '12345' }, 'URN', '6-digit'],
    [{ URN: '' }, 'URN', '6-digit'],
    [{ 'LA (code)': '20' }, 'LA (code)', '3-digit'],
    [{ 'PhaseOfEducation (name)': 'Kindergarten' }, 'PhaseOfEducation (name)', 'unknown value'],
    [{ 'OfstedRating (name)': 'Brilliant' }, 'OfstedRating (name)', 'unknown value'],
    [{ OfstedLastInsp: '31-02-2015' }, 'OfstedLastInsp', 'not a real date'],
    [{ OfstedLastInsp: '2015-01-01' }, 'OfstedLastInsp', 'dd-mm-yyyy'],
    [{ NumberOfPupils: '-3' }, 'NumberOfPupils', 'whole number'],
    [{ 'GOR (name)': 'Wales (pseudo)' }, 'GOR (name)', 'not a region of England'],
    [{ EstablishmentName: '  ' }, 'EstablishmentName', 'blank'],
  ])('rejects %j naming the column', (override, column, words) => {
    const error = rejection(giasRow(override));

    expect(error.field).toBe(column);
    expect(error.message).toContain(words);
  });
});
