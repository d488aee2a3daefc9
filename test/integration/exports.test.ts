import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphqlHandler } from '../../src/entry/graphql-handler.js';
import { localIdentity, signDevToken } from '../../src/entry/local-identity.js';
import { ensureGraphiqlBuild, graphiqlPage } from '../../src/entry/graphiql-page.js';
import { startLocalServer } from '../../src/entry/local-server.js';
import { schemaSdl } from '../../src/graphql/schema-sdl.js';
import { createGraphqlServer } from '../../src/graphql/server.js';
import { shippedStore } from '../support/store.js';

const KEY = randomBytes(32);
const PARTNER_ORIGIN = 'https://partner.example';
let url: string;
let close: () => void;
let partnerToken: string;

beforeAll(async () => {
  await ensureGraphiqlBuild();
  const handler = createGraphqlHandler({
    server: createGraphqlServer(),
    store: shippedStore().store,
    identify: localIdentity(KEY),
    allowedOrigins: [PARTNER_ORIGIN],
  });
  const server = await startLocalServer({ handler, port: 0, graphiql: graphiqlPage });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
  partnerToken = await signDevToken(KEY, { role: 'partner', subject: 'partner-app' });
});

afterAll(() => close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, { headers: { authorization: `Bearer ${partnerToken}`, ...headers } });

function rowsOf(csv: string): string[] {
  return csv.split('\r\n').filter(Boolean);
}

describe('bulk downloads', () => {
  it('gives a partner teaching-schools.csv: 799 rows and a header, dated, UTF-8', async () => {
    const response = await get('/exports/teaching-schools.csv');
    const csv = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="teaching-schools-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(rowsOf(csv)).toHaveLength(800);
    expect(rowsOf(csv)[0]).toMatch(/^URN,LA \(code\),LA \(name\),EstablishmentNumber,EstablishmentName,/);
    expect(csv).toContain(
      '\r\n143221,810,Kingston upon Hull City of,4113,Kelvin Hall School,Academy converter,Open,Secondary,1368,' +
        'Outstanding,2015-02-04,Yorkshire and the Humber,506467,431058,DESIGNATED,',
    );
  });

  it('gives every school, one row per alliance school with its role, and one row per local authority', async () => {
    const schools = rowsOf(await (await get('/exports/schools.csv')).text());
    const alliances = rowsOf(await (await get('/exports/alliances.csv')).text());
    const coverage = rowsOf(await (await get('/exports/coverage.csv')).text());

    expect(schools.length).toBeGreaterThan(24_000);
    expect(alliances[0]).toBe(
      'AllianceId,AllianceName,AllianceType,NetworkId,URN,EstablishmentName,LA (code),Role,JoinedOn,AllianceUpdatedAt',
    );
    expect(alliances.filter((row) => row.includes(',LEAD,')).length).toBeGreaterThan(600);
    expect(coverage[0]).toMatch(/^LA \(code\),LA \(name\),GOR \(name\),RSCRegion \(name\),Schools,TeachingSchools,/);
    expect(coverage.length).toBeGreaterThan(150);
    expect(Buffer.byteLength(schools.join('\r\n'))).toBeLessThan(6 * 1024 * 1024);
  });

  it('sends the largest download gzipped to a client that accepts it, within the 6 MB Lambda limit', async () => {
    const plain = await get('/exports/schools.csv', { 'accept-encoding': 'identity' });
    const gzipped = await get('/exports/schools.csv', { 'accept-encoding': 'gzip' });
    const plainBytes = (await plain.arrayBuffer()).byteLength;
    const text = await gzipped.text();

    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(Number(gzipped.headers.get('content-length') ?? 0)).toBeLessThan(plainBytes / 3);
    expect(Buffer.byteLength(text)).toBe(plainBytes);
    expect(plainBytes).toBeLessThan(6 * 1024 * 1024);
  });

  it('refuses a download without a token, and names the downloads for an unknown one', async () => {
    const anonymous = await fetch(`${url}/exports/schools.csv`);
    const unknown = await get('/exports/nothing.csv');

    expect(anonymous.status).toBe(401);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('/exports/teaching-schools.csv');
  });
});

describe('the schema and the explorer', () => {
  it('serves schema.graphql to a signed-in caller, the same SDL npm run schema writes', async () => {
    const response = await get('/schema.graphql');

    expect(response.status).toBe(200);
    expect(await response.text()).toBe(schemaSdl());
    expect((await fetch(`${url}/schema.graphql`)).status).toBe(401);
  });

  it('serves GraphiQL to a browser at GET /graphql, with no script from another site', async () => {
    const response = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
  });
});

describe('CORS', () => {
  it('answers a preflight from an allowed origin and leaves other origins without CORS headers', async () => {
    const preflight = await fetch(`${url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: PARTNER_ORIGIN, 'access-control-request-method': 'POST' },
    });
    const other = await fetch(`${url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://elsewhere.example' },
    });

    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(PARTNER_ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('marks a GraphQL answer to an allowed origin readable by it', async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { origin: PARTNER_ORIGIN, 'content-type': 'application/json', authorization: `Bearer ${partnerToken}` },
      body: JSON.stringify({ query: '{ school(urn: "100000") { name } }' }),
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(PARTNER_ORIGIN);
  });
});
