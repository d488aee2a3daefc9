/**
 * CORS for browser partners, defined once: the HTTP API's preflight settings in AWS (infra/graphql-http-api.ts)
 * and the local server's answers both come from here. The allowed origins are a setting: CDK context
 * `allowedOrigins` in AWS, the `ALLOWED_ORIGINS` environment variable locally (comma-separated; `*` for any).
 */
export const CORS_POLICY = {
  allowMethods: ['GET', 'POST', 'OPTIONS'],
  allowHeaders: ['authorization', 'content-type'],
  maxAgeSeconds: 3600,
} as const;

/** Origins from a comma-separated setting. */
export function originsFrom(setting: string | undefined): string[] {
  return (setting ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}

/** The CORS headers of a response to a request from `origin` (none when the origin is not allowed). */
export function corsHeaders(allowedOrigins: readonly string[], origin: string | undefined): Record<string, string> {
  if (!origin) return {};
  const allowed = allowedOrigins.includes('*') || allowedOrigins.includes(origin);
  if (!allowed) return {};
  return { 'access-control-allow-origin': allowedOrigins.includes('*') ? '*' : origin, vary: 'origin' };
}

/** The headers answering a preflight (OPTIONS) request from an allowed origin. */
export function preflightHeaders(
  allowedOrigins: readonly string[],
  origin: string | undefined,
): Record<string, string> {
  const headers = corsHeaders(allowedOrigins, origin);
  if (!headers['access-control-allow-origin']) return headers;
  return {
    ...headers,
    'access-control-allow-methods': CORS_POLICY.allowMethods.join(', '),
    'access-control-allow-headers': CORS_POLICY.allowHeaders.join(', '),
    'access-control-max-age': String(CORS_POLICY.maxAgeSeconds),
  };
}
