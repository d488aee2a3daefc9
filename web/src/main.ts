import 'govuk-frontend/dist/govuk/govuk-frontend.min.css';
import './app.css';
import { ErrorSummary } from 'govuk-frontend';
import { ApiError } from './api';
import { bearerToken, completeSignIn, signIn, signOut, viewerFrom } from './auth';
import { startDownloads } from './downloads';
import { html } from './html';
import { NotFound, type Page, type PageContext } from './page';
import { startSearch } from './search';

const routes: [RegExp, () => Promise<{ default: Page }>][] = [
  [/^\/$/, () => import('./pages/home')],
  [/^\/gaps$/, () => import('./pages/gaps')],
  [/^\/local-authorities\/(?<code>\d{3})$/, () => import('./pages/local-authority')],
  [/^\/schools\/(?<urn>\d{5,7})$/, () => import('./pages/school')],
  [
    /^\/schools\/(?<urn>\d{5,7})\/(?<action>designate|ofsted-inspection|review)$/,
    () => import('./pages/school-action'),
  ],
  [/^\/schools\/(?<urn>\d{5,7})\/reviews\/(?<reviewId>[^/]+)\/conclude$/, () => import('./pages/school-action')],
  [/^\/alliances\/(?<id>[^/]+)$/, () => import('./pages/alliance')],
  [/^\/search$/, () => import('./pages/search')],
];

const main = document.getElementById('main-content') as HTMLElement;
let rendering = 0;

async function render(): Promise<void> {
  const run = ++rendering;
  if (location.pathname === '/auth/callback') {
    history.replaceState(null, '', await completeSignIn());
  }
  // The page's code loads while the token is read, not after.
  const route = routes.find(([pattern]) => pattern.test(location.pathname));
  const loading = route?.[1]();
  const token = await bearerToken();
  if (!token) {
    await signIn(location.pathname + location.search);
    return;
  }
  const viewer = viewerFrom(token);
  showViewer(viewer);
  const context: PageContext = {
    main,
    params: {},
    query: new URLSearchParams(location.search),
    viewer,
    navigate,
    show: (title, body) => {
      if (run !== rendering) return;
      document.title = `${title} - Teaching School Registry`;
      main.innerHTML = body.value;
      const summary = main.querySelector<HTMLElement>('[data-module="govuk-error-summary"]');
      if (summary) new ErrorSummary(summary);
    },
  };
  try {
    if (!route || !loading) throw new NotFound();
    context.params = { ...route[0].exec(location.pathname)?.groups };
    await (await loading).default(context);
  } catch (error) {
    if (run !== rendering) return;
    if (error instanceof NotFound || (error instanceof ApiError && error.code === 'NOT_FOUND')) {
      context.show(
        'Page not found',
        html`<h1 class="govuk-heading-l">Page not found</h1>
        <p class="govuk-body">The registry has nothing at this address. Check it, or start from the
        <a class="govuk-link" href="/">map</a>.</p>`,
      );
    } else {
      console.error(error);
      context.show(
        'Sorry, there is a problem',
        html`<h1 class="govuk-heading-l">Sorry, there is a problem</h1>
        <p class="govuk-body">${(error as Error).message}</p>`,
      );
    }
  }
  markCurrentNavigation();
}

function showViewer(viewer: ReturnType<typeof viewerFrom>): void {
  const where = viewer.role === 'tsc-staff' ? ` (${viewer.regions.join(', ').toLowerCase().replace(/_/g, ' ')})` : '';
  const signedIn = document.getElementById('signed-in');
  if (!signedIn) return;
  signedIn.innerHTML = html`Signed in as ${viewer.name}, ${viewer.role}${where}.
    <a class="govuk-link" href="#" id="sign-out">Sign out</a>`.value;
  signedIn.querySelector('#sign-out')?.addEventListener('click', (event) => {
    event.preventDefault();
    void signOut();
  });
}

function markCurrentNavigation(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.govuk-service-navigation__link')) {
    const current = link.closest('li') && link.getAttribute('href') === location.pathname;
    link.closest('li')?.classList.toggle('govuk-service-navigation__item--active', Boolean(current));
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

export function navigate(path: string): void {
  history.pushState(null, '', path);
  void render().then(() => main.focus({ preventScroll: false }));
}

document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest?.('a');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const href = link.getAttribute('href');
  if (!href?.startsWith('/') || href.startsWith('/dev/') || link.hasAttribute('download') || link.target) return;
  event.preventDefault();
  navigate(href);
});

document.addEventListener('submit', (event) => {
  const form = event.target as HTMLFormElement;
  if (form.method.toLowerCase() !== 'get' || form.dataset.native !== undefined) return;
  event.preventDefault();
  const query = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (String(value) !== '') query.append(name, String(value));
  navigate(`${new URL(form.action).pathname}?${query}`);
});

window.addEventListener('popstate', () => void render());
startSearch(navigate);
startDownloads();
void render();
