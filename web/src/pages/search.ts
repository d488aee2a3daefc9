import { html } from '../html';
import type { Page } from '../page';

/** Results of the header's search box for words. */
const search: Page = async ({ query, show }) => {
  const words = query.get('q') ?? '';
  show('Search', html`<h1 class="govuk-heading-l">Schools matching “${words}”</h1>
    <p class="govuk-body">Search by name needs the registry's <code>searchSchools</code> query, which this
    registry does not offer yet. Search by URN (six digits) opens the school.</p>`);
};
export default search;
