import { GraphQLError } from 'graphql';
import { AccessDenied, ErrorCode } from '../domain/errors.js';
import { GOR_REGIONS, type GorRegion } from '../domain/region.js';
import { codeForName } from '../domain/vocabulary.js';
import type { Caller, RequestContext } from './context.js';

/** dfe-staff: read and write everything. tsc-staff: read everything, write in their regions. partner: read only. */
export type Role = 'dfe-staff' | 'tsc-staff' | 'partner';

/** The claim names Cognito puts in its tokens; local development tokens use the same. */
export const CLAIMS = {
  groups: 'cognito:groups',
  regions: 'custom:regions',
  scope: 'scope',
  clientId: 'client_id',
  subject: 'sub',
  email: 'email',
} as const;

/** The scope partner app clients are granted (Cognito resource server `registry`, scope `read`). */
export const PARTNER_SCOPE = 'registry/read';

/** No usable token: HTTP 401, and nothing runs. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

/**
 * Who a verified token's claims name. Staff come from Cognito groups (dfe-staff outranks tsc-staff);
 * machine clients with the partner scope are partners. A token that grants none of these is refused.
 */
export function callerFromClaims(claims: Readonly<Record<string, unknown>>): Caller {
  const groups = listClaim(claims[CLAIMS.groups]);
  const scopes = listClaim(claims[CLAIMS.scope]);
  const id = String(claims[CLAIMS.email] ?? claims[CLAIMS.subject] ?? claims[CLAIMS.clientId] ?? 'unknown');
  if (groups.includes('dfe-staff')) return { id, role: 'dfe-staff', regions: [] };
  if (groups.includes('tsc-staff')) return { id, role: 'tsc-staff', regions: regionsFrom(claims[CLAIMS.regions]) };
  if (scopes.includes(PARTNER_SCOPE)) return { id: String(claims[CLAIMS.clientId] ?? id), role: 'partner', regions: [] };
  throw unauthenticated('The token grants no role in the registry (no dfe-staff or tsc-staff group, no registry/read scope)');
}

/** Refuses partners any change, and tsc-staff a change touching a region outside theirs. */
export function authorizeChange(context: RequestContext, regions: readonly GorRegion[]): void {
  const { caller } = context;
  if (caller.role === 'dfe-staff') return;
  if (caller.role === 'partner') throw new AccessDenied('Partners have read-only access to the registry');
  const outside = regions.filter((region) => !caller.regions.includes(region));
  if (outside.length > 0) {
    const names = (list: readonly GorRegion[]) => list.map((region) => GOR_REGIONS[region]).join(', ');
    throw new AccessDenied(`Your TSC role covers ${names(caller.regions) || 'no region'}, not ${names(outside)}`);
  }
}

/** Refuses partners the registry's internal records (review notes, audit events). */
export function authorizeInternalRead(context: RequestContext, what: string): void {
  if (context.caller.role === 'partner') throw new AccessDenied(`Partners cannot read ${what}`);
}

function listClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  // API Gateway passes array claims as "[a b]"; Cognito scopes are space-separated.
  return value.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
}

/** The regions a tsc-staff token names: comma-separated codes or names ("NORTH_WEST,London"). */
function regionsFrom(value: unknown): GorRegion[] {
  const parts = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : [];
  try {
    return parts.map((part) => part.trim()).filter(Boolean).map((part) => codeForName(GOR_REGIONS, part, CLAIMS.regions));
  } catch (error) {
    throw unauthenticated(`The token's ${CLAIMS.regions} claim is not a list of GOR regions: ${(error as Error).message}`);
  }
}
