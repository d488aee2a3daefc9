/**
 * Who is signed in. Locally the development sign-in (`/dev/sign-in`) stores a development token in this tab's
 * session storage; in AWS, Cognito's hosted sign-in (authorisation code with PKCE, by oidc-client-ts) gives the
 * ID token. `/config.json` says which: `{ "auth": "dev" }` or `{ "auth": "cognito", authority, clientId }`.
 */
export interface Viewer {
  role: 'dfe-staff' | 'tsc-staff' | 'partner';
  name: string;
  /** For tsc-staff: the GOR regions (codes) they may change. */
  regions: string[];
}

interface SiteConfig {
  auth: 'dev' | 'cognito';
  authority?: string;
  clientId?: string;
}

export const DEV_TOKEN_KEY = 'registry.devToken';
let config: Promise<SiteConfig> | undefined;

function siteConfig(): Promise<SiteConfig> {
  config ??= fetch('/config.json')
    .then((response) => (response.ok ? (response.json() as Promise<SiteConfig>) : { auth: 'dev' as const }))
    .catch(() => ({ auth: 'dev' as const }));
  return config;
}

async function userManager(settings: SiteConfig) {
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  return new UserManager({
    authority: settings.authority ?? '',
    client_id: settings.clientId ?? '',
    redirect_uri: `${location.origin}/auth/callback`,
    post_logout_redirect_uri: `${location.origin}/`,
    response_type: 'code',
    scope: 'openid email profile',
    userStore: new WebStorageStateStore({ store: sessionStorage }),
  });
}

/** The bearer token, or null when nobody is signed in. */
export async function bearerToken(): Promise<string | null> {
  const settings = await siteConfig();
  if (settings.auth === 'dev') return sessionStorage.getItem(DEV_TOKEN_KEY);
  const user = await (await userManager(settings)).getUser();
  return user && !user.expired ? (user.id_token ?? null) : null;
}

/** Sends the browser to sign in, coming back to `next`. */
export async function signIn(next: string): Promise<void> {
  const settings = await siteConfig();
  if (settings.auth === 'dev') {
    location.assign(`/dev/sign-in?next=${encodeURIComponent(next)}`);
    return;
  }
  await (await userManager(settings)).signinRedirect({ state: next });
}

/** Finishes a Cognito sign-in (on /auth/callback) and answers where to go next. */
export async function completeSignIn(): Promise<string> {
  const user = await (await userManager(await siteConfig())).signinCallback();
  return typeof user?.state === 'string' && user.state.startsWith('/') ? user.state : '/';
}

export async function signOut(): Promise<void> {
  const settings = await siteConfig();
  sessionStorage.removeItem(DEV_TOKEN_KEY);
  if (settings.auth === 'dev') location.assign('/dev/sign-in');
  else await (await userManager(settings)).signoutRedirect();
}

/** The viewer the token names (its claims, as the API reads them; the API still checks every change). */
export function viewerFrom(token: string): Viewer {
  const payload = token.split('.')[1] ?? '';
  const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
  const groups = ([] as unknown[]).concat(claims['cognito:groups'] ?? []).map(String);
  const name = String(claims.email ?? claims.sub ?? claims.client_id ?? 'signed in');
  if (groups.includes('dfe-staff')) return { role: 'dfe-staff', name, regions: [] };
  if (groups.includes('tsc-staff')) {
    const regions = String(claims['custom:regions'] ?? '')
      .split(',')
      .map((part) => part.trim().toUpperCase().replace(/\W+/g, '_'))
      .filter(Boolean);
    return { role: 'tsc-staff', name, regions };
  }
  return { role: 'partner', name, regions: [] };
}

/** Whether the viewer may change a school or alliance in this GOR region. */
export function mayChange(viewer: Viewer, region: string): boolean {
  return viewer.role === 'dfe-staff' || (viewer.role === 'tsc-staff' && viewer.regions.includes(region));
}

export function isStaff(viewer: Viewer): boolean {
  return viewer.role !== 'partner';
}
