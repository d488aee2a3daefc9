const SUGGESTION = / ?Did you mean .+\?$/;

/**
 * Drops graphql-js's "Did you mean ...?" hint from an error message, which would otherwise spell out the schema's
 * field, argument, type and enum value names to a caller who cannot introspect it. The server applies it to every
 * error of a request, validation and variables alike: an unknown enum value or input field in `variables` is
 * reported while coercing them, after validation.
 */
export function withoutSuggestion(message: string): string {
  return message.replace(SUGGESTION, '');
}
