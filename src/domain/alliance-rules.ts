import type { Alliance, AllianceType, DeliveryArea, RestructuringReason } from './alliance.js';
import { DELIVERY_AREAS } from './alliance.js';
import { isTeachingSchool } from './designation.js';
import { RuleViolation } from './errors.js';
import { RuleCode } from './rule-code.js';
import { isSmall, isSpecial, type RegistrySettings, type School } from './school.js';
import type { Urn } from './urn.js';

/** The type NCTL's list implies: 1 lead SINGLE; 2 leads both small or special JOB_SHARE; otherwise MULTIPLE. */
export function typeForLeads(leads: readonly School[], settings: RegistrySettings): AllianceType {
  if (leads.length === 1) return 'SINGLE';
  if (leads.length === 2 && leads.every((lead) => isSmall(lead, settings) || isSpecial(lead))) return 'JOB_SHARE';
  return 'MULTIPLE';
}

/** Whether a number of leads fits a type. */
function leadCountProblem(type: AllianceType, count: number): RestructuringReason | null {
  if (count === 0) return 'NO_LEADS';
  if (type === 'SINGLE' && count > 1) return 'TOO_MANY_LEADS';
  if (type === 'JOB_SHARE' && count > 2) return 'TOO_MANY_LEADS';
  if ((type === 'JOB_SHARE' || type === 'MULTIPLE') && count < 2) return 'TOO_FEW_LEADS';
  return null;
}

/** What is wrong with an alliance's leads for its type (empty when nothing). Used to flag, never to delete. */
export function restructuringReasons(
  type: AllianceType,
  leads: readonly School[],
  settings: RegistrySettings,
): RestructuringReason[] {
  const reasons: RestructuringReason[] = [];
  const countProblem = leadCountProblem(type, leads.length);
  if (countProblem) reasons.push(countProblem);
  if (type === 'JOB_SHARE' && leads.some((lead) => !isSmall(lead, settings) && !isSpecial(lead)))
    reasons.push('LEAD_NOT_SMALL_OR_SPECIAL');
  return reasons;
}

/**
 * Checks that leads may lead an alliance of a type: the count fits the type, a job-share's leads are small
 * or special, every lead is a current teaching school, and none leads another alliance.
 */
export function checkLeads(
  type: AllianceType,
  leads: readonly School[],
  settings: RegistrySettings,
  allianceId: string | null,
  field: string[] = ['leads'],
): void {
  const countProblem = leadCountProblem(type, leads.length);
  if (countProblem) {
    const wanted = type === 'SINGLE' ? 'exactly 1 lead' : type === 'JOB_SHARE' ? 'exactly 2 leads' : '2 or more leads';
    throw new RuleViolation(
      RuleCode.LEAD_COUNT_DOES_NOT_FIT_TYPE,
      `A ${type} alliance has ${wanted}; this change would leave it with ${leads.length}`,
      field,
    );
  }
  const seen = new Set<string>();
  for (const lead of leads) {
    if (seen.has(lead.urn))
      throw new RuleViolation(RuleCode.DUPLICATE_LEAD, `School ${lead.urn} is named as a lead twice`, field);
    seen.add(lead.urn);
    if (!isTeachingSchool(lead)) {
      throw new RuleViolation(
        RuleCode.NOT_A_TEACHING_SCHOOL,
        `School ${lead.urn} is not a current teaching school, so it cannot lead an alliance`,
        field,
      );
    }
    if (lead.leadsAllianceId && lead.leadsAllianceId !== allianceId) {
      throw new RuleViolation(
        RuleCode.ALREADY_LEADS_AN_ALLIANCE,
        `School ${lead.urn} already leads another alliance (${lead.leadsAllianceId})`,
        field,
      );
    }
    if (type === 'JOB_SHARE' && !isSmall(lead, settings) && !isSpecial(lead)) {
      throw new RuleViolation(
        RuleCode.JOB_SHARE_LEAD_NOT_SMALL_OR_SPECIAL,
        `School ${lead.urn} is neither small (under ${settings.smallSchoolPupils} pupils) nor special, ` +
          'so it cannot share the lead of a JOB_SHARE alliance',
        field,
      );
    }
  }
}

/**
 * The accountable leads after a change of leads: areas whose lead left go to `reassignTo`, else stay unnamed;
 * with one lead left, that lead answers for every area. An accountable lead must be one of the leads.
 */
export function accountableLeadsAfter(
  current: Alliance['accountableLeads'],
  leads: readonly Urn[],
  reassignTo: Urn | null,
): Alliance['accountableLeads'] {
  if (reassignTo && !leads.includes(reassignTo)) {
    throw new RuleViolation(RuleCode.NOT_A_LEAD, `School ${reassignTo} is not a lead of this alliance`, [
      'reassignDeliveryAreasTo',
    ]);
  }
  return accountableLeadsFor(leads, () => {
    const next: Alliance['accountableLeads'] = {};
    for (const area of DELIVERY_AREAS) {
      const lead = current[area];
      if (lead && leads.includes(lead)) next[area] = lead;
      else if (lead && reassignTo) next[area] = reassignTo;
      else if (lead && leads.length > 1) {
        throw new RuleViolation(
          RuleCode.DELIVERY_AREA_UNASSIGNED,
          `School ${lead} is accountable for ${area}; name the lead who takes it over in reassignDeliveryAreasTo`,
          ['reassignDeliveryAreasTo'],
        );
      }
    }
    return next;
  });
}

/**
 * The rule of one lead: an alliance's single lead answers for every delivery area. With more leads (or none),
 * the areas `named` gives are accountable, and the rest unnamed.
 */
export function accountableLeadsFor(
  leads: readonly Urn[],
  named: () => Alliance['accountableLeads'],
): Alliance['accountableLeads'] {
  if (leads.length === 1) return Object.fromEntries(DELIVERY_AREAS.map((area) => [area, leads[0]]));
  return named();
}

/** Names the lead accountable for a delivery area; it must be one of the alliance's leads. */
export function assignDeliveryArea(alliance: Alliance, area: DeliveryArea, lead: Urn): Alliance {
  if (!alliance.leads.includes(lead)) {
    throw new RuleViolation(RuleCode.NOT_A_LEAD, `School ${lead} is not a lead of alliance ${alliance.name}`, ['urn']);
  }
  return { ...alliance, accountableLeads: { ...alliance.accountableLeads, [area]: lead } };
}
