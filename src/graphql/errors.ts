/**
 * Codes of top-level errors (`errors[].extensions.code`): malformed requests, auth failures and faults.
 * Business-rule failures are not errors: they come back as `userErrors` in a mutation's payload.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** DynamoDB is throttling or failing for now; nothing was written. Retry with backoff. */
  TEMPORARILY_UNAVAILABLE = 'TEMPORARILY_UNAVAILABLE',
  /** The request reached its budget of DynamoDB requests and was stopped. Ask for fewer or smaller pages. */
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  /** The operation type is not served (a `subscription`): send a query or a mutation. */
  OPERATION_NOT_SUPPORTED = 'OPERATION_NOT_SUPPORTED',
  /** The request body is not JSON: send `{"query": "..."}` with `content-type: application/json`. */
  BAD_REQUEST = 'BAD_REQUEST',
}
