import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SchoolSummary } from '../domain/search-filter.js';
import { keys } from './keys.js';
import { MIN_LOOKUP_WORD, summaryOfIndexItem } from './school-index-items.js';
import type { Store } from './store.js';

type Item = Record<string, unknown>;

/** A school whose name has the looked-up word, with its name's words. */
export interface NameEntry extends SchoolSummary {
  nameKey: string;
}

/** Schools whose names have a word, and whether that is all of them (false when the word is in too many names). */
export interface NameLookup {
  entries: NameEntry[];
  complete: boolean;
}

/**
 * Schools with a name word equal to `word` (or starting with it, `asPrefix`): one Query, of at most 1 MB
 * (several thousand names). A word in more names than that answers the first of them, with `complete` false.
 */
export async function schoolsWithNameWord(store: Store, word: string, asPrefix: boolean): Promise<NameLookup> {
  if (word.length < MIN_LOOKUP_WORD) throw new RangeError(`a looked-up word has at least ${MIN_LOOKUP_WORD} letters`);
  const result = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :word)',
      ExpressionAttributeValues: { ':pk': keys.nameWordPartition(word), ':word': asPrefix ? word : `${word}#` },
      ProjectionExpression: 'urn, nameKey, laCode, #region, phase, ofstedRating, teaching',
      ExpressionAttributeNames: { '#region': 'region' },
    }),
  );
  const byUrn = new Map<string, NameEntry>();
  for (const item of result.Items ?? []) byUrn.set(item.urn as string, toEntry(item));
  return { entries: [...byUrn.values()], complete: result.LastEvaluatedKey === undefined };
}

/** URNs of the schools with a LAESTAB (LA code and establishment number, 7 digits): one Query. */
export async function schoolsWithLaestab(store: Store, laestab: string): Promise<string[]> {
  const result = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.laestabPartition(laestab) },
    }),
  );
  return (result.Items ?? []).map((item) => item.urn as string);
}

function toEntry(item: Item): NameEntry {
  return { ...summaryOfIndexItem(item), nameKey: item.nameKey as string };
}
