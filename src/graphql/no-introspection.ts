import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Refuses `__schema` and `__type` where introspection is off (production): 400 GRAPHQL_VALIDATION_FAILED, saying
 * where the schema is published instead.
 */
export const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    const name = node.name.value;
    if (name !== '__schema' && name !== '__type') return;
    context.reportError(
      new GraphQLError(
        `GraphQL introspection is not allowed, but the query contained ${name}. ` +
          'The schema is published at /schema.graphql, for signed-in callers.',
        { nodes: [node] },
      ),
    );
  },
});
