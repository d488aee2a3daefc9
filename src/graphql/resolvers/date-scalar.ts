import { GraphQLScalarType } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

/** graphql-scalars' LocalDate (`yyyy-mm-dd`, a real calendar day), under the schema's name `Date`. */
export const DateScalar = new GraphQLScalarType({
  ...GraphQLLocalDate.toConfig(),
  name: 'Date',
  description: 'A calendar date, `yyyy-mm-dd` (ISO 8601).',
});
