import { GraphQLError, type OperationDefinitionNode } from 'graphql';
import { ErrorCode } from '../domain/errors.js';

/**
 * The registry answers queries and mutations over HTTP; a `subscription` is refused before anything runs
 * (400, OPERATION_NOT_SUPPORTED), where graphql-js would otherwise fail it as an internal error.
 */
export function refuseSubscription(operation: OperationDefinitionNode): void {
  if (operation.operation !== 'subscription') return;
  const message = 'Subscriptions are not supported: send a query or a mutation (poll a query to follow changes).';
  throw new GraphQLError(message, {
    extensions: { code: ErrorCode.OPERATION_NOT_SUPPORTED, http: { status: 400 } },
  });
}
