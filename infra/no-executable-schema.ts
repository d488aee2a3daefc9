/**
 * Stands in for `@graphql-tools/schema` in the Lambda bundle (infra/lambda-bundle.ts). Apollo Server imports
 * makeExecutableSchema for servers given `typeDefs` and `resolvers`; the registry gives it a built `schema`
 * (src/graphql/server.ts), so the real one (about 65 KiB with the graphql-tools modules it imports) is never called.
 */
export function makeExecutableSchema(): never {
  throw new Error('makeExecutableSchema is not bundled: give Apollo Server a built schema (src/graphql/server.ts)');
}
