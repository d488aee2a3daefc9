import { randomUUID } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Alliance, AllianceMembership } from '../domain/alliance.js';
import { auditSubject, type AuditEvent } from '../domain/audit-event.js';
import { changedFields } from '../domain/change.js';
import type { DesignationReview } from '../domain/review.js';
import { cellDeltas } from '../domain/coverage-cell.js';
import { ConcurrentChange, TransactionTooLarge } from '../domain/errors.js';
import type { Network } from '../domain/network.js';
import type { School } from '../domain/school.js';
import {
  lastLeadSpotsOf,
  leadPlacesOf,
  placeOfSpot,
  toAllianceItem,
  toMembershipItem,
  type StoredAlliance,
} from './alliance-item.js';
import { type ChangePlaces, toAuditItem } from './change-feed.js';
import { IDEMPOTENCY_TTL_SECONDS, type IdempotencyRecord } from './idempotency.js';
import { keys } from './keys.js';
import { toNetworkItem, type StoredNetwork } from './networks.js';
import { toReviewItem, type StoredReview } from './review-item.js';
import { toSchoolItem, type StoredSchool } from './school-item.js';
import { gridSquareChanges } from './grid-square-items.js';
import { gridSquareWrites } from './grid-square-writes.js';
import { indexItemUpdates } from './school-index-items.js';
import type { Store } from './store.js';
import { TIME_TO_LIVE_ATTRIBUTE } from './table-definition.js';

/** DynamoDB's limit on the actions of one TransactWriteItems request. */
export const MAX_TRANSACTION_ACTIONS = 100;

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** A school as it was read (null for a new one) and as it is to be. */
export interface SchoolChange {
  before: StoredSchool | null;
  after: School;
}

/**
 * Everything one change writes, committed as one TransactWriteItems: records written only if still at the
 * version read (or still absent), the coverage counts their school changes move, and audit events. Any
 * failed condition or conflicting transaction fails the whole set with ConcurrentChange and writes nothing;
 * the caller reads again and retries, so every condition here is one the read phase also checks.
 */
export class ChangeSet {
  private readonly items: TransactItem[] = [];
  private readonly schoolChanges: SchoolChange[] = [];
  private readonly allianceEntries = new Map<string, { add: Set<string>; remove: Set<string> }>();

  /**
   * @param at when the change is made: its records' `updatedAt`
   * @default the time the change set is made
   */
  public constructor(
    private readonly store: Store,
    private readonly at: Date = new Date(),
  ) {}

  /** Writes a school; answers it with its new version. */
  public putSchool(before: StoredSchool | null, after: School): StoredSchool {
    const stored = { ...after, version: (before?.version ?? 0) + 1, updatedAt: this.at.toISOString() };
    const item = toSchoolItem(after, stored.version, stored.updatedAt);
    this.items.push(this.versionedPut(item, before?.version ?? null));
    this.schoolChanges.push({ before, after });
    return stored;
  }

  /** Writes an alliance. Pass the lead schools when its leads change; otherwise their places are kept. */
  public putAlliance(
    before: StoredAlliance | null,
    after: Alliance,
    leads?: readonly Pick<School, 'region' | 'laCode'>[],
  ): StoredAlliance {
    const places = leads ? leadPlacesOf(leads) : (before?.leadPlaces ?? leadPlacesOf([]));
    const lastLeadSpots = lastLeadSpotsOf(places, before);
    const updatedAt = this.at.toISOString();
    const stored = { ...after, version: (before?.version ?? 0) + 1, leadPlaces: places, lastLeadSpots, updatedAt };
    const item = toAllianceItem(after, stored.version, updatedAt, places, lastLeadSpots);
    this.items.push(this.versionedPut(item, before?.version ?? null));
    this.moveAllianceEntries(after.id, before?.leadPlaces.spots ?? [], places.spots);
    return stored;
  }

