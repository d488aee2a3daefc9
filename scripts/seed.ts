import '../src/entry/quiet-sdk-node-warning.js';
import { packShippedDatabase, SHIPPED_DATABASE } from '../src/entry/shipped-database.js';
import { withShippedLoad } from '../src/entry/shipped-load.js';

const TABLE = 'registry';

/**
 * `npm run seed`: loads the shipped files as `npm start -- --load` does and writes DynamoDB Local's data file,
 * compressed, as data/registry.dynamodb-local.db.br, which `npm start` copies instead of loading the files.
 * Run it after changing the shipped files or what a load writes (test/integration/shipped-database.test.ts says when).
 */
await withShippedLoad(TABLE, (directory, items) => packShippedDatabase(directory, TABLE, items));
console.log(`Wrote ${SHIPPED_DATABASE.file} and ${SHIPPED_DATABASE.about}`);
