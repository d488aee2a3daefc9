import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { callerFromClaims, CLAIMS, unauthenticated } from '../graphql/auth.js';
import type { Caller } from '../graphql/context.js';

/**
 * In AWS the HTTP API's JWT authorizer has verified the Cognito token before Lambda runs; its claims (and,
 * for client-credentials tokens, its scopes) arrive in the event. No claims means no authorizer ran: refuse.
 */
export function identifyFromApiGateway(event: APIGatewayProxyEventV2): Caller {
  const jwt = (event as APIGatewayProxyEventV2WithJWTAuthorizer).requestContext.authorizer?.jwt;
  if (!jwt?.claims) throw unauthenticated('No verified token reached the API');
  const scopes = jwt.scopes?.join(' ');
  return callerFromClaims(scopes ? { [CLAIMS.scope]: scopes, ...jwt.claims } : jwt.claims);
}
