import { ConcurrentChange, InvalidInput } from '../domain/errors.js';
import type { LocalAuthority } from '../domain/local-authority.js';
import type { GorRegion } from '../domain/region.js';
import { sameData } from '../domain/same.js';
import { DEFAULT_SETTINGS, type RegistrySettings, type School } from '../domain/school.js';
import { allianceNameKey } from '../domain/alliance.js';
import { importAlliances, type AllianceImportReport, type ListedAlliance } from './alliance-import.js';
import { readLocalAuthorityDetails } from '../store/local-authority-version.js';
import { saveLocalAuthorityDetails } from '../store/local-authority-writes.js';
import { actionCount, commitSchoolChanges, MAX_TRANSACTION_ACTIONS, type SchoolChange } from '../store/change-set.js';
import { nameWordShardOf } from '../store/school-index-items.js';
import { getSchoolsByUrn } from '../store/schools.js';
import type { Store } from '../store/store.js';
import { openCsv, type CsvRow } from './csv-file.js';
import { GIAS, GIAS_REQUIRED_COLUMNS, mergeEstablishment, readEstablishment, type Establishment } from './gias-row.js';
import { applyListing, NCTL_REQUIRED_COLUMNS, readListedTeachingSchool } from './nctl-row.js';

/** A row that was not taken, with its line in the file and why. */
export interface Rejection {
  line: number;
  reason: string;
}

/** What an import did with one file. */
export interface ImportReport {
  file: string;
  read: number;
  written: number;
  unchanged: number;
  rejected: Rejection[];
  /** Local authorities created or corrected (establishments only). */
  localAuthoritiesWritten: number;
  /** The alliances the teaching schools list names (teaching schools only). */
  alliances?: AllianceImportReport;
}

export interface ImportOptions {
  /** Called after each batch with rows done and rows to do. */
  onProgress?: (done: number, total: number) => void;
  /**
   * How many batches are written at once.
   * @default 4
   */
  concurrency?: number;
  /**
   * Registry settings (the small-school threshold types imported job-share alliances).
   * @default DEFAULT_SETTINGS
   */
  settings?: RegistrySettings;
  /**
   * Take the fresh load (fresh-load.ts) when the table is empty; false always takes the transactional import.
   * @default true
   */
  fresh?: boolean;
}

/** How a row changes the school it names; `existing` is null for a school the registry lacks. */
export type RowChange = { line: number; urn: string; lane: string; apply: (existing: School | null) => School };

const READ_BATCH = 100;
const DEFAULT_CONCURRENCY = 4;
/** Attempts at a batch: lanes collide on busy grid squares (London's hold schools of several LAs). */
const MAX_ATTEMPTS = 10;

/**
 * Loads a GIAS download (any subset of its columns, by name). The whole file is read and checked before
 * anything is written: a file-level fault changes nothing, and each bad row is reported with its line.
 */
export async function importEstablishments(
  store: Store,
  path: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { report, authorities, changes } = await readEstablishmentChanges(path);
  report.localAuthoritiesWritten = await saveAuthorities(store, authorities);
  await applyChanges(store, changes, report, options);
  return sortReport(report);
}

/** A GIAS download read and checked: its report so far, the local authorities it names, and its rows' changes. */
export async function readEstablishmentChanges(
  path: string,
): Promise<{ report: ImportReport; authorities: Map<string, Establishment['localAuthority']>; changes: RowChange[] }> {
  const file = await openCsv(path, { defaultEncoding: 'windows-1252', requiredColumns: GIAS_REQUIRED_COLUMNS });
  const columns = new Set(file.columns);
  const report = newReport(file.name);
  const rows: { line: number; establishment: Establishment }[] = [];
  await readRows(file.rows, report, (row) =>
    rows.push({ line: row.line, establishment: readEstablishment(row.values, columns) }),
  );

  const authorities = authoritiesFrom(rows, report);
  const rejectedLines = new Set(report.rejected.map((rejection) => rejection.line));
  const accepted = rows.filter((row) => !rejectedLines.has(row.line));
  const changes: RowChange[] = accepted.map(({ line, establishment }) => ({
    line,
    urn: establishment.fields.urn,
    lane: `names#${nameWordShardOf(establishment.fields.laCode)}`,
    apply: (existing) => mergeEstablishment(existing, establishment),
  }));
  return { report, authorities, changes };
}

