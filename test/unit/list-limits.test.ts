import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '../../src/graphql/generated/type-defs.js';
import { LIST_MAXIMUMS } from '../../src/graphql/list-limits.js';

const schema = buildSchema(typeDefs);
const isList = (type: GraphQLInputType) => isListType(isNonNullType(type) ? type.ofType : type);

/** Every list an input object holds, as `Type.field` with its description. */
function listInputs(): { key: string; description: string }[] {
  const found: { key: string; description: string }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isInputObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (isList(field.type)) found.push({ key: `${type.name}.${field.name}`, description: field.description ?? '' });
    }
  }
  return found;
}

describe('list input maximums', () => {
  it('gives every list input a maximum that its description states', () => {
    const lists = listInputs();

    expect(lists.map(({ key }) => key).sort()).toEqual(Object.keys(LIST_MAXIMUMS).sort());
    for (const { key, description } of lists) expect(description, key).toContain(`At most ${LIST_MAXIMUMS[key]}`);
  });

  it('takes no list argument outside an input object', () => {
    const lists = Object.values(schema.getTypeMap()).flatMap((type) =>
      'getFields' in type && !isInputObjectType(type) && !type.name.startsWith('__')
        ? Object.values(type.getFields())
            .flatMap((field) => ('args' in field ? field.args : []))
            .filter((argument) => isList(argument.type))
        : [],
    );

    expect(lists.map((argument) => `${argument.name}: ${getNamedType(argument.type).name}`)).toEqual([]);
  });
});
