import type { GraphQLSchema } from 'graphql';

/**
 * Sets descriptions on a schema built from type definitions without them (generated/type-defs.ts), by schema
 * coordinate: `Type`, `Type.field`, `Type.field(argument:)`, `Type.VALUE`, `@directive`, `@directive(argument:)`.
 */
export function describeSchema(schema: GraphQLSchema, descriptions: Readonly<Record<string, string>>): void {
  for (const type of Object.values(schema.getTypeMap())) {
    type.description = descriptions[type.name] ?? type.description;
    for (const field of 'getFields' in type ? Object.values(type.getFields()) : []) {
      field.description = descriptions[`${type.name}.${field.name}`] ?? field.description;
      for (const arg of 'args' in field ? field.args : []) {
        arg.description = descriptions[`${type.name}.${field.name}(${arg.name}:)`] ?? arg.description;
      }
    }
    for (const value of 'getValues' in type ? type.getValues() : []) {
      value.description = descriptions[`${type.name}.${value.name}`] ?? value.description;
    }
  }
  for (const directive of schema.getDirectives()) {
    directive.description = descriptions[`@${directive.name}`] ?? directive.description;
    for (const arg of directive.args) {
      arg.description = descriptions[`@${directive.name}(${arg.name}:)`] ?? arg.description;
    }
  }
}