/**
 * Loads NCTL's teaching schools list: each listed school the registry holds becomes a teaching school
 * (see applyListing); a URN the registry lacks is reported and skipped.
 */
export async function importTeachingSchools(
  store: Store,
  path: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { report, changes, alliances } = await readTeachingSchoolChanges(path);
  await applyChanges(store, changes, report, options);
  report.alliances = await importAlliances(store, alliances, options.settings ?? DEFAULT_SETTINGS);
  return sortReport(report);
}

/** NCTL's list read and checked: its report so far, its rows' changes and the alliances it names. */
export async function readTeachingSchoolChanges(
  path: string,
): Promise<{ report: ImportReport; changes: RowChange[]; alliances: ListedAlliance[] }> {
  const file = await openCsv(path, { defaultEncoding: 'utf-8', requiredColumns: NCTL_REQUIRED_COLUMNS });
  const report = newReport(file.name);
  const changes: RowChange[] = [];
  const alliances = new Map<string, ListedAlliance>();
  await readRows(file.rows, report, (row) => {
    const listed = readListedTeachingSchool(row.values);
    const alliance = alliances.get(allianceNameKey(listed.allianceName)) ?? { name: listed.allianceName, schools: [] };
    alliance.schools.push({ urn: listed.urn, line: row.line });
    alliances.set(allianceNameKey(listed.allianceName), alliance);
    changes.push({
      line: row.line,
      urn: listed.urn,
      lane: 'teaching-schools',
      apply: (existing) => {
        if (!existing) {
          throw new InvalidInput(
            'URN',
            `URN ${listed.urn} is not in the registry (import the GIAS establishments file that holds it first)`,
          );
        }
        return applyListing(existing, listed);
      },
    });
  });
  return { report, changes, alliances: [...alliances.values()] };
}

function newReport(file: string): ImportReport {
  return { file, read: 0, written: 0, unchanged: 0, rejected: [], localAuthoritiesWritten: 0 };
}

async function readRows(rows: AsyncIterable<CsvRow>, report: ImportReport, take: (row: CsvRow) => void): Promise<void> {
  const seen = new Map<string, number>();
  for await (const row of rows) {
    report.read += 1;
    const urn = (row.values[GIAS.urn] ?? '').trim();
    const earlier = seen.get(urn);
    if (urn && earlier !== undefined) {
      report.rejected.push({ line: row.line, reason: `URN ${urn} already appears on line ${earlier}` });
      continue;
    }
    try {
      take(row);
      seen.set(urn, row.line);
    } catch (error) {
      report.rejected.push({ line: row.line, reason: reasonOf(error) });
    }
  }
}

/**
 * One set of details per local authority. A row naming its LA differently from an earlier row is rejected.
 * An LA's region is the one most of its schools are in: GIAS places a few schools in a neighbouring region.
 */
function authoritiesFrom(
  rows: readonly { line: number; establishment: Establishment }[],
  report: ImportReport,
): Map<string, Establishment['localAuthority']> {
  const authorities = new Map<
    string,
    Establishment['localAuthority'] & { line: number; regions: Map<GorRegion, number> }
  >();
  for (const { line, establishment } of rows) {
    const authority = establishment.localAuthority;
    const first = authorities.get(authority.code);
    if (!first) {
      authorities.set(authority.code, { ...authority, line, regions: new Map([[authority.region, 1]]) });
    } else if (first.name !== authority.name) {
      report.rejected.push({
        line,
        reason:
          `${GIAS.laName} for ${GIAS.laCode} ${authority.code} is "${authority.name}" here ` +
          `but "${first.name}" on line ${first.line}`,
      });
    } else {
      first.regions.set(authority.region, (first.regions.get(authority.region) ?? 0) + 1);
    }
  }
  return new Map(
    [...authorities].map(([code, { line: _line, regions, ...authority }]) => [
      code,
      { ...authority, region: [...regions].sort((left, right) => right[1] - left[1])[0]![0] },
    ]),
  );
}

/**
 * Writes the authorities whose details differ from those the version item holds (which the authorities' items share:
 * saveLocalAuthorityDetails writes both). A table loaded before the version item held details gets them all here.
 */
