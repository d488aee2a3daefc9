import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { jwtVerify, SignJWT } from 'jose';
import { callerFromClaims, CLAIMS, PARTNER_SCOPE, unauthenticated, type Role } from '../graphql/auth.js';
import type { Caller } from '../graphql/context.js';

/** Issuer and audience of development tokens; the Lambda never accepts them (API Gateway verifies Cognito's). */
const ISSUER = 'teaching-school-registry-local';
const AUDIENCE = 'teaching-school-registry';

/** The longest lifetime a token may have, from `iat` (or now) to `exp`: Cognito's own maximum for access tokens. */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

/** Where the development signing key lives (made on first use, never committed). */
export const LOCAL_KEY_FILE = fileURLToPath(new URL('../../.local/dev-signing-key', import.meta.url));

/** The development signing key: 32 random bytes, kept in `.local/` so `npm run token` and `npm start` share it. */
export function localSigningKey(file = LOCAL_KEY_FILE): Uint8Array {
  try {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  } catch {
    const key = randomBytes(32);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, key.toString('base64url'), { mode: 0o600 });
    return key;
  }
}

export interface DevTokenRequest {
  role: Role;
  /** For tsc-staff: GOR region codes or names, or RSC region names. */
  regions?: readonly string[];
  /** Who the token names. @default "<role>@localhost" */
  subject?: string;
  /** @default "8h" */
  expiresIn?: string;
}

/** A token shaped like Cognito's (groups, regions, scope), signed with the development key. */
export function signDevToken(key: Uint8Array, request: DevTokenRequest): Promise<string> {
  const subject = request.subject ?? `${request.role}@localhost`;
  const claims: Record<string, unknown> =
    request.role === 'partner'
      ? { [CLAIMS.scope]: PARTNER_SCOPE, [CLAIMS.clientId]: subject }
      : {
          [CLAIMS.groups]: [request.role],
          [CLAIMS.email]: subject,
          ...(request.regions?.length ? { [CLAIMS.regions]: request.regions.join(',') } : {}),
        };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h')
    .sign(key);
}

/** Verified tokens kept, so a client that sends the same token again is not verified again (as API Gateway caches). */
const VERIFIED_TOKENS_KEPT = 1000;

/**
 * Verifies the bearer token of a local request, as API Gateway's JWT authorizer does in AWS. A token verified
 * before is answered from memory until it expires (at most VERIFIED_TOKENS_KEPT tokens, the oldest dropped first).
 */
export function localIdentity(key: Uint8Array): (event: APIGatewayProxyEventV2) => Promise<Caller> {
  const verified = new Map<string, { caller: Caller; expiresAtMs: number }>();
  return async (event) => {
    const header = event.headers.authorization ?? event.headers.Authorization;
    const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
    if (!token)
      throw unauthenticated(
        'Send a bearer token: Authorization: Bearer <token> (npm run token -- --role dfe-staff prints one)',
      );
    const known = verified.get(token);
    if (known && known.expiresAtMs > Date.now()) return known.caller;
    verified.delete(token);
    try {
      const algorithms = ['HS256'];
      const { payload } = await jwtVerify(token, key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms,
        requiredClaims: ['exp'],
      });
      const issuedAt = payload.iat ?? Math.floor(Date.now() / 1000);
      if (payload.exp! - issuedAt > MAX_TOKEN_LIFETIME_SECONDS) {
        throw unauthenticated('The bearer token lives longer than 24 hours; ask for a token that expires sooner');
      }
      const caller = callerFromClaims(payload);
      if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value!);
      verified.set(token, { caller, expiresAtMs: payload.exp! * 1000 });
      return caller;
    } catch (error) {
      if (error instanceof Error && 'extensions' in error) throw error;
      throw unauthenticated(`The bearer token is not valid: ${(error as Error).message}`);
    }
  };
}
