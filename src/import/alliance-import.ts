import { randomUUID } from 'node:crypto';
import { allianceNameKey, slugOf, type Alliance } from '../domain/alliance.js';
import { accountableLeadsFor, typeForLeads } from '../domain/alliance-rules.js';
import { isTeachingSchool } from '../domain/designation.js';
import { ConcurrentChange } from '../domain/errors.js';
import type { RegistrySettings, School } from '../domain/school.js';
import type { Urn } from '../domain/urn.js';
import { allianceIdByName } from '../store/alliances.js';
import { auditSubject } from '../domain/audit-event.js';
import { ChangeSet, importEvent, schoolPlaces } from '../store/change-set.js';
import { getSchoolsByUrn } from '../store/schools.js';
import type { Store } from '../store/store.js';

/** One alliance as NCTL lists it: its name, its teaching schools and the line each is on. */
export interface ListedAlliance {
  name: string;
  schools: { urn: Urn; line: number }[];
}

/** What importing the alliances did. */
export interface AllianceImportReport {
  read: number;
  created: number;
  unchanged: number;
  rejected: { line: number; reason: string }[];
}

const MAX_ATTEMPTS = 8;
const CONCURRENCY = 4;

/**
 * Turns each listed alliance into an alliance led by its listed teaching schools that the registry holds,
 * typed by `typeForLeads` (1 lead SINGLE; 2 small or special JOB_SHARE; otherwise MULTIPLE). An alliance
 * whose name the registry already holds is left as it is (its own history outranks the list); one none of
 * whose schools can lead is reported, not created. Each alliance is one transaction, with the audit events that
 * put it (ALLIANCE_CHANGED) and its leads' claims on the change feed.
 */
export async function importAlliances(
  store: Store,
  listed: readonly ListedAlliance[],
  settings: RegistrySettings,
): Promise<AllianceImportReport> {
  const report: AllianceImportReport = { read: listed.length, created: 0, unchanged: 0, rejected: [] };
  const queue = [...listed];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await importOne(store, next, settings, report);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  report.rejected.sort((left, right) => left.line - right.line);
  return report;
}

async function importOne(
  store: Store,
  listed: ListedAlliance,
  settings: RegistrySettings,
  report: AllianceImportReport,
): Promise<void> {
  const nameKey = allianceNameKey(listed.name);
  for (let attempt = 1; ; attempt += 1) {
    if (await allianceIdByName(store, nameKey)) {
      report.unchanged += 1;
      return;
    }
    const schools = await getSchoolsByUrn(
      store,
      listed.schools.map((school) => school.urn),
      { consistent: true },
    );
    const planned = planAlliance(listed, schools, settings);
    if ('reason' in planned) {
      report.rejected.push(planned);
      return;
    }
    const { alliance, leads } = planned;
    const at = new Date();
    const transaction = randomUUID();
    const changes = new ChangeSet(store, at);
    changes.claimAllianceName(nameKey, alliance.id);
    const { leadPlaces } = changes.putAlliance(null, alliance, leads);
    changes.audit(importEvent(at, transaction, auditSubject.alliance(alliance.id), null, alliance), leadPlaces);
    for (const lead of leads) {
      const after = { ...lead, leadsAllianceId: alliance.id };
      changes.putSchool(lead, after);
      changes.audit(importEvent(at, transaction, auditSubject.school(lead.urn), lead, after), schoolPlaces([lead]));
    }
    try {
      await changes.commit();
      report.created += 1;
      return;
    } catch (error) {
      if (!(error instanceof ConcurrentChange) || attempt >= MAX_ATTEMPTS) throw error;
      // Alliances of one local authority share its item; back off at random so concurrent workers interleave.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

/**
 * The alliance a listing makes, led by those of its schools (as read, in listed order) that are teaching schools
 * free to lead; or why it is not created. The transactional import and the fresh load both use it.
 */
export function planAlliance<S extends School>(
  listed: ListedAlliance,
  schools: readonly (S | null | undefined)[],
  settings: RegistrySettings,
): { alliance: Alliance; leads: S[] } | { line: number; reason: string } {
  const leads = schools.filter(
    (school): school is S => !!school && isTeachingSchool(school) && !school.leadsAllianceId,
  );
  if (leads.length === 0) {
    return {
      line: listed.schools[0]!.line,
      reason:
        `alliance ${JSON.stringify(listed.name)} is not created: none of its teaching schools ` +
        `(${listed.schools.map((school) => school.urn).join(', ')}) ` +
        'is in the registry as a teaching school free to lead it',
    };
  }
  const urns = leads.map((lead) => lead.urn);
  const alliance: Alliance = {
    id: slugOf(listed.name),
    name: listed.name,
    type: typeForLeads(leads, settings),
    leads: urns,
    accountableLeads: accountableLeadsFor(urns, () => ({})),
    deliverers: [],
    networkId: null,
    memberCounts: {},
    restructuringReasons: [],
  };
  return { alliance, leads };
}
