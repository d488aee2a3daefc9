import { GraphQLError } from 'graphql';
import { AccessDenied, ErrorCode } from '../domain/errors.js';
import { GOR_REGIONS, type GorRegion } from '../domain/region.js';
import { inRegions, regionNames, regionsNamed, type ScopeRegion } from '../domain/region-scope.js';
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
  if (scopes.includes(PARTNER_SCOPE))
    return { id: String(claims[CLAIMS.clientId] ?? id), role: 'partner', regions: [] };
  throw unauthenticated(
    'The token grants no role in the registry (no dfe-staff or tsc-staff group, no registry/read scope)',
  );
}

/** A place a change touches: a school's, or one of an alliance's (where its leads are, or last were). */
export interface ChangePlace {
  region: GorRegion;
  laCode: string;
}

/**
 * The region rule, enforced here only (every read for a change calls it). dfe-staff may change anything and
 * partners nothing. tsc-staff may change only what lies in their regions: each place given must have its GOR
 * region, or its local authority's RSC region, among the token's. So a tsc-staff token with no regions changes
 * nothing, nor does one whose change has no known place (an alliance that never had a lead).
 */
export async function authorizeChange(
  context: RequestContext,
  places: readonly ChangePlace[],
  what: string,
): Promise<void> {
  const { caller } = context;
  if (caller.role === 'dfe-staff') return;
  if (caller.role === 'partner') throw new AccessDenied('Partners have read-only access to the registry');
  const covers = regionNames(caller.regions) || 'no region';
  if (places.length === 0) {
    throw new AccessDenied(`Your TSC role covers ${covers}; ${what} is in no region, so DfE staff change it`);
  }
  // A place outside the caller's GOR regions may still be in one of their RSC regions: its local authority's.
  const rscRegionOf = async ({ region, laCode }: ChangePlace) => {
    if (caller.regions.includes(region)) return null;
    return (await context.loaders.localAuthorityByCode.load(laCode))?.rscRegion ?? null;
  };
  const rscRegions = await Promise.all(places.map(rscRegionOf));
  const outside = places.filter(
    (place, at) => !inRegions(caller.regions, { region: place.region, rscRegion: rscRegions[at] ?? null }),
  );
  if (outside.length > 0) {
    const names = [...new Set(outside.map((place) => GOR_REGIONS[place.region]))].join(', ');
    throw new AccessDenied(`Your TSC role covers ${covers}, not ${names} (${what})`);
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
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

/** The regions a tsc-staff token names: comma-separated GOR codes or names and RSC names ("NORTH_WEST,North"). */
function regionsFrom(value: unknown): ScopeRegion[] {
  const parts = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : [];
  try {
    const names = parts.map((part) => part.trim()).filter(Boolean);
    return [...new Set(names.flatMap((name) => regionsNamed(name, CLAIMS.regions)))];
  } catch (error) {
    const reason = (error as Error).message;
    throw unauthenticated(`The token's ${CLAIMS.regions} claim is not a list of GOR or RSC regions: ${reason}`);
  }
}
