import { auditReach } from '../store/reach-audit.js';
import { auditCommand } from './audit-command.js';

const usage = `Usage: npm run reach:audit -- [--repair] [--table NAME] [--endpoint URL] [--region REGION]

Recomputes every open school's reach (its nearest teaching school and distance) from the schools, and
prints each school whose stored reach differs. Without --endpoint or --region it audits the table of the
npm start running in this checkout, else the AWS table named by --table or TABLE_NAME in the SDK's
default region. --repair rewrites what differs (unless reach changes during the audit: run again).
Exits 1 when differences remain.`;

try {
  const command = auditCommand(usage);
  if (command) {
    const { store, repair } = command;
    const result = await auditReach(store, { repair });
    console.log(`read ${result.schoolsRead} schools; ${result.differences.length} differ from their stored reach`);
    for (const difference of result.differences.slice(0, 50)) {
      console.log(
        `  ${difference.urn} (LA ${difference.laCode}): stored ${difference.stored}, actual ${difference.actual}`,
      );
    }
    if (result.differences.length > 50) console.log(`  ... and ${result.differences.length - 50} more`);
    if (result.stateDiffers) console.log("the projector's list of teaching schools or areas differs");
    if (repair) {
      console.log(
        `repaired ${result.repaired} local authorities` +
          (result.changedDuringAudit ? '; reach changed during the audit: run again' : ''),
      );
    }
    const clean = result.differences.length === 0 && !result.stateDiffers;
    if (!clean && (!repair || result.changedDuringAudit)) process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
