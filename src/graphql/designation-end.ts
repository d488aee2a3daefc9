import { dropDeDesignatedLead } from '../domain/alliance-changes.js';
import type { School } from '../domain/school.js';
import type { ChangeSet } from '../store/change-set.js';
import type { StoredSchool } from '../store/school-item.js';
import { allianceToChange, schoolsToChange, stageAlliance } from './alliance-change.js';
import type { RequestContext } from './context.js';
import { auditEvent } from './mutation.js';

/**
 * Stages a school's change of designation. When the designation ends and the school led an alliance, the
 * school leaves the leads and the alliance is flagged for restructuring, in the same transaction.
 */
export async function stageDesignationChange(changes: ChangeSet, context: RequestContext, action: string, before: StoredSchool, after: School): Promise<StoredSchool> {
  let next = after;
  if (after.designation?.status === 'DE_DESIGNATED' && before.leadsAllianceId) {
    const alliance = await allianceToChange(context, before.leadsAllianceId);
    const leads = await schoolsToChange(context, alliance.leads, 'urn');
    const remaining = leads.filter((lead) => lead.urn !== before.urn);
    stageAlliance(changes, context, action, alliance, dropDeDesignatedLead(alliance, leads, before.urn, context.settings), remaining);
    next = { ...after, leadsAllianceId: null };
  }
  const stored = changes.putSchool(before, next);
  changes.audit(auditEvent(context, action, `SCHOOL#${before.urn}`, before, next));
  return stored;
}
