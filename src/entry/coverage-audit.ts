import { parseArgs } from 'node:util';
import { auditCoverage } from '../store/coverage-audit.js';
import { createStore } from '../store/store.js';

const usage = `Usage: npm run coverage:audit -- [--repair] [--table NAME] [--endpoint URL] [--region REGION]

Recomputes every local authority's coverage counts and alliance entries from the schools and alliances,
and prints any drift from what is kept. --repair rewrites drifted authorities (an authority that changes
during the audit is left alone and reported: run again). Exits 1 when drift remains.`;

try {
  const { values } = parseArgs({
    options: { repair: { type: 'boolean' }, table: { type: 'string' }, endpoint: { type: 'string' }, region: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(usage);
  } else {
    const store = createStore({ tableName: values.table ?? process.env.TABLE_NAME ?? 'registry', endpoint: values.endpoint, region: values.region });
    const result = await auditCoverage(store, { repair: values.repair });
    const { schoolsRead, alliancesRead, drift: drifted } = result;
    console.log(`read ${schoolsRead} schools and ${alliancesRead} alliances; ${drifted.length} local authorities drifted`);
    for (const drift of result.drift) {
      for (const { key, kept, actual } of drift.counts) console.log(`  LA ${drift.laCode} ${key}: kept ${kept}, actual ${actual}`);
      for (const entry of drift.alliancesMissing) console.log(`  LA ${drift.laCode} alliance ${entry}: missing`);
      for (const entry of drift.alliancesExtra) console.log(`  LA ${drift.laCode} alliance ${entry}: kept but not led from here`);
    }
    if (values.repair) {
      const changed = result.changedDuringAudit.join(', ') || 'none';
      console.log(`repaired ${result.repaired}; changed during the audit (run again): ${changed}`);
    }
    process.exitCode = result.drift.length > 0 && (!values.repair || result.changedDuringAudit.length > 0) ? 1 : 0;
  }
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exitCode = 2;
}
