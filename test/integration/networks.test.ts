import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { localIdentity, signDevToken, type DevTokenRequest } from '../../src/entry/local-identity.js';
import type { Store } from '../../src/store/store.js';
import { graphqlClient } from '../support/graphql.js';
import { emptyStore } from '../support/store.js';
import { seedSchools } from '../support/teaching-schools.js';

const LANCASHIRE = {
  'LA (code)': '888',
  'LA (name)': 'Lancashire',
  'GOR (name)': 'North West',
  'RSCRegion (name)': 'Lancashire & West Yorkshire',
};
const DFE: DevTokenRequest = { role: 'dfe-staff' };
const ZERO_WIDTH_SPACE = '\u200B';

const key = randomBytes(32);
let graphql: ReturnType<typeof graphqlClient>;
let store: Store;
/** Alliance ids: two led in the North West, one in London. */
let redRose: string;
let luneValley: string;
let thames: string;

async function as(request: DevTokenRequest, query: string, variables?: Record<string, unknown>) {
  const response = await graphql(query, variables, { authorization: `Bearer ${await signDevToken(key, request)}` });
  if (response.errors && response.errors[0]?.extensions?.code !== 'FORBIDDEN')
    throw new Error(JSON.stringify(response.errors));
  return response;
}

async function createAlliance(name: string, lead: string): Promise<string> {
  const response = await as(
    DFE,
    'mutation ($input: CreateAllianceInput!) { createAlliance(input: $input) { alliance { id } } }',
    {
      input: { name, type: 'SINGLE', leadUrns: [lead] },
    },
  );
  return response.data?.createAlliance.alliance.id;
}

async function join(allianceId: string, networkName: string) {
  const response = await as(
    DFE,
    `mutation ($input: JoinNetworkInput!) {
      joinNetwork(input: $input) { alliance { network { id name } } userErrors { code } }
    }`,
    { input: { allianceId, networkName } },
  );
  expect(response.data?.joinNetwork.userErrors).toEqual([]);
  return response.data?.joinNetwork.alliance.network as { id: string; name: string };
}

async function rename(request: DevTokenRequest, networkId: string, name: string) {
  const response = await as(
    request,
    `mutation ($input: RenameNetworkInput!) {
      renameNetwork(input: $input) { network { id name } userErrors { field code } }
    }`,
    { input: { networkId, name } },
  );
  return response.errors?.[0]?.extensions?.code ?? response.data?.renameNetwork;
}

async function network(id: string) {
  const response = await as(DFE, `{ network(id: "${id}") { id name alliances { totalCount } } }`);
  return response.data?.network;
}

/** An alliance's network as partners read it, through the alliance. */
async function networkOf(allianceId: string) {
  const response = await as(DFE, `{ alliance(id: "${allianceId}") { network { id name alliances { totalCount } } } }`);
  return response.data?.alliance.network;
}

beforeEach(async () => {
  ({ store } = await emptyStore());
  graphql = graphqlClient(store, { identify: localIdentity(key) });
  await seedSchools(store, [
    { urn: '920001', cells: LANCASHIRE },
    { urn: '920002', cells: LANCASHIRE },
    { urn: '920003' },
  ]);
  redRose = await createAlliance('Red Rose', '920001');
  luneValley = await createAlliance('Lune Valley', '920002');
  thames = await createAlliance('Thames', '920003');
});

