import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { identifyFromApiGateway } from '../../src/entry/api-gateway-identity.js';
import { callerFromClaims } from '../../src/graphql/auth.js';

function eventWith(jwt?: { claims: Record<string, string>; scopes?: string[] }): APIGatewayProxyEventV2 {
  return { requestContext: { authorizer: jwt ? { jwt } : undefined } } as unknown as APIGatewayProxyEventV2;
}

describe('callers from Cognito claims', () => {
  it('reads a TSC member and their regions from groups and custom:regions as API Gateway passes them', () => {
    const caller = identifyFromApiGateway(
      eventWith({
        claims: {
          sub: 'abc',
          email: 'tsc@example.org',
          'cognito:groups': '[tsc-staff]',
          'custom:regions': 'NORTH_WEST, London',
        },
      }),
    );

    expect(caller).toEqual({ id: 'tsc@example.org', role: 'tsc-staff', regions: ['NORTH_WEST', 'LONDON'] });
  });

  it('reads RSC regions by name, and a name both kinds share as both', () => {
    const claims = { sub: 'x', 'cognito:groups': ['tsc-staff'], 'custom:regions': 'North,West Midlands' };

    const caller = callerFromClaims(claims);

    expect(caller.regions).toEqual(['North', 'WEST_MIDLANDS', 'West Midlands']);
  });

  it('gives dfe-staff precedence when a user is in both groups', () => {
    expect(callerFromClaims({ sub: 'x', 'cognito:groups': ['tsc-staff', 'dfe-staff'] }).role).toBe('dfe-staff');
  });

  it('reads a partner app client from its client-credentials scope', () => {
    const caller = identifyFromApiGateway(
      eventWith({ claims: { client_id: 'partner-app', sub: 'partner-app' }, scopes: ['registry/read'] }),
    );

    expect(caller).toEqual({ id: 'partner-app', role: 'partner', regions: [] });
  });

  it.each([
    ['no authorizer claims', eventWith()],
    ['a token with no registry role', eventWith({ claims: { sub: 'someone', 'cognito:groups': '[admins]' } })],
    [
      'a TSC token naming an unknown region',
      eventWith({ claims: { sub: 'x', 'cognito:groups': '[tsc-staff]', 'custom:regions': 'Atlantis' } }),
    ],
  ])('refuses %s as unauthenticated', (_what, event) => {
    expect(() => identifyFromApiGateway(event)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    );
  });
});
