import { buildSchema, printSchema } from 'graphql';
import { typeDefs } from './generated/type-defs.js';

let printed: string | undefined;

/** The whole schema as SDL: what `npm run schema` writes to schema.graphql and GET /schema.graphql serves. */
export function schemaSdl(): string {
  printed ??= printSchema(buildSchema(typeDefs));
  return printed;
}
