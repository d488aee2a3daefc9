import {
  buildSchema,
  type GraphQLEnumType,
  type GraphQLObjectType,
  type GraphQLInputObjectType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  printSchema,
  validateSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { OFSTED_RATINGS } from '../../src/domain/ofsted.js';
import { PHASES } from '../../src/domain/phase.js';
import { GOR_REGIONS } from '../../src/domain/region.js';
import { RuleCode } from '../../src/domain/rule-code.js';
import { typeDefs } from '../../src/graphql/generated/type-defs.js';
import { describedSchema } from '../../src/graphql/server.js';

const schema = buildSchema(typeDefs);

function enumValues(name: string): string[] {
  return (schema.getType(name) as GraphQLEnumType)
    .getValues()
    .map((value) => value.name)
    .sort();
}

describe('the GraphQL schema', () => {
  it('is valid, which the server assumes rather than checks at each cold start', () => {
    // act
    const errors = validateSchema(schema);

    // assess
    expect(errors.map((error) => error.message)).toEqual([]);
  });

  it('is served as printed, every description included, though built from the text without them', async () => {
    // act
    const printed = printSchema(await describedSchema());

    // assess
    expect(printed).toBe(typeDefs);
  });

  it("describes every type, field, argument and enum value, since it is the partners' documentation", () => {
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Boolean', 'ID', 'Float'].includes(type.name)) continue;
      if (!type.description) undocumented.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values((type as GraphQLObjectType | GraphQLInputObjectType).getFields())) {
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) undocumented.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) undocumented.push(`${type.name}.${value.name}`);
      }
    }

    expect(undocumented).toEqual([]);
  });

  it('offers the same user error codes the domain raises', () => {
    expect(enumValues('UserErrorCode')).toEqual(Object.values(RuleCode).sort());
  });

  it("names phases, ratings and regions with the domain's codes", () => {
    expect(enumValues('Phase')).toEqual(Object.keys(PHASES).sort());
    expect(enumValues('OfstedRating')).toEqual(Object.keys(OFSTED_RATINGS).sort());
    expect(enumValues('GorRegion')).toEqual(Object.keys(GOR_REGIONS).sort());
  });
});
