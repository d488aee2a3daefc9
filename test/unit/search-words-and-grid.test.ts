import { describe, expect, it } from 'vitest';
import { distanceKm, maxStripsWithin, stripsWithin } from '../../src/domain/grid.js';
import { toGridPoint, toLatLong } from '../../src/domain/location.js';
import { matchName, nameWords } from '../../src/domain/name-words.js';
import type { School } from '../../src/domain/school.js';
import { indexItemChanges, schoolIndexItems } from '../../src/store/school-index-items.js';
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

  it('reads a fixed number of strips for a radius, wherever the centre is', () => {
    for (const radius of [100, 5_000, 25_000, 50_000]) {
      const counts = [0, 1, 24_999, 25_000, 49_999].map(
        (offset) => stripsWithin({ easting: 300_000 + offset, northing: 500_000 }, radius).length,
      );

      expect(Math.max(...counts)).toBeLessThanOrEqual(maxStripsWithin(radius));
    }
    expect([maxStripsWithin(5_000), maxStripsWithin(25_000), maxStripsWithin(50_000)]).toEqual([2, 2, 3]);
  });
});

describe("a school's search index items", () => {
  it('are one per distinct name word of 2 or more letters, one LAESTAB and one grid place', () => {
    const items = schoolIndexItems(school({ name: "St Mary's and St John's C of E School" }));

    expect(items.map((item) => `${item.pk} ${item.sk}`).sort()).toEqual([
      'GRID#10 0181201#100000',
      'LAESTAB#2013614 SCHOOL#100000',
      'NAME_WORD#an and#100000',
      'NAME_WORD#jo johns#100000',
      'NAME_WORD#ma marys#100000',
      'NAME_WORD#of of#100000',
      'NAME_WORD#sc school#100000',
      'NAME_WORD#st st#100000',
    ]);
  });

  it('move with a rename or a new location: the old items are deleted, the new put, the rest kept', () => {
    const before = school();

    const renamed = indexItemChanges(before, school({ name: 'The Harrow School' }));
    const moved = indexItemChanges(before, school({ easting: 393_000, northing: 565_000 }));
    const unchanged = indexItemChanges(before, school());

    expect(renamed.deletes).toEqual([{ pk: 'NAME_WORD#al', sk: 'aldgate#100000' }]);
    expect(renamed.puts.map((item) => item.sk)).toEqual(['the#100000', 'harrow#100000', 'school#100000']);
    expect(moved.deletes).toEqual([{ pk: 'GRID#10', sk: '0181201#100000' }]);
    expect(moved.puts.map((item) => item.pk)).toEqual(['GRID#7']);
    expect(unchanged).toEqual({ puts: [], deletes: [] });
  });
});
