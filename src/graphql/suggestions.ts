import type { ApolloServerPlugin } from '@apollo/server';

const SUGGESTION = / ?Did you mean .+\?$/;

/**
 * Drops graphql-js's "Did you mean ...?" hints from error messages, which would otherwise spell out the
 * schema's field, argument, type and enum value names to a caller who cannot introspect it. Unlike Apollo's
 * `hideSchemaDetailsFromClientErrors` (validation errors only), it also covers variables: an unknown enum
 * value or input field in `variables` is reported while coercing them, after validation.
 */
export const hideSuggestions: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
      },
    };
  },
};
