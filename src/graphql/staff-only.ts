import type { GraphQLResolveInfo } from 'graphql';
import { AccessDenied } from '../domain/errors.js';
import type { RequestContext } from './context.js';

// biome-ignore lint/suspicious/noExplicitAny: wraps resolvers of every mutation, whatever their argument types.
type AnyResolver = (parent: any, args: any, context: RequestContext, info: GraphQLResolveInfo) => unknown;

/**
 * Refuses every mutation to partners before it reads anything. Staff pass; tsc-staff are then held to
 * their regions by each mutation, which knows the regions it touches only once it has read them.
 */
export function staffOnly<Mutations extends Record<string, unknown>>(mutations: Mutations): Mutations {
  return Object.fromEntries(
    Object.entries(mutations).map(([name, resolver]) => [
      name,
      (parent: unknown, args: unknown, context: RequestContext, info: GraphQLResolveInfo) => {
        if (context.caller.role === 'partner') throw new AccessDenied('Partners have read-only access to the registry');
        return (resolver as AnyResolver)(parent, args, context, info);
      },
    ]),
  ) as Mutations;
}
