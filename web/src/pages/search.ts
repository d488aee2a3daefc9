import { request } from '../api';
import { link, table } from '../components';
import { phaseName, words } from '../format';
import { graphql } from '../gql';
import { html } from '../html';
import type { Page } from '../page';

const SearchSchools = graphql(`
  query SearchSchools($query: String!, $after: String) {
    searchSchools(query: $query, first: 25, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        matchedBy
        node {
          urn
          name
          phase
          localAuthority {
            name
          }
          designation {
            status
          }
        }
      }
    }
  }
`);

/** Schools matching the header's search box: a name (any words of it), a URN or a LAESTAB. */
const search: Page = async ({ query, show }) => {
  const text = (query.get('q') ?? '').trim();
  const after = query.get('after');
  const { searchSchools: found } = await request(SearchSchools, { query: text, after });
  const next = new URLSearchParams({ q: text, after: found.pageInfo.endCursor ?? '' });
  show(
    `Schools matching “${text}”`,
    html`
    <h1 class="govuk-heading-l">Schools matching “${text}”</h1>
    <p class="govuk-body" id="search-total">${
      found.totalCount === 1 ? '1 school matches' : `${found.totalCount.toLocaleString('en-GB')} schools match`
    }.</p>
    ${
      found.edges.length
        ? table({
            id: 'search-results',
            caption: 'Best match first',
            head: ['School', 'Phase', 'Local authority', 'Teaching school', 'Matched by'],
            rows: found.edges.map(({ node, matchedBy }) => [
              link(`/schools/${node.urn}`, `${node.name} (${node.urn})`),
              phaseName(node.phase),
              node.localAuthority.name,
              node.designation && node.designation.status !== 'DE_DESIGNATED' ? words(node.designation.status) : 'No',
              words(matchedBy),
            ]),
          })
        : html`<p class="govuk-body">Check the spelling, or try fewer words.</p>`
    }
    ${
      found.pageInfo.hasNextPage
        ? html`<nav class="govuk-pagination govuk-pagination--block" aria-label="Pages of results">
      <div class="govuk-pagination__next">
      <a class="govuk-link govuk-pagination__link" href="/search?${next.toString()}" rel="next">
      <span class="govuk-pagination__link-title">Next page</span></a></div></nav>`
        : ''
    }`,
  );
};
export default search;