  /** Keeps each local authority's set of alliances with a lead there in step with the alliance's leads. */
  private moveAllianceEntries(allianceId: string, beforeSpots: readonly string[], afterSpots: readonly string[]): void {
    const change = (spot: string, kind: 'add' | 'remove') => {
      const { laCode, region } = placeOfSpot(spot);
      const entries = this.allianceEntries.get(laCode) ?? { add: new Set<string>(), remove: new Set<string>() };
      const entry = `${region}#${allianceId}`;
      const opposite = kind === 'add' ? entries.remove : entries.add;
      if (opposite.has(entry)) opposite.delete(entry);
      else entries[kind].add(entry);
      this.allianceEntries.set(laCode, entries);
    };
    for (const spot of afterSpots) if (!beforeSpots.includes(spot)) change(spot, 'add');
    for (const spot of beforeSpots) if (!afterSpots.includes(spot)) change(spot, 'remove');
  }

  /** Writes a designation review, with its school's place for filters. */
  public putReview(
    before: StoredReview | null,
    after: DesignationReview,
    place: Pick<School, 'region' | 'laCode'>,
  ): StoredReview {
    const stored = { ...after, version: (before?.version ?? 0) + 1 };
    this.items.push(this.versionedPut(toReviewItem(after, stored.version, place), before?.version ?? null));
    return stored;
  }

  /** Claims a name for an alliance; fails if another alliance holds it. */
  public claimAllianceName(nameKey: string, allianceId: string): void {
    this.claimName(keys.allianceName(nameKey), 'AllianceName', 'allianceId', allianceId);
  }

  public releaseAllianceName(nameKey: string, allianceId: string): void {
    this.releaseName(keys.allianceName(nameKey), 'allianceId', allianceId);
  }

  /** Claims a name for a network; fails if another network holds it. */
  public claimNetworkName(nameKey: string, networkId: string): void {
    this.claimName(keys.networkName(nameKey), 'NetworkName', 'networkId', networkId);
  }

  public releaseNetworkName(nameKey: string, networkId: string): void {
    this.releaseName(keys.networkName(nameKey), 'networkId', networkId);
  }

  /** A name item (`Key`) held by one record: claimed unless another holds it, released only by its holder. */
  private claimName(Key: { pk: string; sk: string }, type: string, holder: string, id: string): void {
    this.items.push({
      Put: {
        TableName: this.store.tableName,
        Item: { ...Key, type, [holder]: id },
        ConditionExpression: 'attribute_not_exists(pk) OR #holder = :id',
        ExpressionAttributeNames: { '#holder': holder },
        ExpressionAttributeValues: { ':id': id },
      },
    });
  }

  private releaseName(Key: { pk: string; sk: string }, holder: string, id: string): void {
    this.items.push({
      Delete: {
        TableName: this.store.tableName,
        Key,
        ConditionExpression: '#holder = :id',
        ExpressionAttributeNames: { '#holder': holder },
        ExpressionAttributeValues: { ':id': id },
      },
    });
  }

