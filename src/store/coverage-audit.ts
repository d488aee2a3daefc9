import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { cellKey, cellOf } from '../domain/coverage-cell.js';
import { fromAllianceItem } from './alliance-item.js';
import { partitionItems } from './partition-items.js';
import { keys } from './keys.js';
import { listLocalAuthorities } from './local-authorities.js';
import { fromSchoolItem, type StoredSchool } from './school-item.js';
import type { Store } from './store.js';

/** One local authority whose kept coverage differs from what its source items say. */
export interface Drift {
  laCode: string;
  /** Cell counts kept and recomputed, for the cells that differ. */
  counts: { key: string; kept: number; actual: number }[];
  /** Alliance entries kept but not recomputed, and recomputed but not kept. */
  alliancesMissing: string[];
  alliancesExtra: string[];
}

export interface AuditResult {
  schoolsRead: number;
  alliancesRead: number;
  drift: Drift[];
  /** Local authorities repaired (with `repair`); those that changed during the audit are left for a rerun. */
  repaired: number;
  changedDuringAudit: string[];
}

/**
 * Recomputes every local authority's coverage counts and alliance entries from the schools and alliances
 * (read by Query over the `SCHOOLS` and `ALLIANCES` index partitions: an operator's command, not a request
 * path) and compares them with what is kept. `repair` rewrites a drifted authority only if it has not moved
 * since it was read, so a concurrent change is never overwritten.
 */
export async function auditCoverage(store: Store, options: { repair?: boolean } = {}): Promise<AuditResult> {
  const schools = new Map<string, StoredSchool>();
  for await (const item of partitionItems(store, keys.allSchools, { index: 'gsi1' })) {
    const school = fromSchoolItem(item);
    schools.set(school.urn, school);
  }
  const actualCounts = new Map<string, Map<string, number>>();
  for (const school of schools.values()) {
    const counts = actualCounts.get(school.laCode) ?? new Map<string, number>();
    const key = cellKey(cellOf(school));
    counts.set(key, (counts.get(key) ?? 0) + 1);
    actualCounts.set(school.laCode, counts);
  }
  const actualEntries = new Map<string, Set<string>>();
  let alliancesRead = 0;
  for await (const item of partitionItems(store, keys.allAlliances, { index: 'gsi1' })) {
    const alliance = fromAllianceItem(item);
    alliancesRead += 1;
    for (const urn of alliance.leads) {
      const lead = schools.get(urn);
      if (!lead) continue;
      const entries = actualEntries.get(lead.laCode) ?? new Set<string>();
      entries.add(`${lead.region}#${alliance.id}`);
      actualEntries.set(lead.laCode, entries);
    }
  }

  const result: AuditResult = {
    schoolsRead: schools.size,
    alliancesRead,
    drift: [],
    repaired: 0,
    changedDuringAudit: [],
  };
  for (const authority of await listLocalAuthorities(store)) {
    const actual = Object.fromEntries(actualCounts.get(authority.code) ?? []);
    const kept = Object.fromEntries(Object.entries(authority.counts).filter(([, count]) => count !== 0));
    const cells = [...new Set([...Object.keys(actual), ...Object.keys(kept)])].sort();
    const counts = cells
      .filter((key) => (kept[key] ?? 0) !== (actual[key] ?? 0))
      .map((key) => ({ key, kept: kept[key] ?? 0, actual: actual[key] ?? 0 }));
    const entries = [...(actualEntries.get(authority.code) ?? [])].sort();
    const alliancesMissing = entries.filter((entry) => !authority.allianceEntries.includes(entry));
    const alliancesExtra = authority.allianceEntries.filter((entry) => !entries.includes(entry));
    if (counts.length === 0 && alliancesMissing.length === 0 && alliancesExtra.length === 0) continue;
    const drift = { laCode: authority.code, counts, alliancesMissing, alliancesExtra };
    result.drift.push(drift);
    if (!options.repair) continue;
    if (await repair(store, drift, authority.allianceEntries, entries)) result.repaired += 1;
    else result.changedDuringAudit.push(authority.code);
  }
  return result;
}

async function repair(
  store: Store,
  drift: Drift,
  keptEntries: readonly string[],
  actualEntries: readonly string[],
): Promise<boolean> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const conditions: string[] = [];
  drift.counts.forEach(({ key, kept, actual }, i) => {
    names[`#c${i}`] = key;
    values[`:actual${i}`] = actual;
    sets.push(`#c${i} = :actual${i}`);
    if (kept === 0) conditions.push(`(attribute_not_exists(#c${i}) OR #c${i} = :zero)`);
    else {
      values[`:kept${i}`] = kept;
      conditions.push(`#c${i} = :kept${i}`);
    }
  });
  if (conditions.some((condition) => condition.includes(':zero'))) values[':zero'] = 0;
  if (drift.alliancesMissing.length > 0 || drift.alliancesExtra.length > 0) {
    names['#alliances'] = 'alliances';
    if (actualEntries.length > 0) {
      values[':entries'] = new Set(actualEntries);
      sets.push('#alliances = :entries');
    }
    if (keptEntries.length > 0) {
      values[':keptEntries'] = new Set(keptEntries);
      conditions.push('#alliances = :keptEntries');
    } else conditions.push('attribute_not_exists(#alliances)');
  }
  const remove =
    drift.alliancesMissing.length + drift.alliancesExtra.length > 0 && actualEntries.length === 0
      ? ' REMOVE #alliances'
      : '';
  try {
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.localAuthority(drift.laCode),
        UpdateExpression: `${sets.length ? `SET ${sets.join(', ')}` : ''}${remove}`.trim(),
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: Object.keys(values).length ? values : undefined,
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
