import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphqlHandler } from '../../src/entry/graphql-handler.js';
import { localIdentity, signDevToken } from '../../src/entry/local-identity.js';
import { startLocalServer } from '../../src/entry/local-server.js';
import { createGraphqlServer } from '../../src/graphql/server.js';
import { importEstablishments } from '../../src/import/importer.js';
import type { Store } from '../../src/store/store.js';
import { GIAS_HEADER, giasRow, writeCsv } from '../support/fixtures.js';
import { graphqlClient } from '../support/graphql.js';
import { emptyStore } from '../support/store.js';

process.env.CHANGE_FEED_SETTLE_SECONDS = '1';

const KEY = randomBytes(32);
const URNS = ['900001', '900002', '900003', '900004', '900005'];
const SYNC = join(import.meta.dirname, '../../examples/partner-sync/src/sync.ts');

let store: Store;
let staff: ReturnType<typeof graphqlClient>;
let url: string;
let close: () => void;
let partnerToken: string;

function giasFile(renamed: Record<string, string> = {}): string {
  return writeCsv(
    GIAS_HEADER,
    URNS.map((urn) => giasRow({ URN: urn, EstablishmentName: renamed[urn] ?? `School ${urn}` })),
  );
}

beforeAll(async () => {
  ({ store } = await emptyStore());
  staff = graphqlClient(store);
  await importEstablishments(store, giasFile());
  for (const urn of ['900001', '900002']) {
    await staff(
      `mutation { designateTeachingSchool(input: { urn: "${urn}", cohort:
        3, designatedOn: "2013-09-01" }) { userErrors { code } } }`,
    );
  }
  const handler = createGraphqlHandler({ server: createGraphqlServer(), store, identify: localIdentity(KEY) });
  const server = await startLocalServer({ handler, port: 0 });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
  partnerToken = await signDevToken(KEY, { role: 'partner', subject: 'partner-sync-example' });
});

afterAll(() => close());

/** Runs the example program, as a partner would, against the local server. */
async function runSync(file: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', SYNC, file], {
    env: { ...process.env, REGISTRY_URL: url, REGISTRY_TOKEN: partnerToken },
  });
  return stdout;
}

/** The registry's teaching schools now, with the fields the copy keeps. */
async function registryTeachingSchools(): Promise<Record<string, unknown>> {
  const response = await staff(`{ teachingSchools(first: 100) { edges { node {
    urn name localAuthority { code } designation { status cohort designatedOn } updatedAt } } } }`);
  return Object.fromEntries(response.data!.teachingSchools.edges.map(({ node }: any) => [node.urn, node]));
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 1300));

describe('examples/partner-sync', () => {
  it('keeps a copy equal to the registry after downloads, designations, reviews and an import', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'partner-sync-')), 'teaching-schools.json');
    await runSync(file);
    const first = JSON.parse(readFileSync(file, 'utf8'));

    await staff(
      `mutation { designateTeachingSchool(input: { urn: "900003", cohort:
        5, designatedOn: "2015-09-01" }) { userErrors { code } } }`,
    );
    const opened = await staff(
      `mutation { openDesignationReview(input: { urn: "900001", trigger:
        PEER_REVIEW, dueBy: "2030-01-01" }) { review { id } } }`,
    );
    const reviewId = opened.data!.openDesignationReview.review.id;
    await staff(
      `mutation { concludeDesignationReview(input: { reviewId:
        "${reviewId}", outcome: DE_DESIGNATED }) { userErrors { code } } }`,
    );
    await importEstablishments(store, giasFile({ '900002': 'Renamed Teaching School' }));
    await settle();
    const output = await runSync(file);
    const copy = JSON.parse(readFileSync(file, 'utf8'));

    expect(Object.keys(first.schools).sort()).toEqual(['900001', '900002']);
    expect(copy.schools).toEqual(await registryTeachingSchools());
    expect(Object.keys(copy.schools).sort()).toEqual(['900002', '900003']);
    expect(copy.schools['900002'].name).toBe('Renamed Teaching School');
    expect(output).toMatch(/2 teaching schools, \d+ changes applied/);
  });
});
