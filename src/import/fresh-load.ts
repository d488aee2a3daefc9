import { cellKey, cellOf } from '../domain/coverage-cell.js';
import type { LocalAuthority } from '../domain/local-authority.js';
import { sameData } from '../domain/same.js';
import { DEFAULT_SETTINGS, type School } from '../domain/school.js';
import { allianceNameKey, type Alliance } from '../domain/alliance.js';
import { lastLeadSpotsOf, leadPlacesOf, toAllianceItem, toAllianceNameItem } from '../store/alliance-item.js';
import { batchPut } from '../store/batch-write.js';
import { claimFreshLoad, completeFreshLoad } from '../store/load-marker.js';
import { toLocalAuthorityItem } from '../store/local-authority-item.js';
import { localAuthorityVersionItem } from '../store/local-authority-version.js';
import { toSchoolItem } from '../store/school-item.js';
import { gridSquareItems } from '../store/grid-square-items.js';
import { schoolIndexItems } from '../store/school-index-items.js';
import { reachItemsOf } from '../store/reach-items.js';
import { reachByArea } from '../domain/reach.js';
import type { Store } from '../store/store.js';
import { planAlliance } from './alliance-import.js';
import {
  readEstablishmentChanges,
  readTeachingSchoolChanges,
  reasonOf,
  sortReport,
  type ImportOptions,
  type ImportReport,
  type RowChange,
} from './importer.js';
import type { ImportFiles } from './run-import.js';

type Item = Record<string, unknown>;

/** The registry a fresh load built in memory, before anything is written. */
export interface LoadedRegistry {
  schools: ReadonlyMap<string, School>;
  alliances: readonly { alliance: Alliance; leads: readonly School[] }[];
  localAuthorities: readonly LocalAuthority[];
  /** When the files were read: the schools' and alliances' `updatedAt`. */
  loadedAt: string;
}

/**
 * Each kind of item the registry keeps, made from the registry in memory. Data the import writes with its
 * schools (a search index, reach distances, change events) plugs in here with a source of its own; the
 * local authorities' counters are not a source: they are written last, after every item here.
 */
export const ITEM_SOURCES: readonly ((registry: LoadedRegistry) => Iterable<Item>)[] = [
  function* schools(registry) {
    for (const school of registry.schools.values()) yield toSchoolItem(school, 1, registry.loadedAt);
  },
  function* searchIndexes(registry) {
    yield* schoolIndexItems(registry.schools.values());
    yield* gridSquareItems(registry.schools.values());
  },
  function* reach(registry) {
    yield* reachItemsOf(reachByArea(registry.schools.values()), registry.loadedAt);
  },
  function* alliances(registry) {
    for (const { alliance, leads } of registry.alliances) {
      const places = leadPlacesOf(leads);
      yield toAllianceItem(alliance, 1, registry.loadedAt, places, lastLeadSpotsOf(places, null));
      yield toAllianceNameItem(allianceNameKey(alliance.name), alliance.id);
    }
  },
];

/** A fresh load built in memory: the reports, and every item to write (counters apart, they go last). */
export interface PreparedLoad {
  reports: ImportReport[];
  items: Item[];
  counters: Item[];
}

/**
 * Loads files into a fresh, empty table, far faster than the transactional import: the registry is built in
 * memory with the same row rules (so the reports and figures are the same), its items are put with
 * BatchWriteItem in parallel, and the coverage counters are written once, at the end, from the rows in
 * memory. A load marker claims the table first and is marked COMPLETE last; `coverage:audit` reports a
 * table whose marker is still LOADING (an interrupted load: load it again into a new table).
 */
export async function loadFresh(
  store: Store,
  files: ImportFiles,
  options: ImportOptions = {},
): Promise<ImportReport[]> {
  return writePreparedLoad(store, await prepareFreshLoad(files, options), options);
}

/**
 * Reads and checks the files and builds every item in memory, without a table (npm start does this while Java
 * starts).
 */
