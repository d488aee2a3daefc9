import { parseArgs } from 'node:util';
import { auditReach } from '../store/reach-audit.js';
import { createStore } from '../store/store.js';
import { runningServer } from './local-data.js';

const usage = `Usage: npm run reach:audit -- [--repair] [--table NAME] [--endpoint URL] [--region REGION]

Recomputes every open school's reach (its nearest teaching school and distance) from the schools, and
prints each school whose stored reach differs. Without --endpoint or --region it audits the table of the
npm start running in this checkout, else the AWS table named by --table or TABLE_NAME in the SDK's
default region. --repair rewrites what differs (unless reach changes during the audit: run again).
Exits 1 when differences remain.`;

try {
  const { values } = parseArgs({
    options: {
      repair: { type: 'boolean' },
      table: { type: 'string' },
      endpoint: { type: 'string' },
      region: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) console.log(usage);
  else {
    const local = values.endpoint || values.region ? undefined : runningServer();
    if (local) console.log(`auditing table "${local.table}" of the npm start running here (${local.endpoint})`);
    const store = createStore({
      tableName: values.table ?? local?.table ?? process.env.TABLE_NAME ?? 'registry',
      endpoint: values.endpoint ?? local?.endpoint,
      region: values.region,
    });
    const result = await auditReach(store, { repair: values.repair });
    console.log(`read ${result.schoolsRead} schools; ${result.differences.length} differ from their stored reach`);
    for (const difference of result.differences.slice(0, 50)) {
      console.log(
        `  ${difference.urn} (LA ${difference.laCode}): stored ${difference.stored}, actual ${difference.actual}`,
      );
    }
    if (result.differences.length > 50) console.log(`  ... and ${result.differences.length - 50} more`);
    if (result.stateDiffers) console.log("the projector's list of teaching schools or areas differs");
    if (values.repair) {
      console.log(
        `repaired ${result.repaired} local authorities` +
          (result.changedDuringAudit ? '; reach changed during the audit: run again' : ''),
      );
    }
    const clean = result.differences.length === 0 && !result.stateDiffers;
    if (!clean && (!values.repair || result.changedDuringAudit)) process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