describe('teaching school networks', () => {
  it('keeps a network and its name when an alliance joins with another spelling of the name', async () => {
    const first = await join(redRose, 'Northern Network');

    const second = await join(luneValley, `  NORTHERN   network${ZERO_WIDTH_SPACE} `);

    expect(second).toEqual(first);
    expect(await networkOf(redRose)).toEqual({ id: first.id, name: 'Northern Network', alliances: { totalCount: 2 } });
  });

  it('keeps networks with different all-Cyrillic names apart, and finds one by its name in another case', async () => {
    const north = await join(redRose, 'Северная сеть');
    const south = await join(luneValley, 'Южная сеть');

    const again = await join(thames, 'СЕВЕРНАЯ СЕТЬ');

    expect(south.id).not.toBe(north.id);
    expect(again).toEqual(north);
    expect(await networkOf(redRose)).toMatchObject({ name: 'Северная сеть', alliances: { totalCount: 2 } });
    expect(await networkOf(luneValley)).toMatchObject({ name: 'Южная сеть', alliances: { totalCount: 1 } });
  });

  it('makes one network when three alliances race to join a name no network has yet', async () => {
    const joined = await Promise.all([
      join(redRose, 'Race Network'),
      join(luneValley, 'race network'),
      join(thames, 'RACE NETWORK'),
    ]);

    expect(new Set(joined.map(({ id }) => id)).size).toBe(1);
    expect(await networkOf(thames)).toMatchObject({ alliances: { totalCount: 3 } });
  });

  it('renames a network with renameNetwork, keeping its id and alliances, and frees the old name', async () => {
    const northern = await join(redRose, 'Northern Network');
    await join(luneValley, 'Northern Network');

    const renamed = await rename(DFE, northern.id, 'Pennine Network');
    const newcomer = await join(thames, 'Northern Network');

    expect(renamed).toEqual({ network: { id: northern.id, name: 'Pennine Network' }, userErrors: [] });
    expect(await network(northern.id)).toEqual({
      id: northern.id,
      name: 'Pennine Network',
      alliances: { totalCount: 2 },
    });
    expect(newcomer.id).not.toBe(northern.id);
  });

  it('refuses a rename onto a name another network has, case and invisible characters aside', async () => {
    await join(redRose, 'Northern Network');
    const southern = await join(luneValley, 'Southern Network');

    const taken = await rename(DFE, southern.id, `northern NETWORK${ZERO_WIDTH_SPACE}`);

    expect(taken).toEqual({ network: null, userErrors: [{ field: ['name'], code: 'NETWORK_NAME_TAKEN' }] });
    expect(await network(southern.id)).toMatchObject({ name: 'Southern Network' });
  });

  it('audits every network change: joins, leaves and renames, with who made them', async () => {
    const northern = await join(redRose, 'Northern Network');
    await join(luneValley, 'Northern Network');
    await as(DFE, `mutation { leaveNetwork(input: { allianceId: "${redRose}" }) { userErrors { code } } }`);
    await rename(DFE, northern.id, 'Pennine Network');

    const trail = await as(
      DFE,
      `{ auditTrail(networkId: "${northern.id}") { edges { node { action actor { id role } before after } } } }`,
    );

    const events = trail.data?.auditTrail.edges.map(({ node }: { node: Record<string, unknown> }) => node);
    expect(events.map((event: { action: string }) => event.action)).toEqual([
      'joinNetwork',
      'joinNetwork',
      'leaveNetwork',
      'renameNetwork',
    ]);
    expect(
      events.every(
        (event: { actor: unknown }) =>
          JSON.stringify(event.actor) === '{"id":"dfe-staff@localhost","role":"dfe-staff"}',
      ),
    ).toBe(true);
    expect(events[2]).toMatchObject({
      before: { allianceIds: [redRose, luneValley] },
      after: { allianceIds: [luneValley] },
    });
    expect(events[3]).toMatchObject({ before: { name: 'Northern Network' }, after: { name: 'Pennine Network' } });
  });

  it('lets TSC staff rename a network only when they may change every alliance in it', async () => {
    const mixed = await join(redRose, 'Mixed Network');
    await join(thames, 'Mixed Network');

    const answers = [
      await rename({ role: 'tsc-staff', regions: ['North West'] }, mixed.id, 'Taken Over'),
      await rename({ role: 'tsc-staff', regions: ['London'] }, mixed.id, 'Taken Over'),
      await rename({ role: 'tsc-staff' }, mixed.id, 'Taken Over'),
    ];
    const both = await rename({ role: 'tsc-staff', regions: ['North West', 'London'] }, mixed.id, 'Shared Network');

    expect(answers).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(both).toMatchObject({ network: { name: 'Shared Network' }, userErrors: [] });
  });
});
