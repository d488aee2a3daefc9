/**
 * Keeps a local JSON copy of the registry's teaching schools in step, as a partner's tool would: the first run
 * downloads them all; every run after follows the change feed from where the last one stopped.
 *
 *   REGISTRY_URL=http://localhost:4000 REGISTRY_TOKEN=$(npm run --silent token -- --role partner) \
 *     npx tsx examples/partner-sync/src/sync.ts teaching-schools.json
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { KeptSchoolFragment, TeachingSchoolsPageQuery } from './gql/graphql.js';
import { ChangesPage, TeachingSchoolsPage } from './operations.js';

/** The local copy: the teaching schools by URN, and where in the change feed it stands. */
export interface Copy {
  /** Where the feed was first read from (a little before the download began: replaying a change is harmless). */
  since: string;
  /** The last feed cursor read; null before the first page. */
  cursor: string | null;
  schools: Record<string, KeptSchoolFragment>;
}

/** How far before the download the feed is first read: more than the feed's settle window plus any clock skew. */
const OVERLAP_MS = 5 * 60 * 1000;

/** Sends one typed operation; throws on an HTTP or GraphQL error. */
async function request<Result, Variables>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  const response = await fetch(`${process.env.REGISTRY_URL ?? 'http://localhost:4000'}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.REGISTRY_TOKEN ?? ''}` },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: Result; errors?: { message: string }[] };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`Registry answered ${response.status}: ${body.errors?.map((error) => error.message).join('; ')}`);
  }
  return body.data;
}

/** Whether a school belongs in the copy (a teaching school: designated or under review). */
function isTeachingSchool(school: KeptSchoolFragment): boolean {
  return school.designation?.status === 'DESIGNATED' || school.designation?.status === 'UNDER_REVIEW';
}

/** Downloads every teaching school: the copy's starting point. */
export async function download(): Promise<Copy> {
  const since = new Date(Date.now() - OVERLAP_MS).toISOString();
  const schools: Copy['schools'] = {};
  let after: string | null = null;
  for (;;) {
    const page: TeachingSchoolsPageQuery = await request(TeachingSchoolsPage, { after });
    for (const { node } of page.teachingSchools.edges) schools[node.urn] = node;
    if (!page.teachingSchools.pageInfo.hasNextPage) break;
    after = page.teachingSchools.pageInfo.endCursor ?? null;
  }
  return { since, cursor: null, schools };
}

/** Follows the change feed to its end, applying each change to the copy; answers how many changes it read. */
export async function follow(copy: Copy): Promise<{ copy: Copy; changes: number }> {
  let changes = 0;
  for (;;) {
    const page = await request(ChangesPage, { since: copy.since, after: copy.cursor });
    for (const { cursor, node } of page.changes.edges) {
      changes += 1;
      // The registry was loaded again: download it, and go on from just after the load, not from before it.
      if (node.kind === 'REGISTRY_LOADED') return { copy: { ...(await download()), cursor }, changes };
      if (node.subject?.__typename !== 'School') continue;
      const { __typename, ...school } = node.subject;
      if (isTeachingSchool(school)) copy.schools[school.urn] = school;
      else delete copy.schools[school.urn];
    }
    copy.cursor = page.changes.pageInfo.endCursor ?? copy.cursor;
    if (!page.changes.pageInfo.hasNextPage) return { copy, changes };
  }
}

/** One run: download on the first, follow the feed on every other; the file is replaced only once all is read. */
export async function sync(file: string): Promise<Copy> {
  let copy: Copy;
  try {
    copy = JSON.parse(readFileSync(file, 'utf8')) as Copy;
  } catch {
    copy = await download();
  }
  const followed = await follow(copy);
  writeFileSync(`${file}.tmp`, JSON.stringify(followed.copy, null, 2));
  renameSync(`${file}.tmp`, file);
  const count = Object.keys(followed.copy.schools).length;
  console.log(`${file}: ${count} teaching schools, ${followed.changes} changes applied`);
  return followed.copy;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await sync(process.argv[2] ?? 'teaching-schools.json');
}
