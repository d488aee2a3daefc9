import { countCells, isTeachingCell } from '../domain/coverage-cell.js';
import { listLocalAuthorities } from '../store/local-authorities.js';
import { tableIsEmpty } from '../store/load-marker.js';
import { loadFresh } from './fresh-load.js';
import type { Store } from '../store/store.js';
import { importEstablishments, importTeachingSchools, type ImportOptions, type ImportReport } from './importer.js';

export interface ImportFiles {
  /** A GIAS download (CSV, optionally gzipped). */
  establishments?: string;
  /** NCTL's teaching schools list (CSV, optionally gzipped). */
  teachingSchools?: string;
}

export interface ImportRun {
  reports: ImportReport[];
  /** What the registry holds afterwards. */
  totals: { schools: number; teachingSchools: number; localAuthorities: number };
}

/**
 * Imports establishments first (teaching schools must name schools the registry holds), then teaching schools.
 * An empty table takes the fresh load (fresh-load.ts); a table with data the transactional, idempotent import.
 */
export async function runImport(store: Store, files: ImportFiles, options: ImportOptions = {}): Promise<ImportRun> {
  const reports: ImportReport[] = [];
  if (options.fresh !== false && files.establishments && (await tableIsEmpty(store))) {
    reports.push(...(await loadFresh(store, files, options)));
  } else {
    if (files.establishments) reports.push(await importEstablishments(store, files.establishments, options));
    if (files.teachingSchools) reports.push(await importTeachingSchools(store, files.teachingSchools, options));
  }
  return { reports, totals: await registryTotals(store) };
}

/** What the registry holds, from the local authorities' counters (one Query). */
export async function registryTotals(store: Store): Promise<ImportRun['totals']> {
  const authorities = await listLocalAuthorities(store);
  const sum = (accept: Parameters<typeof countCells>[1]) =>
    authorities.reduce((total, la) => total + countCells(la.counts, accept), 0);
  return { schools: sum(() => true), teachingSchools: sum(isTeachingCell), localAuthorities: authorities.length };
}

/** The run as people read it: a line per file, every rejected row with its line and reason, then the totals. */
export function describeImport(run: ImportRun): string {
  const lines: string[] = [];
  for (const report of run.reports) {
    const authorities = report.localAuthoritiesWritten
      ? `, ${report.localAuthoritiesWritten} local authorities written`
      : '';
    const { file, read, written, unchanged, rejected } = report;
    lines.push(
      `${file}: ${read} rows read, ${written} written, ${unchanged} unchanged, ` +
        `${rejected.length} rejected${authorities}`,
    );
    for (const rejection of report.rejected) lines.push(`  rejected line ${rejection.line}: ${rejection.reason}`);
    if (report.alliances) {
      const alliances = report.alliances;
      const counts =
        `${alliances.created} created, ${alliances.unchanged} unchanged, ` + `${alliances.rejected.length} not created`;
      lines.push(`${report.file}: ${alliances.read} alliances listed, ${counts}`);
      for (const rejection of alliances.rejected)
        lines.push(`  alliance on line ${rejection.line}: ${rejection.reason}`);
    }
  }
  const { schools, teachingSchools, localAuthorities } = run.totals;
  lines.push(
    `registry: ${schools} schools, ${teachingSchools} teaching schools, ${localAuthorities} local authorities`,
  );
  return lines.join('\n');
}
