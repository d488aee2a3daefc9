/**
 * The costly queries an attacker sent (issue 11): regions → local authorities → schools → reviews and
 * alliance memberships, with the page size in a variable, repeated under aliases, or spread from fragments.
 */
const NESTED_BODY = `name
  localAuthorities(first: $n) { edges { node { name schools(first: $n) { edges { node { urn
    reviews(first: $n) { totalCount edges { cursor } }
    allianceMemberships(first: $n) { totalCount edges { cursor } } } } } } } }`;

/** Pages sized by `$n` (pass `{ n: 100 }`); `aliases` copies of the whole tree. */
export function nestedPagesQuery(aliases = 1): string {
  const copies = Array.from({ length: aliases }, (_, index) => `r${index}: regions { ${NESTED_BODY} }`);
  return `query Attack($n: Int) { ${copies.join('\n')} }`;
}

/** The same tree with every page left to its default size (20). */
export const DEFAULT_PAGES_QUERY = `{ regions { ${NESTED_BODY.replace(/\(first: \$n\)/g, '')} } }`;

/** The tree from local authorities down, its schools spread from a fragment, page size in a variable. */
export const FRAGMENT_QUERY = `query Attack($n: Int) {
  localAuthorities(first: $n) { edges { node { name ...Schools } } }
}
fragment Schools on LocalAuthority { schools(first: $n) { edges { node { urn
  reviews(first: $n) { totalCount } allianceMemberships(first: $n) { totalCount } } } } }`;

/**
 * The costliest shape the static limit lets through: `aliases` pages of 100 schools, each school asking
 * for two small connections (a Query and a count each), about 400 DynamoDB requests a page.
 */
export function widePagesQuery(aliases: number): string {
  const page = (index: number) =>
    `p${index}: schools(first: 100, filter: { region: LONDON }) { edges { node { urn
      reviews(first: 1) { totalCount } allianceMemberships(first: 1) { totalCount } } } }`;
  return `{ ${Array.from({ length: aliases }, (_, index) => page(index)).join('\n')} }`;
}