export async function prepareFreshLoad(
  files: ImportFiles,
  options: Pick<ImportOptions, 'settings'> = {},
): Promise<PreparedLoad> {
  const reports: ImportReport[] = [];
  const schools = new Map<string, School>();
  const authorities = new Map<string, Omit<LocalAuthority, 'counts' | 'allianceEntries'>>();
  const alliances: LoadedRegistry['alliances'][number][] = [];

  if (files.establishments) {
    const read = await readEstablishmentChanges(files.establishments);
    for (const [code, authority] of read.authorities)
      authorities.set(code, { ...authority, rscRegion: authority.rscRegion ?? null });
    read.report.localAuthoritiesWritten = read.authorities.size;
    applyInMemory(schools, read.changes, read.report);
    reports.push(sortReport(read.report));
  }
  if (files.teachingSchools) {
    const read = await readTeachingSchoolChanges(files.teachingSchools);
    applyInMemory(schools, read.changes, read.report);
    const settings = options.settings ?? DEFAULT_SETTINGS;
    const report = {
      read: read.alliances.length,
      created: 0,
      unchanged: 0,
      rejected: [] as { line: number; reason: string }[],
    };
    for (const listed of read.alliances) {
      const planned = planAlliance(
        listed,
        listed.schools.map(({ urn }) => schools.get(urn)),
        settings,
      );
      if ('reason' in planned) {
        report.rejected.push(planned);
        continue;
      }
      const leads = planned.leads.map((lead) => ({ ...lead, leadsAllianceId: planned.alliance.id }));
      for (const lead of leads) schools.set(lead.urn, lead);
      alliances.push({ alliance: planned.alliance, leads });
      report.created += 1;
    }
    report.rejected.sort((left, right) => left.line - right.line);
    read.report.alliances = report;
    reports.push(sortReport(read.report));
  }

  const registry: LoadedRegistry = {
    schools,
    alliances,
    localAuthorities: countedAuthorities(authorities, schools, alliances),
    loadedAt: new Date().toISOString(),
  };
  return {
    reports,
    items: ITEM_SOURCES.flatMap((source) => [...source(registry)]),
    counters: [
      ...registry.localAuthorities.map(toLocalAuthorityItem),
      localAuthorityVersionItem(1, registry.localAuthorities),
    ],
  };
}

/** Claims the empty table, puts every item, then the counters, then marks the load COMPLETE. */
export async function writePreparedLoad(
  store: Store,
  load: PreparedLoad,
  options: Pick<ImportOptions, 'concurrency' | 'onProgress'> = {},
): Promise<ImportReport[]> {
  await claimFreshLoad(store, new Date());
  await batchPut(store, load.items, { concurrency: options.concurrency, onProgress: options.onProgress });
  await batchPut(store, load.counters, { concurrency: options.concurrency });
  await completeFreshLoad(store, load.items.length + load.counters.length, new Date());
  return load.reports;
}

/** Applies rows in file order as the transactional import would, counting written, unchanged and rejected. */
function applyInMemory(schools: Map<string, School>, changes: readonly RowChange[], report: ImportReport): void {
  for (const change of changes) {
    const before = schools.get(change.urn) ?? null;
    let after: School;
    try {
      after = change.apply(before);
    } catch (error) {
      report.rejected.push({ line: change.line, reason: reasonOf(error) });
      continue;
    }
    if (before && sameData(before, after)) report.unchanged += 1;
    else report.written += 1;
    schools.set(change.urn, after);
  }
}

/** Every local authority with its coverage counts and the alliances led from it, from the registry in memory. */
function countedAuthorities(
  details: ReadonlyMap<string, Omit<LocalAuthority, 'counts' | 'allianceEntries'>>,
  schools: ReadonlyMap<string, School>,
  alliances: LoadedRegistry['alliances'],
): LocalAuthority[] {
  const counts = new Map<string, Record<string, number>>();
  for (const school of schools.values()) {
    const cells = counts.get(school.laCode) ?? {};
    const key = cellKey(cellOf(school));
    cells[key] = (cells[key] ?? 0) + 1;
    counts.set(school.laCode, cells);
  }
  const entries = new Map<string, Set<string>>();
  for (const { alliance, leads } of alliances) {
    for (const lead of leads) {
      const set = entries.get(lead.laCode) ?? new Set<string>();
      set.add(`${lead.region}#${alliance.id}`);
      entries.set(lead.laCode, set);
    }
  }
  return [...details.values()].map((authority) => ({
    ...authority,
    counts: counts.get(authority.code) ?? {},
    allianceEntries: [...(entries.get(authority.code) ?? [])].sort(),
  }));
}
