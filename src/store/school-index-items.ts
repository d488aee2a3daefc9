import { isTeachingSchool } from '../domain/designation.js';
import { nameKey, nameWords } from '../domain/name-words.js';
import type { School } from '../domain/school.js';
import type { SchoolSummary } from '../domain/search-filter.js';
import { type ItemKey as Key, keys } from './keys.js';

type Item = Record<string, unknown>;

/** Shortest word a search looks up (shorter words of a query are checked against each match's name). */
export const MIN_LOOKUP_WORD = 2;

/**
 * Items each name word is spread over, by local authority: "school" is in 20,000 names, so each of its items holds
 * some 1,000 entries (at most 90 KB, well under DynamoDB's 400 KB), while a word in a few names has a few items.
 */
export const NAME_WORD_SHARDS = 32;

/**
 * The name-word shard of a local authority's schools. Schools of LAs in different shards share no name-word item,
 * LAESTAB list or LA counts (only grid squares on LA borders), so an import's transactions run side by side, one
 * shard to a lane, without conflicting.
 */
export function nameWordShardOf(laCode: string): number {
  return Number(laCode) % NAME_WORD_SHARDS;
}

/** The attributes of a packed index item that are not entries. */
const ITEM_ATTRIBUTES = new Set(['pk', 'sk', 'type']);

/** Separates the fields of an entry's value (names, codes and enum values never hold it). */
const FIELD_SEPARATOR = '|';

/** One school's entry in a packed index item: the item, and the value kept there under the school's URN. */
interface IndexEntry {
  key: Key;
  type: string;
  value: string;
}

/**
 * Where a school is found by name and by LAESTAB: entries in packed index items, each an attribute named by the
 * school's URN whose value says what search filters by. One entry per distinct name word of 2 or more letters,
 * in that word's shard (`NAME_WORD#<first 2 letters>` / `<word>#<shard>`, with the name's words); one in its
 * local authority's LAESTAB list (`LAESTABS#<laCode>`, the LAESTAB). Places are found by grid squares
 * (grid-square-items.ts), packed more tightly.
 */
function schoolIndexEntries(school: School): IndexEntry[] {
  const summary = [
    school.laCode,
    school.region,
    school.phase,
    school.ofstedRating ?? '',
    isTeachingSchool(school) ? '1' : '',
  ].join(FIELD_SEPARATOR);
  const shard = nameWordShardOf(school.laCode);
  const words = new Set(nameWords(school.name).filter((word) => word.length >= MIN_LOOKUP_WORD));
  const entries: IndexEntry[] = [...words].map((word) => ({
    key: keys.nameWordShard(word, shard),
    type: 'NameWordShard',
    value: `${summary}${FIELD_SEPARATOR}${nameKey(school.name)}`,
  }));
  const laestab = laestabOf(school);
  if (laestab) entries.push({ key: keys.laestabs(school.laCode), type: 'LaestabList', value: laestab });
  return entries;
}

/** LA code and establishment number together (7 digits), as GIAS and DfE returns write them; null when unknown. */
export function laestabOf(school: Pick<School, 'laCode' | 'establishmentNumber'>): string | null {
  if (!school.establishmentNumber) return null;
  const laestab = `${school.laCode}${school.establishmentNumber.padStart(4, '0')}`;
  return /^\d{7}$/.test(laestab) ? laestab : null;
}

/** Whole packed index items for a set of schools (a fresh load): every school's entries, item by item. */
export function schoolIndexItems(schools: Iterable<School>): Item[] {
  const items = new Map<string, Item>();
  for (const school of schools) {
    for (const { key, type, value } of schoolIndexEntries(school)) {
      const id = idOf(key);
      const item = items.get(id) ?? { ...key, type };
      item[school.urn] = value;
      items.set(id, item);
    }
  }
  return [...items.values()];
}

/** What school changes do to one packed index item: entries to set (URN to value) and URNs to remove. */
export interface IndexItemUpdate {
  key: Key;
  type: string;
  set: Map<string, string>;
  remove: Set<string>;
}

/**
 * The packed index items school changes touch, each once (a transaction may take one action per item), with
 * the entries to set and to remove; entries a change leaves as they were are not written. Changes apply in order.
 */
export function indexItemUpdates(changes: readonly { before: School | null; after: School }[]): IndexItemUpdate[] {
  const updates = new Map<string, IndexItemUpdate>();
  const update = (key: Key, type: string) => {
    const id = idOf(key);
    const found = updates.get(id) ?? { key, type, set: new Map<string, string>(), remove: new Set<string>() };
    updates.set(id, found);
    return found;
  };
  for (const { before, after } of changes) {
    const old = new Map((before ? schoolIndexEntries(before) : []).map((entry) => [idOf(entry.key), entry]));
    const wanted = schoolIndexEntries(after);
    for (const entry of wanted) {
      if (old.get(idOf(entry.key))?.value === entry.value) continue;
      const target = update(entry.key, entry.type);
      target.remove.delete(after.urn);
      target.set.set(after.urn, entry.value);
    }
    const wantedIds = new Set(wanted.map((entry) => idOf(entry.key)));
    for (const [id, entry] of old) {
      if (wantedIds.has(id)) continue;
      const target = update(entry.key, entry.type);
      target.set.delete(after.urn);
      target.remove.add(after.urn);
    }
  }
  return [...updates.values()].filter((found) => found.set.size > 0 || found.remove.size > 0);
}

function idOf(key: Key): string {
  return `${key.pk}\u0000${key.sk}`;
}

/** The entries of a packed index item: each school's URN and value. */
export function entriesOf(item: Item): [urn: string, value: string][] {
  return Object.entries(item).flatMap(([name, value]) =>
    ITEM_ATTRIBUTES.has(name) || typeof value !== 'string' ? [] : [[name, value] as [string, string]],
  );
}

/** What a name-word entry says of its school: what search filters by, and the name's words. */
export function nameEntryOf(urn: string, value: string): SchoolSummary & { nameKey: string } {
  const [laCode, region, phase, ofstedRating, teaching, words] = value.split(FIELD_SEPARATOR);
  return { ...summaryOfFields(urn, laCode!, region!, phase!, ofstedRating!, teaching!), nameKey: words! };
}

function summaryOfFields(
  urn: string,
  laCode: string,
  region: string,
  phase: string,
  ofstedRating: string,
  teaching: string,
): SchoolSummary {
  return {
    urn,
    laCode,
    region: region as SchoolSummary['region'],
    phase: phase as SchoolSummary['phase'],
    ofstedRating: (ofstedRating || null) as SchoolSummary['ofstedRating'],
    teaching: teaching === '1',
  };
}
