import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Role } from '../graphql/auth.js';
import { GOR_REGIONS, type GorRegion } from '../domain/region.js';
import { codeForName } from '../domain/vocabulary.js';
import { signDevToken } from './local-identity.js';

/** The session storage key the workspace reads its development token from (web/src/auth.ts: DEV_TOKEN_KEY). */
const TOKEN_KEY = 'registry.devToken';
const ROLES: readonly Role[] = ['dfe-staff', 'tsc-staff', 'partner'];
const GOVUK_CSS = fileURLToPath(
  new URL('../../node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css', import.meta.url),
);

/**
 * The development sign-in, served by `npm start` only (never deployed): a page to choose a role, and
 * `/dev/sign-in?role=tsc-staff&region=North+West&next=/gaps`, which mints a development token, keeps it in the
 * tab's session storage and goes to `next`.
 */
export function devSignIn(key: Uint8Array) {
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname === '/dev/govuk-frontend.min.css') {
      response.writeHead(200, { 'content-type': 'text/css; charset=utf-8' }).end(readFileSync(GOVUK_CSS));
      return true;
    }
    if (url.pathname !== '/dev/sign-in' || request.method !== 'GET') return false;
    const role = url.searchParams.get('role');
    const next = safeNext(url.searchParams.get('next'));
    if (!role) {
      send(response, 200, chooser(next));
      return true;
    }
    let regions: GorRegion[];
    try {
      if (!ROLES.includes(role as Role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
      regions = url.searchParams
        .getAll('region')
        .flatMap((value) => value.split(','))
        .filter(Boolean)
        .map((value) => regionCode(value));
      if (role === 'tsc-staff' && regions.length === 0)
        throw new Error('a tsc-staff sign-in names the region(s) it may change: &region=NORTH_WEST');
    } catch (error) {
      send(
        response,
        400,
        page('Cannot sign in', `<p class="govuk-body">${escapeHtml((error as Error).message)}</p>${chooser(next)}`),
      );
      return true;
    }
    const token = await signDevToken(key, { role: role as Role, regions });
    const script =
      `sessionStorage.setItem(${JSON.stringify(TOKEN_KEY)}, ${JSON.stringify(token)}); ` +
      `location.replace(${JSON.stringify(next)});`;
    send(
      response,
      200,
      page(
        'Signing in',
        `<p class="govuk-body">Signing in as ${escapeHtml(role)}…</p>` +
          `<script>${script.replace(/</g, '\\u003c')}</script>`,
      ),
    );
    return true;
  };
}

function regionCode(value: string): GorRegion {
  const code = value.trim().toUpperCase().replace(/\W+/g, '_');
  return code in GOR_REGIONS ? (code as GorRegion) : codeForName(GOR_REGIONS, value.trim(), 'region');
}

/** Only a path on this site: never an open redirect. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function chooser(next: string): string {
  const regions = Object.entries(GOR_REGIONS)
    .map(
      ([code, name]) =>
        '<div class="govuk-checkboxes__item">' +
        `<input class="govuk-checkboxes__input" id="region-${code}" name="region" type="checkbox" value="${code}">` +
        `<label class="govuk-label govuk-checkboxes__label" for="region-${code}">${name}</label></div>`,
    )
    .join('');
  const roles = [
    ['dfe-staff', 'DfE staff', 'Read and change everything.'],
    ['tsc-staff', 'TSC staff', 'Read everything; change schools and alliances in the regions ticked below.'],
    ['partner', 'Partner', 'Read only: no actions, no review notes.'],
  ]
    .map(
      ([value, label, hint], i) =>
        '<div class="govuk-radios__item">' +
        `<input class="govuk-radios__input" id="role${i ? `-${value}` : ''}" name="role" type="radio"` +
        ` value="${value}" aria-describedby="role-${value}-hint"${i ? '' : ' checked'}>` +
        `<label class="govuk-label govuk-radios__label" for="role${i ? `-${value}` : ''}">${label}</label>` +
        `<div id="role-${value}-hint" class="govuk-hint govuk-radios__hint">${hint}</div></div>`,
    )
    .join('');
  return `<form method="get" action="/dev/sign-in">
    <input type="hidden" name="next" value="${escapeHtml(next)}">
    <div class="govuk-form-group"><fieldset class="govuk-fieldset">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Sign in as</legend>
      <div class="govuk-radios" data-module="govuk-radios">${roles}</div></fieldset></div>
    <div class="govuk-form-group"><fieldset class="govuk-fieldset">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Regions (TSC staff only)</legend>
      <div class="govuk-checkboxes govuk-checkboxes--small">${regions}</div></fieldset></div>
    <button class="govuk-button">Sign in</button>
  </form>`;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en" class="govuk-template"><head><meta charset="utf-8">
<title>${title} - Teaching School Registry (development)</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/dev/govuk-frontend.min.css"></head>
<body class="govuk-template__body"><div class="govuk-width-container">
<main class="govuk-main-wrapper" id="main-content">
<span class="govuk-caption-l">Development sign-in: local only, never deployed</span>
<h1 class="govuk-heading-l">${title}</h1>${body}</main></div></body></html>`;
}

function send(response: ServerResponse, status: number, body: string): void {
  const html = body.startsWith('<!doctype') ? body : page('Sign in to the Teaching School Registry', body);
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
