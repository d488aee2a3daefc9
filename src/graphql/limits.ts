import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * How big one GraphQL request may be. A request over a limit is refused before anything runs: HTTP 400
 * with `extensions.code` `GRAPHQL_VALIDATION_FAILED` and `extensions.limit` naming the limit (over
 * `maxTokens`: `GRAPHQL_PARSE_FAILED`). Every query the registry's own tests and benchmark send fits well
 * inside them.
 */
export interface RequestLimits {
  /**
   * Deepest nesting of fields, counting the leaf (`{ school { localAuthority { name } } }` is 3). The deepest
   * useful paths are 8 or 9: an alliance's members' schools' local authorities' regions; a region's
   * authorities' coverage by phase.
   * @default 10
   */
  maxDepth?: number;
  /**
   * Static cost (graphql-armor's weights, computed by query-cost.ts once variables are known): a leaf costs 1,
   * an object 2, each level down weighs 1.5 times more, and `first` multiplies its field's cost by the page
   * size, whether written in the query, passed in a variable or left to its default (20). A page of 100 schools
   * with their local authority and region costs about 5,100; the costliest query in the tests when the limit was
   * set (national and regional coverage) about 10,100; two nested pages of 100 over 435,000.
   * @default 50000
   */
  maxCost?: number;
  /**
   * Aliased fields (`__typename` aside): room for one per region (9) and one per phase (8) in one query.
   * @default 20
   */
  maxAliases?: number;
  /**
   * Directives (`@include`, `@skip`) in one operation.
   * @default 10
   */
  maxDirectives?: number;
  /**
   * Lexical tokens in the document, checked while parsing (graphql-js's own `maxLexicalTokens`), so a syntax error
   * still answers 400 `GRAPHQL_PARSE_FAILED`, never 500.
   * @default 2000
   */
  maxTokens?: number;
}

/** The limits in force when none are given. */
export const DEFAULT_REQUEST_LIMITS: Readonly<Required<RequestLimits>> = {
  maxDepth: 10,
  maxCost: 50_000,
  maxAliases: 20,
  maxDirectives: 10,
  maxTokens: 2000,
};

/** What the server needs to enforce the limits: validation rules, parser options and the cost limit. */
export interface RequestLimitEnforcement {
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  /** The most static cost an operation may have (cost-limit.ts's refuseCostOver). */
  maxCost: number;
}

/** Names of the limits that validation rules enforce, as `extensions.limit` reports them (cost: `maxCost`). */
export type ValidatedLimit = 'maxDepth' | 'maxAliases' | 'maxDirectives';

/**
 * The validation rules (graphql-armor's, each refusal reported as described on RequestLimits), parser
 * options and cost limit that enforce the limits; a limit not given keeps its default. Cost is not a
 * validation rule because the server caches validation per query text, and the cost depends on the variables.
 */
export function requestLimits(limits: RequestLimits = {}): RequestLimitEnforcement {
  const maxDepth = limits.maxDepth ?? DEFAULT_REQUEST_LIMITS.maxDepth;
  const maxCost = limits.maxCost ?? DEFAULT_REQUEST_LIMITS.maxCost;
  const maxAliases = limits.maxAliases ?? DEFAULT_REQUEST_LIMITS.maxAliases;
  const maxDirectives = limits.maxDirectives ?? DEFAULT_REQUEST_LIMITS.maxDirectives;
  return {
    validationRules: [
      maxDepthRule({ n: maxDepth, ...reportAs('maxDepth') }),
      maxAliasesRule({ n: maxAliases, ...reportAs('maxAliases') }),
      maxDirectivesRule({ n: maxDirectives, ...reportAs('maxDirectives') }),
    ],
    parseOptions: { maxLexicalTokens: limits.maxTokens ?? DEFAULT_REQUEST_LIMITS.maxTokens },
    maxCost,
  };
}

/**
 * Reports a refusal as a validation error of its own instead of armor's default, whose message starts
 * "Syntax Error:" though the query parsed.
 */
function reportAs(limit: ValidatedLimit): {
  propagateOnRejection: false;
  onReject: ((context: ValidationContext | null, error: GraphQLError) => void)[];
} {
  return {
    propagateOnRejection: false,
    onReject: [
      (context, error) =>
        context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { limit } })),
    ],
  };
}
