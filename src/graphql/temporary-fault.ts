/**
 * DynamoDB errors that mean "busy, try again": throttling, capacity, service faults. The SDK has already
 * retried them with backoff by the time they reach us, so the caller is told to retry later instead of
 * getting an opaque internal error.
 */
const TEMPORARY_FAULTS = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionInProgressException',
]);

export function isTemporaryFault(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return TEMPORARY_FAULTS.has(error.name) || Boolean((error as { $retryable?: unknown }).$retryable);
}