  /** A school becomes a current member; fails if it already is one. */
  public addMembership(membership: AllianceMembership): void {
    this.items.push({
      Put: {
        TableName: this.store.tableName,
        Item: toMembershipItem(membership),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }

  /** Replaces a current membership (role change), only if it is still as read. */
  public replaceMembership(before: AllianceMembership, after: AllianceMembership): void {
    this.items.push({
      Put: {
        TableName: this.store.tableName,
        Item: toMembershipItem(after),
        ConditionExpression: '#role = :role AND joinedOn = :joined',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: { ':role': before.role, ':joined': before.joinedOn },
      },
    });
  }

  /** Ends a current membership: it moves to the alliance's former members, dated. */
  public endMembership(before: AllianceMembership, ended: AllianceMembership): void {
    this.items.push({
      Delete: {
        TableName: this.store.tableName,
        Key: keys.currentMember(before.allianceId, before.urn),
        ConditionExpression: '#role = :role AND joinedOn = :joined',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: { ':role': before.role, ':joined': before.joinedOn },
      },
    });
    this.items.push({
      Put: {
        TableName: this.store.tableName,
        Item: toMembershipItem(ended),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }

  /** Writes a teaching school network (new, or only if still at the version read); answers it with its new version. */
  public putNetwork(before: StoredNetwork | null, after: Network): StoredNetwork {
    const stored = { ...after, version: (before?.version ?? 0) + 1 };
    this.items.push(this.versionedPut(toNetworkItem(after, stored.version), before?.version ?? null));
    return stored;
  }

  /** Claims an idempotency key for the change; a second claim fails the transaction (the retry then reads it). */
  public claimIdempotencyKey(callerId: string, key: string, record: IdempotencyRecord, now: Date): void {
    this.items.push({
      Put: {
        TableName: this.store.tableName,
        Item: {
          ...keys.idempotency(callerId, key),
          type: 'IdempotencyKey',
          ...record,
          [TIME_TO_LIVE_ATTRIBUTE]: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }

  /** Records an audit event, which is also the change feed's entry (`places` are its subject's, for filters). */
  public audit(event: AuditEvent, places?: ChangePlaces): void {
    this.items.push({
      Put: {
        TableName: this.store.tableName,
        Item: toAuditItem(event, places),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }

  public async commit(): Promise<void> {
    const squares = await gridSquareWrites(this.store, gridSquareChanges(this.schoolChanges));
    const items = [...this.items, ...this.indexUpdates(), ...squares, ...this.authorityUpdates()];
    if (items.length === 0) return;
    if (items.length > MAX_TRANSACTION_ACTIONS) {
      throw new TransactionTooLarge(`A change of ${items.length} writes exceeds ${MAX_TRANSACTION_ACTIONS}`);
    }
    try {
      await this.store.doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        throw new ConcurrentChange('The records changed while this change was being made; read them again and retry', {
          cause: error,
        });
      }
      throw error;
    }
  }

  /**
   * One UpdateItem per packed search index item the school changes touch: SET the entries of schools found
   * there, REMOVE those of schools no longer there (a renamed or moved school leaves its old items).
   */
  private indexUpdates(): TransactItem[] {
    return indexItemUpdates(this.schoolChanges).map(({ key, type, set, remove }) => {
      const names: Record<string, string> = { '#type': 'type' };
      const values: Record<string, unknown> = { ':type': type };
      const sets = ['#type = :type'];
      for (const [urn, value] of set) {
        const i = sets.length;
        names[`#e${i}`] = urn;
        values[`:e${i}`] = value;
        sets.push(`#e${i} = :e${i}`);
      }
      const removes = [...remove].map((urn, i) => {
        names[`#r${i}`] = urn;
        return `#r${i}`;
      });
      return {
        Update: {
          TableName: this.store.tableName,
          Key: key,
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      };
    });
  }

  /**
   * One UpdateItem per local authority whose coverage moves: ADD for cell counts and for alliances gaining a
   * lead there, DELETE for alliances losing their last lead there (one item may take one action per transaction).
   */
  private authorityUpdates(): TransactItem[] {
    const counts = deltasByAuthority(this.schoolChanges);
    const codes = [...new Set([...counts.keys(), ...this.allianceEntries.keys()])].sort();
    const updates: TransactItem[] = [];
    for (const laCode of codes) {
      const moved = counts.get(laCode) ?? [];
      const entries = this.allianceEntries.get(laCode);
      const names: Record<string, string> = Object.fromEntries(moved.map(([key], i) => [`#c${i}`, key]));
      const values: Record<string, unknown> = Object.fromEntries(moved.map(([, delta], i) => [`:d${i}`, delta]));
      const adds = moved.map((_, i) => `#c${i} :d${i}`);
      const deletes: string[] = [];
      if (entries?.add.size) {
        adds.push('#alliances :addAlliances');
        values[':addAlliances'] = new Set(entries.add);
      }
      if (entries?.remove.size) {
        deletes.push('#alliances :removeAlliances');
        values[':removeAlliances'] = new Set(entries.remove);
      }
      if (adds.length === 0 && deletes.length === 0) continue;
      if (entries?.add.size || entries?.remove.size) names['#alliances'] = 'alliances';
      updates.push({
        Update: {
          TableName: this.store.tableName,
          Key: keys.localAuthority(laCode),
          UpdateExpression: [
            adds.length ? `ADD ${adds.join(', ')}` : '',
            deletes.length ? `DELETE ${deletes.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join(' '),
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      });
    }
    return updates;
  }

  private versionedPut(item: Record<string, unknown>, readVersion: number | null): TransactItem {
    return {
      Put: {
        TableName: this.store.tableName,
        Item: item,
        ConditionExpression: readVersion === null ? 'attribute_not_exists(pk)' : 'version = :version',
        ExpressionAttributeValues: readVersion === null ? undefined : { ':version': readVersion },
      },
    };
  }
}

/** Who an import's audit events name, and their action. */
export const IMPORT_ACTOR = { id: 'registry-import', role: 'system' } as const;
export const IMPORT_ACTION = 'importRegistryFiles';

/** The audit event of an import's change to one subject (`transaction` is the id its events share). */
export function importEvent(
  at: Date,
  transaction: string,
  subject: string,
  before: object | null,
  after: object,
): AuditEvent {
  return {
    subject,
    at: at.toISOString(),
    id: `${transaction}#${subject}`,
    actor: IMPORT_ACTOR,
    action: IMPORT_ACTION,
    ...changedFields(before, after),
  };
}

/**
 * Writes school changes, the coverage counts they move and each school's audit event (so the change feed
 * carries what an import changed) in one transaction (the importer's batches).
 */
export async function commitSchoolChanges(store: Store, changes: readonly SchoolChange[]): Promise<StoredSchool[]> {
  const at = new Date();
  const set = new ChangeSet(store, at);
  const transaction = randomUUID();
  const stored = changes.map(({ before, after }) => {
    set.audit(
      importEvent(at, transaction, auditSubject.school(after.urn), before, after),
      schoolPlaces([before, after]),
    );
    return set.putSchool(before, after);
  });
  await set.commit();
  return stored;
}

/** The places of a school before and after a change, for the change feed's filters. */
export function schoolPlaces(states: readonly (Pick<School, 'region' | 'laCode'> | null)[]): ChangePlaces {
  const known = states.filter((state) => state !== null);
  return {
    regions: [...new Set(known.map((state) => state.region))],
    laCodes: [...new Set(known.map((state) => state.laCode))],
  };
}

/**
 * How many transaction actions school changes need: schools, their audit events, the search index items and
 * grid squares whose entries change, and the local authorities whose counts move.
 */
export function actionCount(changes: readonly SchoolChange[]): number {
  const indexes = indexItemUpdates(changes).length + gridSquareChanges(changes).length;
  return changes.length * 2 + indexes + deltasByAuthority(changes).size;
}

/** Net count changes per local authority, leaving out authorities whose counts all cancel out. */
function deltasByAuthority(changes: readonly SchoolChange[]): Map<string, [string, number][]> {
  const byAuthority = new Map<string, Map<string, number>>();
  for (const { before, after } of changes) {
    for (const { laCode, key, delta } of cellDeltas(before, after)) {
      const counts = byAuthority.get(laCode) ?? new Map<string, number>();
      counts.set(key, (counts.get(key) ?? 0) + delta);
      byAuthority.set(laCode, counts);
    }
  }
  const moved = new Map<string, [string, number][]>();
  for (const [laCode, counts] of byAuthority) {
    const nonZero = [...counts].filter(([, delta]) => delta !== 0);
    if (nonZero.length > 0) moved.set(laCode, nonZero);
  }
  return moved;
}
