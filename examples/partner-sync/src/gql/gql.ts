/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query TeachingSchoolsPage($after: String) {\n    teachingSchools(first: 100, after: $after) {\n      edges { node { ...KeptSchool } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.TeachingSchoolsPageDocument,
    "\n  fragment KeptSchool on School {\n    urn\n    name\n    localAuthority { code }\n    designation { status cohort designatedOn }\n    updatedAt\n  }\n": typeof types.KeptSchoolFragmentDoc,
    "\n  query ChangesPage($since: DateTime!, $after: String) {\n    changes(since: $since, first: 100, after: $after) {\n      edges { cursor node { id at kind subjectKey subject { __typename ... on School { ...KeptSchool } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ChangesPageDocument,
};
const documents: Documents = {
    "\n  query TeachingSchoolsPage($after: String) {\n    teachingSchools(first: 100, after: $after) {\n      edges { node { ...KeptSchool } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.TeachingSchoolsPageDocument,
    "\n  fragment KeptSchool on School {\n    urn\n    name\n    localAuthority { code }\n    designation { status cohort designatedOn }\n    updatedAt\n  }\n": types.KeptSchoolFragmentDoc,
    "\n  query ChangesPage($since: DateTime!, $after: String) {\n    changes(since: $since, first: 100, after: $after) {\n      edges { cursor node { id at kind subjectKey subject { __typename ... on School { ...KeptSchool } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ChangesPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeachingSchoolsPage($after: String) {\n    teachingSchools(first: 100, after: $after) {\n      edges { node { ...KeptSchool } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query TeachingSchoolsPage($after: String) {\n    teachingSchools(first: 100, after: $after) {\n      edges { node { ...KeptSchool } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KeptSchool on School {\n    urn\n    name\n    localAuthority { code }\n    designation { status cohort designatedOn }\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment KeptSchool on School {\n    urn\n    name\n    localAuthority { code }\n    designation { status cohort designatedOn }\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChangesPage($since: DateTime!, $after: String) {\n    changes(since: $since, first: 100, after: $after) {\n      edges { cursor node { id at kind subjectKey subject { __typename ... on School { ...KeptSchool } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query ChangesPage($since: DateTime!, $after: String) {\n    changes(since: $since, first: 100, after: $after) {\n      edges { cursor node { id at kind subjectKey subject { __typename ... on School { ...KeptSchool } } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;