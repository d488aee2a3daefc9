import { isTeachingSchool } from '../domain/designation.js';
import { SQUARE_METRES, squareOf, type GridPoint, type GridSquare } from '../domain/grid.js';
import type { OfstedRating } from '../domain/ofsted.js';
import type { Phase } from '../domain/phase.js';
import type { GorRegion } from '../domain/region.js';
import type { School } from '../domain/school.js';
import type { SchoolSummary } from '../domain/search-filter.js';
import { keys } from './keys.js';

type Item = Record<string, unknown>;

/**
 * The attribute of a grid square's item that holds its schools' entries, packed: one string, the entries one after
 * another in URN order. One attribute instead of one per school is what makes a place search cheap: DynamoDB and
 * the SDK spend per attribute, and a London square holds hundreds of schools.
 */
export const ENTRIES_ATTRIBUTE = 'entries';

/**
 * Letters of a region, a phase and an Ofsted rating in an entry (fixed here, so the stored layout does not follow
 * the order of the domain's lists).
 */
const REGION_LETTERS: Record<GorRegion, string> = {
  NORTH_EAST: 'a',
  NORTH_WEST: 'b',
  YORKSHIRE_AND_THE_HUMBER: 'c',
  EAST_MIDLANDS: 'd',
  WEST_MIDLANDS: 'e',
  EAST_OF_ENGLAND: 'f',
  LONDON: 'g',
  SOUTH_EAST: 'h',
  SOUTH_WEST: 'i',
};
const PHASE_LETTERS: Record<Phase, string> = {
  NURSERY: 'n',
  PRIMARY: 'p',
  MIDDLE_DEEMED_PRIMARY: 'm',
  SECONDARY: 's',
  MIDDLE_DEEMED_SECONDARY: 'd',
  ALL_THROUGH: 'a',
  SIXTEEN_PLUS: 'x',
  NOT_APPLICABLE: 'z',
};
const OFSTED_LETTERS: Record<OfstedRating | 'NONE', string> = {
  OUTSTANDING: '1',
  GOOD: '2',
  REQUIRES_IMPROVEMENT: '3',
  SERIOUS_WEAKNESSES: '4',
  SPECIAL_MEASURES: '5',
  INADEQUATE: '6',
  NONE: '-',
};
const REGIONS = inverse(REGION_LETTERS);
const PHASES = inverse(PHASE_LETTERS);
const RATINGS = inverse(OFSTED_LETTERS);

/**
 * One school's entry, 21 characters: its URN (6 digits), its point in metres from the square's south-west corner
 * (4 + 4 digits), its LA code (3 digits), then a letter each for its region, phase and Ofsted rating and `1` for a
 * teaching school (`0` if not).
 */
const ENTRY = { urn: 0, easting: 6, northing: 10, laCode: 14, region: 17, phase: 18, ofsted: 19, teaching: 20 };
const ENTRY_LENGTH = 21;

/** A school's place in the grid-square index: its square and its entry there; null without a location. */
export interface GridSquareEntry {
  square: GridSquare;
  entry: string;
}

export function gridSquareEntryOf(school: School): GridSquareEntry | null {
  if (school.easting === null || school.northing === null) return null;
  const square = squareOf({ easting: school.easting, northing: school.northing });
  const offset = (metres: number, origin: number) => String(metres - origin * SQUARE_METRES).padStart(4, '0');
  return {
    square,
    entry: [
      school.urn,
      offset(school.easting, square.column),
      offset(school.northing, square.row),
      school.laCode,
      REGION_LETTERS[school.region],
      PHASE_LETTERS[school.phase],
      OFSTED_LETTERS[school.ofstedRating ?? 'NONE'],
      isTeachingSchool(school) ? '1' : '0',
    ].join(''),
  };
}

/** A grid square's item, whole: its entries (URN to entry) packed, at a version. */
export function toGridSquareItem(square: GridSquare, entries: ReadonlyMap<string, string>, version: number): Item {
  return {
    ...keys.gridSquare(square.column, square.row),
    type: 'GridSquare',
    version,
    [ENTRIES_ATTRIBUTE]: [...entries.keys()]
      .sort()
      .map((urn) => entries.get(urn))
      .join(''),
  };
}

