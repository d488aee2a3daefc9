import { describe, expect, it } from 'vitest';
import { distanceKm, maxSquaresWithin, squaresWithin } from '../../src/domain/grid.js';
import { toGridPoint, toLatLong } from '../../src/domain/location.js';
import { matchName, nameWords } from '../../src/domain/name-words.js';
import type { School } from '../../src/domain/school.js';
import type { Urn } from '../../src/domain/urn.js';
import { forEachPlaceEntry, gridSquareChanges, gridSquareItems } from '../../src/store/grid-square-items.js';
import { indexItemUpdates, schoolIndexItems } from '../../src/store/school-index-items.js';
import { school as fixtureSchool } from '../support/fixtures.js';

/** The Aldgate School, at its place in Aldgate. */
function school(overrides: Partial<School> = {}): School {
  return fixtureSchool({ easting: 533498, northing: 181201, ...overrides });
}

describe('name words', () => {
  it('ignores case, accents, punctuation and St/St./Saint', () => {
    expect(nameWords("St. Mary's C.E. (VA) School & Nursery")).toEqual([
      'st',
      'marys',
      'c',
      'e',
      'va',
      'school',
      'and',
      'nursery',
    ]);
    expect(nameWords('Saint-Éloi ÉCOLE')).toEqual(['st', 'eloi', 'ecole']);
  });

  it('matches every word, the last as a prefix, and says how', () => {
    const name = nameWords("St Mary's Catholic Primary School and Nursery");

    expect(matchName(nameWords('st marys catholic primary school and nursery'), name)).toBe('EXACT_NAME');
    expect(matchName(nameWords('st mar'), name)).toBe('NAME_START');
    expect(matchName(nameWords('catholic st'), name)).toBe('NAME_WORDS');
    expect(matchName(nameWords('ary'), name)).toBe(null);
    expect(matchName(nameWords('mar catholic'), name)).toBe(null);
  });
});

describe('the British National Grid', () => {
  it('converts The Aldgate School to latitude and longitude within a metre of the published figures, and back', () => {
    const point = { easting: 533498, northing: 181201 };

    expect(toLatLong(point)).toEqual({ latitude: 51.51397, longitude: -0.07753 });
    expect(toGridPoint(toLatLong(point))).toEqual(point);
  });

  it('measures straight lines in km to 3 decimals', () => {
    expect(distanceKm({ easting: 0, northing: 0 }, { easting: 3000, northing: 4000 })).toBe(5);
    expect(distanceKm({ easting: 0, northing: 0 }, { easting: 1, northing: 1 })).toBe(0.001);
  });

  it('reads a bounded number of 10 km squares for a radius, wherever the centre is, and every point within it', () => {
    for (const radius of [100, 5_000, 25_000, 50_000]) {
      const centres = [0, 1, 4_999, 5_000, 9_999].map((offset) => ({
        easting: 300_000 + offset,
        northing: 500_000 + offset / 2,
      }));
      for (const centre of centres) {
        const squares = new Set(squaresWithin(centre, radius).map(({ column, row }) => `${column},${row}`));
        const edge = [0, 1, 2, 3, 4, 5, 6, 7].map((eighth) => ({
          easting: Math.floor(centre.easting + radius * Math.cos((eighth * Math.PI) / 4)),
          northing: Math.floor(centre.northing + radius * Math.sin((eighth * Math.PI) / 4)),
        }));

        expect(squares.size).toBeLessThanOrEqual(maxSquaresWithin(radius));
        for (const point of edge) {
          expect(squares.has(`${Math.floor(point.easting / 10_000)},${Math.floor(point.northing / 10_000)}`)).toBe(
            true,
          );
        }
      }
    }
    expect([maxSquaresWithin(5_000), maxSquaresWithin(25_000), maxSquaresWithin(50_000)]).toEqual([4, 36, 121]);
  });
});

