import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/entry/dynamodb-local.js';
import { localSigningKey, signDevToken } from '../../src/entry/local-identity.js';
import { auditCoverage } from '../../src/store/coverage-audit.js';
import { createStore } from '../../src/store/store.js';
import { waitFor } from '../support/wait-for.js';

const dataDirectory = mkdtempSync(join(tmpdir(), 'registry-start-test-'));
afterAll(() => rmSync(dataDirectory, { recursive: true, force: true }));

/** `npm start`'s script with its data in a scratch directory; answers once it prints its DynamoDB Local endpoint. */
function start(
  port: number,
  args: string[] = [],
): { child: ChildProcess; output: () => string; ready: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/entry/start.ts', ...args], {
    env: {
      ...process.env,
      PORT: String(port),
      REGISTRY_DATA_DIRECTORY: dataDirectory,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      const endpoint = /DynamoDB Local: (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (endpoint) resolve(endpoint);
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  return { child, output: () => output, ready };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
}

async function graphql(port: number, query: string): Promise<any> {
  const token = await signDevToken(localSigningKey(), { role: 'dfe-staff' });
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

describe('npm start', () => {
  it('refuses a busy port at once, before loading anything', async () => {
    const busy = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => busy.listen(port, '127.0.0.1', resolve));
    try {
      const started = Date.now();
      const { child, output, ready } = start(port);
      ready.catch(() => undefined);
      const code = await new Promise((resolve) => child.once('exit', resolve));

      expect(code).toBe(1);
      expect(output()).toContain(`Port ${port} is in use`);
      expect(output()).not.toContain('Loading');
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      busy.close();
    }
  });

  it('keeps the loaded registry and API changes across a restart, with no coverage or reach drift', async () => {
    const port = await freePort();
    const first = start(port, ['--fresh', '--load']);
    await first.ready;
    const designated = await graphql(
      port,
      `mutation { designateTeachingSchool(input: { urn: "100000", cohort:
        9, designatedOn: "2018-04-01" }) { userErrors { code } } }`,
    );
    await stop(first.child);

    const second = start(port);
    const endpoint = await second.ready;
    try {
      const answer = await graphql(
        port,
        '{ school(urn: "100000") { designation { status cohort } } nationalCoverage { schools teachingSchools } }',
      );
      const audit = await auditCoverage(createStore({ tableName: 'registry', endpoint }));
      // Designated as the first start began serving: its stream must already have held the change.
      const reach = await waitFor(
        () => graphql(port, '{ school(urn: "100000") { nearestTeachingSchool { distanceKm school { urn } } } }'),
        (found) => found.data?.school?.nearestTeachingSchool?.distanceKm === 0,
      );

      expect(designated.data).toEqual({ designateTeachingSchool: { userErrors: [] } });
      expect(first.output()).toContain('Loading the 2018 registry');
      expect(first.output()).toContain('registry: 24953 schools, 799 teaching schools');
      expect(second.output()).toContain('Starting DynamoDB Local over the data kept in');
      expect(second.output()).not.toContain('Loading the 2018 registry');
      expect(answer.data).toEqual({
        school: { designation: { status: 'DESIGNATED', cohort: 9 } },
        nationalCoverage: { schools: 24_953, teachingSchools: 800 },
      });
      expect(audit.drift).toEqual([]);
      expect(reach.value.data.school.nearestTeachingSchool).toEqual({ distanceKm: 0, school: { urn: '100000' } });
    } finally {
      await stop(second.child);
    }
  }, 600_000);

  it('copies the shipped registry, loaded already, on a first start: the same figures, no coverage drift', async () => {
    const port = await freePort();
    const first = start(port, ['--fresh']);
    const endpoint = await first.ready;
    try {
      const answer = await graphql(
        port,
        '{ school(urn: "100000") { name designation { status } } nationalCoverage { schools teachingSchools } }',
      );
      const audit = await auditCoverage(createStore({ tableName: 'registry', endpoint }));

      expect(first.output()).toContain('Copying the 2018 registry, loaded already');
      expect(first.output()).not.toContain('Loading the 2018 registry');
      expect(answer.data).toEqual({
        school: { name: 'The Aldgate School', designation: null },
        nationalCoverage: { schools: 24_953, teachingSchools: 799 },
      });
      expect(audit.drift).toEqual([]);
    } finally {
      await stop(first.child);
    }
  }, 120_000);
});
