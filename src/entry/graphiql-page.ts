/** GraphiQL's page; replaced by the bundled explorer (see scripts/bundle-graphiql.ts). */
export function graphiqlPage(): string {
  return '<!doctype html><title>GraphiQL</title><p>GraphiQL is not built.</p>';
}
