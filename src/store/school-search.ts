import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SchoolSummary } from '../domain/search-filter.js';
import { keys } from './keys.js';
import { entriesOf, MIN_LOOKUP_WORD, nameEntryOf } from './school-index-items.js';
import type { Store } from './store.js';

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
 * Schools with a name word equal to `word` (or starting with it, `asPrefix`): one Query of the words' shards, of
 * at most 1 MB (some 10,000 names). A word in more names than that answers the first of them, with `complete` false.
 */
export async function schoolsWithNameWord(store: Store, word: string, asPrefix: boolean): Promise<NameLookup> {
  if (word.length < MIN_LOOKUP_WORD) throw new RangeError(`a looked-up word has at least ${MIN_LOOKUP_WORD} letters`);
  const result = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :word)',
      ExpressionAttributeValues: { ':pk': keys.nameWordPartition(word), ':word': asPrefix ? word : `${word}#` },
    }),
  );
  const byUrn = new Map<string, NameEntry>();
  for (const item of result.Items ?? []) {
    for (const [urn, value] of entriesOf(item)) if (!byUrn.has(urn)) byUrn.set(urn, nameEntryOf(urn, value));
  }
  return { entries: [...byUrn.values()], complete: result.LastEvaluatedKey === undefined };
}

/** URNs of the schools with a LAESTAB (LA code and establishment number, 7 digits): one GetItem of the LA's list. */
export async function schoolsWithLaestab(store: Store, laestab: string): Promise<string[]> {
  const result = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: keys.laestabs(laestab.slice(0, 3)) }),
  );
  return entriesOf(result.Item ?? {}).flatMap(([urn, value]) => (value === laestab ? [urn] : []));
}