async function saveAuthorities(store: Store, wanted: Map<string, Establishment['localAuthority']>): Promise<number> {
  const { authorities } = await readLocalAuthorityDetails(store);
  const existing = new Map<string, LocalAuthority>(authorities.map((la) => [la.code, la]));
  const changed = [...wanted.values()].filter((authority) => {
    const stored = existing.get(authority.code);
    const rscUnchanged = authority.rscRegion === undefined || authority.rscRegion === (stored?.rscRegion ?? null);
    return !(stored && stored.name === authority.name && stored.region === authority.region && rscUnchanged);
  });
  await saveLocalAuthorityDetails(store, ...changed);
  return changed.length;
}

/**
 * Applies changes in lanes that run side by side. GIAS rows share a lane by their LA's name-word shard, so concurrent
 * transactions seldom touch the same item (LA counts, name words, LAESTAB lists; grid squares only on LA borders);
 * NCTL rows, whose LA is not known before their school is read, share one lane. When transactions do collide, the
 * batch is read again.
 */
async function applyChanges(
  store: Store,
  changes: readonly RowChange[],
  report: ImportReport,
  options: ImportOptions,
): Promise<void> {
  const lanes = new Map<string, RowChange[]>();
  for (const change of changes) {
    const lane = lanes.get(change.lane) ?? [];
    lane.push(change);
    lanes.set(change.lane, lane);
  }
  const queue = [...lanes.values()];
  let done = 0;
  const worker = async () => {
    for (let lane = queue.shift(); lane; lane = queue.shift()) {
      for (let start = 0; start < lane.length; start += READ_BATCH) {
        const batch = lane.slice(start, start + READ_BATCH);
        await applyBatch(store, batch, report);
        done += batch.length;
        options.onProgress?.(done, changes.length);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? DEFAULT_CONCURRENCY }, worker));
}

/**
 * Reads a batch's schools, works out their new state and commits it; a concurrent writer (lanes share the grid
 * squares on LA borders) means read again and commit what is still to write: a school an earlier attempt wrote
 * reads back as it is to be, and stays counted as written.
 */
async function applyBatch(store: Store, batch: readonly RowChange[], report: ImportReport): Promise<void> {
  const written = new Set<string>();
  for (let attempt = 1; ; attempt += 1) {
    const existing = await getSchoolsByUrn(
      store,
      batch.map((change) => change.urn),
    );
    const pending: SchoolChange[] = [];
    const outcome = { unchanged: 0, rejected: [] as Rejection[] };
    batch.forEach((change, position) => {
      const before = existing[position] ?? null;
      let after: School;
      try {
        after = change.apply(before && withoutVersion(before));
      } catch (error) {
        outcome.rejected.push({ line: change.line, reason: reasonOf(error) });
        return;
      }
      if (!before || !sameData(withoutVersion(before), after)) pending.push({ before, after });
      else if (!written.has(change.urn)) outcome.unchanged += 1;
    });
    try {
      for (const transaction of transactions(pending)) {
        await commitSchoolChanges(store, transaction);
        for (const { after } of transaction) written.add(after.urn);
      }
    } catch (error) {
      if (!(error instanceof ConcurrentChange) || attempt >= MAX_ATTEMPTS) throw error;
      await backOff(attempt);
      continue;
    }
    report.written += written.size;
    report.unchanged += outcome.unchanged;
    report.rejected.push(...outcome.rejected);
    return;
  }
}

/** Waits a random time that grows with each attempt, so lanes that collided do not collide again at once. */
function backOff(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** Math.min(attempt, 6)));
}

/** Splits changes into transactions of at most MAX_TRANSACTION_ACTIONS actions (schools plus their LAs' counts). */
function* transactions(changes: readonly SchoolChange[]): Generator<SchoolChange[]> {
  let current: SchoolChange[] = [];
  for (const change of changes) {
    if (actionCount([...current, change]) > MAX_TRANSACTION_ACTIONS) {
      yield current;
      current = [];
    }
    current.push(change);
  }
  if (current.length > 0) yield current;
}

function withoutVersion(school: School & { version: number; updatedAt?: string }): School {
  const { version: _version, updatedAt: _updatedAt, ...rest } = school;
  return rest;
}

/** Why a row was not taken; a fault that is not about the row's input is thrown on. */
export function reasonOf(error: unknown): string {
  if (error instanceof InvalidInput) return error.message;
  throw error;
}

export function sortReport(report: ImportReport): ImportReport {
  report.rejected.sort((left, right) => left.line - right.line);
  return report;
}
