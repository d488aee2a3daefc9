import { buildSchema, KnownFragmentNamesRule, NoUnusedVariablesRule, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '../../src/graphql/generated/type-defs.js';
import { specifiedRulesFor } from '../../src/graphql/specified-rules.js';

/** The registry's schema, with subscriptions (which it has none of) for the rule about them. */
const schema = buildSchema(`${typeDefs}\ntype Subscription { school(urn: String!): School count: Int }`);

/** Documents that break the rules that are left out where a document lacks their parts, and some that break others. */
const DOCUMENTS = {
  'two operations of one name': 'query A { school(urn: "1") { name } } query A { school(urn: "2") { name } }',
  'an anonymous operation beside another': '{ school(urn: "1") { name } } query B { school(urn: "2") { name } }',
  'a subscription of two fields': 'subscription { school(urn: "1") { name } count }',
  'an unknown type in a variable': 'query ($urn: Urn!) { school(urn: $urn) { name } }',
  'a fragment on a scalar': 'fragment f on String { length } { school(urn: "1") { name } }',
  'an object type variable': 'query ($school: School) { school(urn: "1") { name } }',
  'two fragments of one name':
    'fragment f on School { name } fragment f on School { urn } { school(urn: "1") { ...f } }',
  'an unknown fragment': '{ school(urn: "1") { ...missing } }',
  'an unused fragment': 'fragment f on School { name } { school(urn: "1") { name } }',
  'a spread that cannot apply': 'fragment f on LocalAuthority { name } { school(urn: "1") { ...f } }',
  'fragments that spread each other':
    'fragment a on School { ...b } fragment b on School { ...a } { school(urn: "1") { ...a } }',
  'two variables of one name': 'query ($urn: String!, $urn: String!) { school(urn: $urn) { name } }',
  'an undefined variable': '{ school(urn: $urn) { name } }',
  'an unused variable': 'query ($unused: String) { school(urn: "1") { name } }',
  'an unknown directive': '{ school(urn: "1") @cached { name } }',
  'a directive twice': '{ school(urn: "1") @skip(if: false) @skip(if: true) { name } }',
  'a variable of the wrong type': 'query ($urn: Int!) { school(urn: $urn) { name } }',
  'a misspelt field and a missing argument': '{ school { nam } }',
  'a scalar with a selection and an argument twice': '{ school(urn: 1, urn: "2") { name { first } } }',
  'a type definition': 'type Extra { name: String } { school(urn: "1") { name } }',
};

describe('the specified rules a document is validated by', () => {
  it.each(Object.entries(DOCUMENTS))('find in a document with %s what all the rules find', (_, text) => {
    // prepare
    const document = parse(text);

    // act
    const selected = validate(schema, document, specifiedRulesFor(document)).map((error) => error.message);

    // assess
    const all = validate(schema, document, specifiedRules).map((error) => error.message);
    expect(all).not.toEqual([]);
    expect(selected).toEqual(all);
  });

  it('leave out, for a query without fragments, variables or directives, the rules that look only at those', () => {
    // act
    const rules = specifiedRulesFor(parse('{ school(urn: "100000") { name localAuthority { code name } } }'));

    // assess
    expect(rules).toHaveLength(10);
    expect(rules).not.toContain(KnownFragmentNamesRule);
    expect(rules).not.toContain(NoUnusedVariablesRule);
  });
});