describe("a school's search index entries", () => {
  it("are one per name word of 2 or more letters and one in its LA's LAESTAB list", () => {
    const items = schoolIndexItems([school({ name: "St Mary's and St John's C of E School" })]);

    expect(items.map((item) => `${item.pk} ${item.sk} ${item['100000']}`).sort()).toEqual([
      'LAESTABS#201 LAESTABS 2013614',
      'NAME_WORD#an and#09 201|LONDON|PRIMARY|OUTSTANDING||st marys and st johns c of e school',
      'NAME_WORD#jo johns#09 201|LONDON|PRIMARY|OUTSTANDING||st marys and st johns c of e school',
      'NAME_WORD#ma marys#09 201|LONDON|PRIMARY|OUTSTANDING||st marys and st johns c of e school',
      'NAME_WORD#of of#09 201|LONDON|PRIMARY|OUTSTANDING||st marys and st johns c of e school',
      'NAME_WORD#sc school#09 201|LONDON|PRIMARY|OUTSTANDING||st marys and st johns c of e school',
      'NAME_WORD#st st#09 201|LONDON|PRIMARY|OUTSTANDING||st marys and st johns c of e school',
    ]);
  });

  it('are packed: schools sharing a word share its item, a word spread over shards by LA', () => {
    const items = schoolIndexItems([
      school(),
      school({ urn: '100016' as Urn, establishmentNumber: '3615' }),
      school({ urn: '100001' as Urn, laCode: '202', establishmentNumber: null }),
    ]);

    const item = (pk: string, sk: string) => items.find((found) => found.pk === pk && found.sk === sk);
    expect(Object.keys(item('NAME_WORD#al', 'aldgate#09')!).sort()).toEqual(['100000', '100016', 'pk', 'sk', 'type']);
    expect(Object.keys(item('NAME_WORD#al', 'aldgate#10')!).sort()).toEqual(['100001', 'pk', 'sk', 'type']);
    expect(item('LAESTABS#201', 'LAESTABS')).toEqual({
      pk: 'LAESTABS#201',
      sk: 'LAESTABS',
      type: 'LaestabList',
      100000: '2013614',
      100016: '2013615',
    });
  });

  it('move with a rename or a new location: the old entries are removed, the new set, the rest left alone', () => {
    const before = school();
    const changes = (after: School) =>
      indexItemUpdates([{ before, after }]).map(({ key, set, remove }) => ({
        item: `${key.pk} ${key.sk}`,
        set: [...set.keys()],
        remove: [...remove],
      }));

    const renamed = changes(school({ name: 'The Harrow School' }));
    const unchanged = changes(school({ easting: 393_000, northing: 565_000 }));

    expect(renamed).toEqual([
      { item: 'NAME_WORD#th the#09', set: ['100000'], remove: [] },
      { item: 'NAME_WORD#ha harrow#09', set: ['100000'], remove: [] },
      { item: 'NAME_WORD#sc school#09', set: ['100000'], remove: [] },
      { item: 'NAME_WORD#al aldgate#09', set: [], remove: ['100000'] },
    ]);
    expect(unchanged).toEqual([]);
  });

  it('of two schools changed together touch each item once', () => {
    const updates = indexItemUpdates([
      { before: null, after: school() },
      { before: null, after: school({ urn: '100016' as Urn, name: 'The Aldgate Nursery' }) },
    ]);

    const aldgate = updates.filter((update) => update.key.sk.startsWith('aldgate#'));
    expect(aldgate.map((update) => [...update.set.keys()])).toEqual([['100000', '100016']]);
  });
});

describe("a school's grid-square entry", () => {
  /** The schools a packed square's item holds, as a place search reads them. */
  function readSquare(item: Record<string, unknown>) {
    const found: unknown[] = [];
    const [, column, row] = String(item.pk).split('#');
    forEachPlaceEntry(
      { column: Number(column), row: Number(row) },
      item,
      () => true,
      (entry) => found.push(entry),
    );
    return found;
  }

  it('is packed with the others of its 10 km square in one attribute, and read back as it was', () => {
    const items = gridSquareItems([
      school({ urn: '100016' as Urn, ofstedRating: null, phase: 'SECONDARY', easting: 530_000, northing: 189_999 }),
      school({ designation: { status: 'DESIGNATED', cohort: 1, designatedOn: null, endedOn: null, endReason: null } }),
      school({ urn: '100001' as Urn, easting: 393_000, northing: 565_000, laCode: '929', region: 'NORTH_EAST' }),
    ]);

    expect(items.map((item) => [item.pk, Object.keys(item).sort()])).toEqual([
      ['GRID_SQUARE#53#18', ['entries', 'pk', 'sk', 'type', 'version']],
      ['GRID_SQUARE#39#56', ['entries', 'pk', 'sk', 'type', 'version']],
    ]);
    expect(readSquare(items[0]!)).toEqual([
      {
        urn: '100000',
        easting: 533_498,
        northing: 181_201,
        laCode: '201',
        region: 'LONDON',
        phase: 'PRIMARY',
        ofstedRating: 'OUTSTANDING',
        teaching: true,
      },
      {
        urn: '100016',
        easting: 530_000,
        northing: 189_999,
        laCode: '201',
        region: 'LONDON',
        phase: 'SECONDARY',
        ofstedRating: null,
        teaching: false,
      },
    ]);
    expect(readSquare(items[1]!)).toMatchObject([{ urn: '100001', laCode: '929', region: 'NORTH_EAST' }]);
  });

  it('moves with the school: removed from its old square and set in its new one; a rename leaves it alone', () => {
    const before = school();
    const changes = (after: School) =>
      gridSquareChanges([{ before, after }]).map(({ square, entries }) => ({
        square: `${square.column},${square.row}`,
        entries: [...entries].map(([urn, entry]) => `${urn} ${entry}`),
      }));

    expect(changes(school({ easting: 393_000, northing: 565_000 }))).toEqual([
      { square: '53,18', entries: ['100000 null'] },
      { square: '39,56', entries: ['100000 10000030005000201gp10'] },
    ]);
    expect(changes(school({ ofstedRating: 'GOOD' }))).toEqual([
      { square: '53,18', entries: ['100000 10000034981201201gp20'] },
    ]);
    expect(changes(school({ name: 'The Harrow School' }))).toEqual([]);
    expect(changes(school({ easting: null, northing: null }))).toEqual([{ square: '53,18', entries: ['100000 null'] }]);
  });

  it('of two schools changed together touch their square once', () => {
    const changes = gridSquareChanges([
      { before: null, after: school() },
      { before: null, after: school({ urn: '100016' as Urn, name: 'The Aldgate Nursery' }) },
    ]);

    expect(changes.map(({ entries }) => [...entries.keys()])).toEqual([['100000', '100016']]);
  });
});
