import { isTeachingSchool } from '../domain/designation.js';
import { stripOf } from '../domain/grid.js';
import { nameKey, nameWords } from '../domain/name-words.js';
import type { School } from '../domain/school.js';
import { sameData } from '../domain/same.js';
import type { SchoolSummary } from '../domain/search-filter.js';
import { keys } from './keys.js';

type Item = Record<string, unknown>;
type Key = { pk: string; sk: string };

/** Shortest word a search looks up (shorter words of a query are checked against each match's name). */
export const MIN_LOOKUP_WORD = 2;

/**
 * The items that find a school by name, by LAESTAB and by place, derived from the school alone: one per
 * distinct name word of 2 or more letters (`NAME_WORD#<first 2 letters>` / `<word>#<urn>`, carrying the
 * name's words), one for its LAESTAB (`LAESTAB#<laestab>` / `SCHOOL#<urn>`), and one in its 50 km strip of
 * the British National Grid when it has a location (`GRID#<strip>` / `<northing, 7 digits>#<urn>`, carrying
 * its grid point). Name and grid items carry what search filters by. Whoever writes a school writes these
 * with it, in the same transaction or batch.
 */
export function schoolIndexItems(school: School): Item[] {
  const words = new Set(nameWords(school.name).filter((word) => word.length >= MIN_LOOKUP_WORD));
  const filters = {
    urn: school.urn,
    nameKey: nameKey(school.name),
    laCode: school.laCode,
    region: school.region,
    phase: school.phase,
    ofstedRating: school.ofstedRating ?? undefined,
    teaching: isTeachingSchool(school),
  };
  const items: Item[] = [...words].map((word) => ({
    ...keys.nameWord(word, school.urn),
    type: 'NameWord',
    ...filters,
  }));
  const laestab = laestabOf(school);
  if (laestab) items.push({ ...keys.laestab(laestab, school.urn), type: 'Laestab', urn: school.urn });
  if (school.easting !== null && school.northing !== null) {
    const { nameKey: _nameKey, ...place } = filters;
    items.push({
      pk: keys.gridStrip(stripOf(school.easting)),
      sk: keys.gridOrder(school.northing, school.urn),
      type: 'GridPlace',
      ...place,
      easting: school.easting,
      northing: school.northing,
    });
  }
  return items;
}

/** LA code and establishment number together (7 digits), as GIAS and DfE returns write them; null when unknown. */
export function laestabOf(school: Pick<School, 'laCode' | 'establishmentNumber'>): string | null {
  if (!school.establishmentNumber) return null;
  const laestab = `${school.laCode}${school.establishmentNumber.padStart(4, '0')}`;
  return /^\d{7}$/.test(laestab) ? laestab : null;
}

/** What a school change does to its index items: items to put (new or changed) and keys to delete. */
export function indexItemChanges(before: School | null, after: School): { puts: Item[]; deletes: Key[] } {
  const old = new Map((before ? schoolIndexItems(before) : []).map((item) => [keyOf(item), item]));
  const wanted = schoolIndexItems(after);
  const wantedKeys = new Set(wanted.map(keyOf));
  return {
    puts: wanted.filter((item) => !sameData(old.get(keyOf(item)), item)),
    deletes: [...old.values()]
      .filter((item) => !wantedKeys.has(keyOf(item)))
      .map((item) => ({ pk: item.pk as string, sk: item.sk as string })),
  };
}

function keyOf(item: Item): string {
  return `${item.pk as string}\u0000${item.sk as string}`;
}

/** What a name-word or grid item says of its school for filters. */
export function summaryOfIndexItem(item: Item): SchoolSummary {
  return {
    urn: item.urn as string,
    laCode: item.laCode as string,
    region: item.region as SchoolSummary['region'],
    phase: item.phase as SchoolSummary['phase'],
    ofstedRating: (item.ofstedRating as SchoolSummary['ofstedRating'] | undefined) ?? null,
    teaching: item.teaching === true,
  };
}
