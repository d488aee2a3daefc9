import type { Viewer } from './auth';
import type { SafeHtml } from './html';

/** What a page gets: its URL's parts and who is looking. */
export interface PageContext {
  main: HTMLElement;
  params: Record<string, string>;
  query: URLSearchParams;
  viewer: Viewer;
  /** Go to another page of the workspace (adds to the browser's history). */
  navigate: (path: string) => void;
  /** Shows the page: its title (also the tab's) and body. */
  show: (title: string, body: SafeHtml) => void;
}

export type Page = (context: PageContext) => Promise<void>;

/** A page the URL does not name, or an object the registry does not hold. */
export class NotFound extends Error {}
