import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devSignIn } from '../../src/entry/dev-sign-in.js';
import { localIdentity } from '../../src/entry/local-identity.js';
import { webAssets } from '../../src/entry/web-assets.js';

const key = randomBytes(32);
const dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
let server: Server;
let base: string;

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>workspace</title>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("app")');
  const routes = [devSignIn(key), webAssets(dist)];
  server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    for (const route of routes) if (await route(request, response, url)) return;
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => {
  server.close();
  rmSync(dist, { recursive: true, force: true });
});

/** The token and destination the sign-in page's script stores and goes to. */
async function signIn(query: string): Promise<{ status: number; token?: string; next?: string; body: string }> {
  const response = await fetch(`${base}/dev/sign-in?${query}`);
  const body = await response.text();
  const script = /setItem\("registry\.devToken", "([^"]+)"\); location\.replace\("([^"]*)"\)/.exec(body);
  return { status: response.status, token: script?.[1], next: script?.[2], body };
}

describe('the development sign-in', () => {
  it('signs in a TSC member with their regions and goes on to the page asked for', async () => {
    const { token, next } = await signIn('role=tsc-staff&region=North+West&region=LONDON&next=/gaps');

    const caller = await localIdentity(key)({
      headers: { authorization: `Bearer ${token}` },
    } as unknown as APIGatewayProxyEventV2);
    expect(caller).toMatchObject({ role: 'tsc-staff', regions: ['NORTH_WEST', 'LONDON'] });
    expect(next).toBe('/gaps');
  });

  it('never sends the browser to another site after signing in', async () => {
    const { next } = await signIn(`role=partner&next=${encodeURIComponent('//evil.example/')}`);

    expect(next).toBe('/');
  });

  it('refuses a TSC sign-in with no region, and an unknown role, showing the choice again', async () => {
    const noRegion = await signIn('role=tsc-staff');
    const unknownRole = await signIn('role=admin');

    expect(noRegion.status).toBe(400);
    expect(noRegion.body).toContain('names the region(s)');
    expect(unknownRole.status).toBe(400);
    expect(unknownRole.token).toBeUndefined();
  });
});

describe('the built workspace on the local server', () => {
  it("answers the app's page for every browser route, and files as themselves, gzipped when asked", async () => {
    const page = await fetch(`${base}/local-authorities/921`);
    const script = await fetch(`${base}/assets/app.js`, { headers: { 'accept-encoding': 'gzip' } });

    expect(await page.text()).toContain('<title>workspace</title>');
    expect(script.headers.get('content-encoding')).toBe('gzip');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toBe('console.log("app")');
  });

  it('tells the app to use the development sign-in, and never serves a file outside the build', async () => {
    const config = await fetch(`${base}/config.json`);
    const outside = await fetch(`${base}/assets/..%2f..%2fpackage.json`);

    expect(await config.json()).toEqual({ auth: 'dev' });
    expect(await outside.text()).toContain('<title>workspace</title>');
  });
});
