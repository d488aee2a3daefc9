import {
  type ASTNode,
  type DocumentNode,
  FragmentsOnCompositeTypesRule,
  Kind,
  KnownDirectivesRule,
  KnownFragmentNamesRule,
  KnownTypeNamesRule,
  LoneAnonymousOperationRule,
  NoFragmentCyclesRule,
  NoUndefinedVariablesRule,
  NoUnusedFragmentsRule,
  NoUnusedVariablesRule,
  PossibleFragmentSpreadsRule,
  SingleFieldSubscriptionsRule,
  specifiedRules,
  UniqueDirectivesPerLocationRule,
  UniqueFragmentNamesRule,
  UniqueOperationNamesRule,
  UniqueVariableNamesRule,
  type ValidationRule,
  VariablesAreInputTypesRule,
  VariablesInAllowedPositionRule,
  visit,
} from 'graphql';

/** What a document holds that some rules look at and the others do not. */
type Feature = Kind | 'several operations' | 'subscription';

/**
 * graphql-js's specified rules that report only on these parts of a document: fragments, variables, directives, type
 * names (which a query names only in fragments and variable definitions), more than one operation, a subscription.
 * A document with none of a rule's parts passes it whatever else it holds.
 */
const RULE_PARTS = new Map<ValidationRule, readonly Feature[]>([
  [UniqueOperationNamesRule, ['several operations']],
  [LoneAnonymousOperationRule, ['several operations']],
  [SingleFieldSubscriptionsRule, ['subscription']],
  [KnownTypeNamesRule, [Kind.NAMED_TYPE]],
  [FragmentsOnCompositeTypesRule, [Kind.INLINE_FRAGMENT, Kind.FRAGMENT_DEFINITION]],
  [VariablesAreInputTypesRule, [Kind.VARIABLE_DEFINITION]],
  [UniqueFragmentNamesRule, [Kind.FRAGMENT_DEFINITION]],
  [KnownFragmentNamesRule, [Kind.FRAGMENT_SPREAD]],
  [NoUnusedFragmentsRule, [Kind.FRAGMENT_DEFINITION]],
  [PossibleFragmentSpreadsRule, [Kind.INLINE_FRAGMENT, Kind.FRAGMENT_SPREAD]],
  [NoFragmentCyclesRule, [Kind.FRAGMENT_DEFINITION]],
  [UniqueVariableNamesRule, [Kind.VARIABLE_DEFINITION]],
  [NoUndefinedVariablesRule, [Kind.VARIABLE]],
  [NoUnusedVariablesRule, [Kind.VARIABLE_DEFINITION]],
  [KnownDirectivesRule, [Kind.DIRECTIVE]],
  [UniqueDirectivesPerLocationRule, [Kind.DIRECTIVE]],
  [VariablesInAllowedPositionRule, [Kind.VARIABLE]],
]);

/**
 * The specified rules that can find something wrong with this document: all of them less those whose parts it lacks
 * (RULE_PARTS), so that leaving them out changes no answer. A query without fragments, variables or directives is
 * checked by 10 of the 27. At a cold start most of validation's cost was compiling each rule's code on its first run
 * (leaving 17 out: about 1 % fewer instructions for the whole cold start); once warm, each rule left out is one
 * visitor fewer at every node of each new document.
 */
export function specifiedRulesFor(document: DocumentNode): ValidationRule[] {
  const held = new Set<Feature>();
  let operations = 0;
  visit(document, {
    enter(node: ASTNode) {
      held.add(node.kind);
      if (node.kind !== Kind.OPERATION_DEFINITION) return;
      operations += 1;
      if (operations > 1) held.add('several operations');
      if (node.operation === 'subscription') held.add('subscription');
    },
  });
  return specifiedRules.filter((rule) => RULE_PARTS.get(rule)?.some((part) => held.has(part)) ?? true);
}
