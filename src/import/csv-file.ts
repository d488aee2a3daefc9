import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { ImportFileError } from '../domain/errors.js';

export type Encoding = 'windows-1252' | 'utf-8';

/** One data row, by column name, with the line of the file it ends on. */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

export interface CsvFile {
  name: string;
  encoding: Encoding;
  columns: string[];
  rows: AsyncIterable<CsvRow>;
}

export interface OpenCsvOptions {
  /** The encoding the source normally uses (GIAS downloads: Windows-1252). A UTF-8 file is recognised either way. */
  defaultEncoding: Encoding;
  /** Columns without which no row can be read. */
  requiredColumns: readonly string[];
}

/**
 * Opens a CSV file (optionally gzipped) to read its rows by column name. Fails before any row is read when
 * the file is empty, binary or UTF-16, or lacks a required column, so a bad file changes nothing.
 */
export async function openCsv(path: string, options: OpenCsvOptions): Promise<CsvFile> {
  const name = basename(path);
  const gzipped = path.endsWith('.gz');
  const bytes = await readAll(path, gzipped, name);
  const encoding = detectEncoding(bytes, options.defaultEncoding, name);
  const rows = parseRows(bytes, encoding);
  const iterator = rows[Symbol.asyncIterator]();
  const header = await iterator.next();
  if (header.done) throw new ImportFileError(name, 'the file is empty: no header row');
  const columns = (header.value as { record: string[] }).record.map((column) => column.trim());
  const missing = options.requiredColumns.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    const quoted = (list: readonly string[]) => list.map((column) => `"${column}"`).join(', ');
    throw new ImportFileError(name, `missing required column(s) ${quoted(missing)}; found ${quoted(columns)}`);
  }
  return { name, encoding, columns, rows: records(iterator, columns, name) };
}

/**
 * The whole file's bytes (the importer holds every row before writing anyway): the encoding is told from all
 * of it, since a UTF-8 file's first non-ASCII character may come late.
 */
async function readAll(path: string, gzipped: boolean, name: string): Promise<Buffer> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (error) {
    throw new ImportFileError(name, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      cause: error,
    });
  }
  if (!gzipped) return raw;
  try {
    return gunzipSync(raw);
  } catch (error) {
    throw new ImportFileError(name, 'is named .gz but is not gzip data', { cause: error });
  }
}

function detectEncoding(bytes: Buffer, fallback: Encoding, name: string): Encoding {
  if (bytes.length === 0) throw new ImportFileError(name, 'the file is empty: no header row');
  if (bytes.includes(0)) {
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    throw new ImportFileError(
      name,
      utf16
        ? 'is UTF-16 encoded; save it as CSV in Windows-1252 (as GIAS downloads are) or UTF-8'
        : 'holds binary data (NUL bytes), not CSV text',
    );
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (!bytes.some((byte) => byte >= 0x80)) return fallback;
  return isUtf8(bytes) ? 'utf-8' : 'windows-1252';
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function parseRows(bytes: Buffer, encoding: Encoding): Readable {
  return Readable.from([bytes])
    .pipe(iconv.decodeStream(encoding))
    .pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: false }));
}

async function* records(iterator: AsyncIterator<unknown>, columns: string[], name: string): AsyncIterable<CsvRow> {
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const { record, info } = next.value as { record: string[]; info: { lines: number } };
      const values: Record<string, string> = {};
      columns.forEach((column, position) => {
        values[column] = record[position] ?? '';
      });
      yield { line: info.lines, values };
    }
  } catch (error) {
    throw new ImportFileError(name, `is not valid CSV: ${(error as Error).message}`, { cause: error });
  }
}
