import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { SHIPPED_DATA } from '../../src/entry/shipped-data.js';

/** The shipped GIAS file's rows, read directly (not through the importer), to check answers against. */
export function shippedEstablishments(): Record<string, string>[] {
  const text = iconv.decode(gunzipSync(readFileSync(SHIPPED_DATA.establishments)), 'windows-1252');
  return parse(text, { columns: true, bom: true }) as Record<string, string>[];
}

/** Counts rows by the value a function picks. */
export function countBy<T>(rows: readonly T[], pick: (row: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[pick(row)] = (counts[pick(row)] ?? 0) + 1;
  return counts;
}

/** The shipped NCTL list's rows, read directly. */
export function shippedTeachingSchools(): Record<string, string>[] {
  return parse(gunzipSync(readFileSync(SHIPPED_DATA.teachingSchools)).toString('utf8'), {
    columns: true,
    bom: true,
  }) as Record<string, string>[];
}
