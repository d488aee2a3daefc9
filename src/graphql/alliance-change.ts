import { isAllianceId, type Alliance } from '../domain/alliance.js';
import { RuleViolation } from '../domain/errors.js';
import { RuleCode } from '../domain/rule-code.js';
import { checkExpectedVersion } from '../domain/version.js';
import type { School } from '../domain/school.js';
import { parseUrn } from '../domain/urn.js';
import type { StoredAlliance } from '../store/alliance-item.js';
import { getAllianceForChange } from '../store/alliances.js';
import type { ChangeSet } from '../store/change-set.js';
import type { StoredSchool } from '../store/school-item.js';
import { getSchoolsByUrn } from '../store/schools.js';
import { authorizeChange } from './auth.js';
import type { RequestContext } from './context.js';
import { auditEvent } from './mutation.js';

/**
 * Reads an alliance to change it: ALLIANCE_NOT_FOUND (on `allianceId`) when none has the id, CONFLICT when it
 * is no longer at the version the caller read, FORBIDDEN when the caller may not change it.
 */
export async function allianceToChange(context: RequestContext, id: string, expectedVersion?: number | null): Promise<StoredAlliance> {
  const alliance = isAllianceId(id) ? await getAllianceForChange(context.store, id) : undefined;
  if (!alliance) throw new RuleViolation(RuleCode.ALLIANCE_NOT_FOUND, `No alliance has id ${JSON.stringify(id.slice(0, 80))}`, ['allianceId']);
  authorizeChange(context, alliance.leadPlaces.regions);
  checkExpectedVersion(`Alliance ${alliance.name}`, alliance.version, expectedVersion);
  return alliance;
}

/** Reads schools to change them (strongly consistent), in the order given; SCHOOL_NOT_FOUND names `field`. */
export async function schoolsToChange(context: RequestContext, urnInputs: readonly string[], field: string): Promise<StoredSchool[]> {
  const urns = urnInputs.map((urn) => parseUrn(urn, field));
  const schools = await getSchoolsByUrn(context.store, urns, { consistent: true });
  return schools.map((school, position) => {
    if (!school) throw new RuleViolation(RuleCode.SCHOOL_NOT_FOUND, `No school has URN ${urns[position]}`, [field]);
    return school;
  });
}

/** Stages an alliance's new state with its audit event. */
export function stageAlliance(
  changes: ChangeSet,
  context: RequestContext,
  action: string,
  before: StoredAlliance | null,
  after: Alliance,
  leads?: readonly School[],
): StoredAlliance {
  const stored = changes.putAlliance(before, after, leads);
  changes.audit(auditEvent(context, action, `ALLIANCE#${after.id}`, before, after));
  return stored;
}

/** Stages a school's change of lead claim (which alliance it leads), with its audit event. */
export function stageLeadClaim(changes: ChangeSet, context: RequestContext, action: string, school: StoredSchool, allianceId: string | null): void {
  authorizeChange(context, [school.region]);
  const after = { ...school, leadsAllianceId: allianceId };
  changes.putSchool(school, after);
  changes.audit(auditEvent(context, action, `SCHOOL#${school.urn}`, school, after));
}
