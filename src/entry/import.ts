import './quiet-sdk-node-warning.js';
import { parseArgs } from 'node:util';
import { RegistryError } from '../domain/errors.js';
import { describeImport, runImport } from '../import/run-import.js';
import { createStore, ensureTable } from '../store/store.js';

const usage = `Usage: npm run import -- [--establishments FILE] [--teaching-schools FILE] [--table NAME] \
[--endpoint URL] [--region REGION] [--create-table]

  --establishments FILE     a GIAS download (CSV, Windows-1252 or UTF-8, optionally .gz); columns by name
  --teaching-schools FILE   NCTL's teaching schools list (CSV, optionally .gz)
  --table NAME              table name (default: $TABLE_NAME, else "registry")
  --endpoint URL            DynamoDB endpoint, such as http://127.0.0.1:8000 for DynamoDB Local
                            (default: AWS, with the SDK's default credentials chain)
  --region REGION           AWS region (default: the SDK's default chain)
  --create-table            create the table first if it does not exist (DynamoDB Local)

Rows that cannot be taken are reported with their line and reason; the rest loads.
Importing the same files twice writes nothing the second time.`;

/** The command's options, parsed (throws on an unknown or malformed one). */
function parseOptions() {
  return parseArgs({
    options: {
      establishments: { type: 'string' },
      'teaching-schools': { type: 'string' },
      table: { type: 'string' },
      endpoint: { type: 'string' },
      region: { type: 'string' },
      'create-table': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
}

async function main(): Promise<number> {
  let values: ReturnType<typeof parseOptions>;
  try {
    values = parseOptions();
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (!values.establishments && !values['teaching-schools']) {
    console.error(`Give --establishments, --teaching-schools or both.\n\n${usage}`);
    return 2;
  }
  const store = createStore({
    tableName: values.table ?? process.env.TABLE_NAME ?? 'registry',
    endpoint: values.endpoint,
    region: values.region,
  });
  if (values['create-table']) await ensureTable(store);
  const started = Date.now();
  try {
    const run = await runImport(
      store,
      { establishments: values.establishments, teachingSchools: values['teaching-schools'] },
      { onProgress: progressPrinter() },
    );
    console.log(describeImport(run));
    console.log(`took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (error) {
    if (error instanceof RegistryError) {
      console.error(`import failed, nothing more was written: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function progressPrinter(): (done: number, total: number) => void {
  let lastPrinted = 0;
  return (done, total) => {
    if (done === total || Date.now() - lastPrinted > 2000) {
      lastPrinted = Date.now();
      process.stderr.write(`  ${done}/${total} rows\n`);
    }
  };
}

process.exitCode = await main();
