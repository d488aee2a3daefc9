import { auditCoverage } from '../store/coverage-audit.js';
import { readLoadMarker } from '../store/load-marker.js';
import { auditCommand } from './audit-command.js';

const usage = `Usage: npm run coverage:audit -- [--repair] [--table NAME] [--endpoint URL] [--region REGION]

Recomputes every local authority's coverage counts and alliance entries from the schools and alliances,
and prints any drift from what is kept. Without --endpoint or --region it audits the table of the npm start
running in this checkout (it records its DynamoDB Local in .local/server.json), else the AWS table named by
--table or TABLE_NAME in the SDK's default region. A table whose fresh load did not finish is reported.
--repair rewrites drifted authorities (an authority that changes during the audit is left alone and reported:
run again). Exits 1 when drift remains.`;

try {
  const command = auditCommand(usage);
  if (command) {
    const { store, repair } = command;
    const marker = await readLoadMarker(store);
    if (marker?.state === 'LOADING') {
      console.log(
        `the fresh load that started ${marker.startedAt} did not finish: load the files again into a new table`,
      );
      process.exitCode = 1;
    }
    const result = await auditCoverage(store, { repair: repair });
    const { schoolsRead, alliancesRead, drift: drifted } = result;
    console.log(
      `read ${schoolsRead} schools and ${alliancesRead} alliances; ${drifted.length} local authorities drifted`,
    );
    for (const drift of result.drift) {
      for (const { key, kept, actual } of drift.counts)
        console.log(`  LA ${drift.laCode} ${key}: kept ${kept}, actual ${actual}`);
      for (const entry of drift.alliancesMissing) console.log(`  LA ${drift.laCode} alliance ${entry}: missing`);
      for (const entry of drift.alliancesExtra)
        console.log(`  LA ${drift.laCode} alliance ${entry}: kept but not led from here`);
    }
    if (repair) {
      const changed = result.changedDuringAudit.join(', ') || 'none';
      console.log(`repaired ${result.repaired}; changed during the audit (run again): ${changed}`);
    }
    if (result.drift.length > 0 && (!repair || result.changedDuringAudit.length > 0)) process.exitCode = 1;
  }
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exitCode = 2;
}
