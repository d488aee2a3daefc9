import { bearerToken, signIn } from './auth';
import { html, type SafeHtml } from './html';

/** The registry's downloads (`GET /exports/<name>.csv`, authenticated like /graphql), by the API's names. */
export type ExportName = 'schools' | 'teaching-schools' | 'alliances' | 'coverage';

/**
 * A link to one of the registry's downloads. A plain link cannot send the bearer token, so `startDownloads`
 * fetches the file with it and saves what comes back under the name the registry gives it (dated).
 */
export function exportLink(name: ExportName, description: string): SafeHtml {
  return html`<a class="govuk-link app-download" href="/exports/${name}.csv" download data-export
    >Download ${name}.csv (CSV)</a>: ${description}`;
}

async function download(link: HTMLAnchorElement): Promise<void> {
  const token = await bearerToken();
  if (!token) {
    await signIn(location.pathname + location.search);
    return;
  }
  link.setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(link.href, { headers: { authorization: `Bearer ${token}` } });
    if (response.status === 401) {
      await signIn(location.pathname + location.search);
      return;
    }
    if (!response.ok) throw new Error(`The registry answered ${response.status}: ${await response.text()}`);
    const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
    const href = URL.createObjectURL(await response.blob());
    const save = document.createElement('a');
    save.href = href;
    save.download = named ?? new URL(link.href).pathname.split('/').pop() ?? 'download.csv';
    save.click();
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
  } finally {
    link.removeAttribute('aria-busy');
  }
}

/** Makes every download link on the page (`exportLink`) fetch its file with the viewer's token. */
export function startDownloads(): void {
  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest?.<HTMLAnchorElement>('a[data-export]');
    if (!link || event.button !== 0) return;
    event.preventDefault();
    link.parentElement?.querySelector('.govuk-error-message')?.remove();
    void download(link).catch((error: unknown) => {
      const message = document.createElement('p');
      message.className = 'govuk-error-message';
      message.textContent = `The download failed: ${(error as Error).message}`;
      link.insertAdjacentElement('afterend', message);
    });
  });
}