/** Whole grid-square items for a set of schools (a fresh load), at version 1. */
export function gridSquareItems(schools: Iterable<School>): Item[] {
  const squares = new Map<string, { square: GridSquare; entries: Map<string, string> }>();
  for (const school of schools) {
    const found = gridSquareEntryOf(school);
    if (!found) continue;
    const id = idOf(found.square);
    const square = squares.get(id) ?? { square: found.square, entries: new Map<string, string>() };
    square.entries.set(school.urn, found.entry);
    squares.set(id, square);
  }
  return [...squares.values()].map(({ square, entries }) => toGridSquareItem(square, entries, 1));
}

/** The entries of a stored grid square's item, by URN. */
export function packedEntriesOf(item: Item | undefined): Map<string, string> {
  const packed = typeof item?.[ENTRIES_ATTRIBUTE] === 'string' ? item[ENTRIES_ATTRIBUTE] : '';
  const entries = new Map<string, string>();
  for (let start = 0; start < packed.length; start += ENTRY_LENGTH) {
    entries.set(packed.slice(start, start + ENTRY.easting), packed.slice(start, start + ENTRY_LENGTH));
  }
  return entries;
}

/** What school changes do to one grid square: the entries to set (URN to entry) or remove (URN to null). */
export interface GridSquareChange {
  square: GridSquare;
  entries: Map<string, string | null>;
}

/**
 * The grid squares school changes touch, each once, with their entries to set and remove (a moved school
 * leaves its old square); entries a change leaves as they were are not written. Changes apply in order.
 */
export function gridSquareChanges(changes: readonly { before: School | null; after: School }[]): GridSquareChange[] {
  const squares = new Map<string, GridSquareChange>();
  const change = (square: GridSquare, urn: string, entry: string | null) => {
    const found = squares.get(idOf(square)) ?? { square, entries: new Map<string, string | null>() };
    found.entries.set(urn, entry);
    squares.set(idOf(square), found);
  };
  for (const { before, after } of changes) {
    const old = before && gridSquareEntryOf(before);
    const wanted = gridSquareEntryOf(after);
    if (old && wanted && old.entry === wanted.entry) continue;
    if (old && (!wanted || idOf(old.square) !== idOf(wanted.square))) change(old.square, after.urn, null);
    if (wanted) change(wanted.square, after.urn, wanted.entry);
  }
  return [...squares.values()];
}

/**
 * Calls `found` with each school of a grid square's item (read by the square's key) that `accepts` takes by its
 * point: what search filters by, and the point. Reads the packed string in place; a school `accepts` refuses
 * costs no object.
 */
export function forEachPlaceEntry(
  square: GridSquare,
  item: Item,
  accepts: (point: GridPoint) => boolean,
  found: (school: SchoolSummary & GridPoint) => void,
): void {
  const packed = item[ENTRIES_ATTRIBUTE];
  if (typeof packed !== 'string') return;
  const east = square.column * SQUARE_METRES;
  const north = square.row * SQUARE_METRES;
  for (let at = 0; at < packed.length; at += ENTRY_LENGTH) {
    const point = {
      easting: east + digits(packed, at + ENTRY.easting, at + ENTRY.northing),
      northing: north + digits(packed, at + ENTRY.northing, at + ENTRY.laCode),
    };
    if (!accepts(point)) continue;
    found(
      Object.assign(point, {
        urn: packed.slice(at, at + ENTRY.easting),
        laCode: packed.slice(at + ENTRY.laCode, at + ENTRY.region),
        region: REGIONS.get(packed[at + ENTRY.region]!) as GorRegion,
        phase: PHASES.get(packed[at + ENTRY.phase]!) as Phase,
        ofstedRating: nullIfNone(RATINGS.get(packed[at + ENTRY.ofsted]!)),
        teaching: packed[at + ENTRY.teaching] === '1',
      }),
    );
  }
}

/** The number the decimal digits of `text` from `start` to `end` spell (no substring made). */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let at = start; at < end; at += 1) value = value * 10 + text.charCodeAt(at) - 48;
  return value;
}

function nullIfNone(rating: OfstedRating | 'NONE' | undefined): OfstedRating | null {
  return rating === undefined || rating === 'NONE' ? null : rating;
}

function inverse<Code extends string>(letters: Record<Code, string>): Map<string, Code> {
  return new Map(Object.entries(letters).map(([code, letter]) => [letter as string, code as Code]));
}

function idOf(square: GridSquare): string {
  return `${square.column}#${square.row}`;
}
