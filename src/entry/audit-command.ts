import './quiet-sdk-node-warning.js';
import { parseArgs } from 'node:util';
import { createStore, type Store } from '../store/store.js';
import { runningServer } from './local-data.js';

/** What an audit command was asked: the table to audit, and whether to repair it. */
export interface AuditCommand {
  store: Store;
  repair: boolean;
}

/**
 * The options every audit command takes (`--repair`, `--table`, `--endpoint`, `--region`, `--help`): without
 * `--endpoint` or `--region` the table of the `npm start` running in this checkout, else the AWS table named by
 * `--table` or TABLE_NAME in the SDK's default region. Prints `usage` and answers null for `--help`.
 */
export function auditCommand(usage: string): AuditCommand | null {
  const { values } = parseArgs({
    options: {
      repair: { type: 'boolean' },
      table: { type: 'string' },
      endpoint: { type: 'string' },
      region: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return null;
  }
  const local = values.endpoint || values.region ? undefined : runningServer();
  if (local) console.log(`auditing table "${local.table}" of the npm start running here (${local.endpoint})`);
  const store = createStore({
    tableName: values.table ?? local?.table ?? process.env.TABLE_NAME ?? 'registry',
    endpoint: values.endpoint ?? local?.endpoint,
    region: values.region,
  });
  return { store, repair: values.repair ?? false };
}
