import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localIdentity, signDevToken } from '../../src/entry/local-identity.js';

const key = randomBytes(32);

function bearing(token: string): APIGatewayProxyEventV2 {
  return { headers: { authorization: `Bearer ${token}` } } as unknown as APIGatewayProxyEventV2;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('development tokens verified once and kept', () => {
  it('refuses a token once it has expired, though it was accepted and kept before', async () => {
    const identify = localIdentity(key);
    const token = await signDevToken(key, { role: 'dfe-staff', expiresIn: '2m' });
    await expect(identify(bearing(token))).resolves.toMatchObject({ role: 'dfe-staff' });

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3 * 60_000);

    await expect(identify(bearing(token))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringContaining('"exp" claim timestamp check failed'),
    });
  });

  it('refuses a kept token whose signature was changed, and one signed with another key', async () => {
    const identify = localIdentity(key);
    const token = await signDevToken(key, { role: 'dfe-staff' });
    await identify(bearing(token));
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
    const otherKey = await signDevToken(randomBytes(32), { role: 'dfe-staff' });

    await expect(identify(bearing(forged))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(identify(bearing(otherKey))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(identify(bearing(token))).resolves.toMatchObject({ role: 'dfe-staff' });
  });
});
