import { RuleCode } from './rule-code.js';

/**
 * Codes of failures that are not business rules: top-level GraphQL errors (`errors[].extensions.code`) and
 * the commands' failures. Business-rule refusals are `RuleCode`s, answered in a mutation's `userErrors`.
 * Every code here that reaches a caller is listed in the README ("Errors").
 */
export enum ErrorCode {
  /** An argument is malformed or out of range; `extensions.field` names it. */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** No usable bearer token (HTTP 401); nothing ran. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** The caller's role does not allow this (a partner changing data, TSC staff outside their regions). */
  FORBIDDEN = 'FORBIDDEN',
  /** A fault; the message is masked and the `requestId` finds the log line. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** DynamoDB is throttling or failing for now; nothing was written. Retry with backoff. */
  TEMPORARILY_UNAVAILABLE = 'TEMPORARILY_UNAVAILABLE',
  /** One change would take more writes than a DynamoDB transaction holds (100); nothing was written. */
  TRANSACTION_TOO_LARGE = 'TRANSACTION_TOO_LARGE',
  /** `npm run import`: a whole file is unusable (missing, empty, wrong encoding, missing columns). */
  IMPORT_FILE_INVALID = 'IMPORT_FILE_INVALID',
  /** `npm run import`: a fresh (fast) load was asked for a table that has been loaded before. */
  TABLE_NOT_FRESH = 'TABLE_NOT_FRESH',
  /** The request reached its budget of DynamoDB requests and was stopped. Ask for fewer or smaller pages. */
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  /** The operation type is not served (a `subscription`): send a query or a mutation. */
  OPERATION_NOT_SUPPORTED = 'OPERATION_NOT_SUPPORTED',
  /** The request body is not JSON: send `{"query": "..."}` with `content-type: application/json`. */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The query is not GraphQL (a syntax error, or more tokens than a request may have); nothing ran. */
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  /** The query does not fit the schema or a request limit (`extensions.limit`); nothing ran. */
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  /** The document has no operation of the name given, or several and no name; nothing ran. */
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  /** The request names a persisted query (`extensions.persistedQuery`): send the query's text instead. */
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
}

/**
 * Root of every error the registry raises on purpose. Callers branch on `code`,
 * which is stable and documented; `message` is for people.
 */
export class RegistryError extends Error {
  public readonly code: ErrorCode | RuleCode;

  public constructor(code: ErrorCode | RuleCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RegistryError';
    this.code = code;
  }
}

/**
 * A business rule refused a change. GraphQL reports it as a `userErrors` entry,
 * naming the input field at fault.
 */
export class RuleViolation extends RegistryError {
  declare public readonly code: RuleCode;
  public readonly field: readonly string[];

  public constructor(code: RuleCode, message: string, field: readonly string[], options?: ErrorOptions) {
    super(code, message, options);
    this.name = 'RuleViolation';
    this.field = field;
  }
}

/**
 * A value from outside (GraphQL argument, import cell, cursor) is malformed. Inside a mutation's `input` it is
 * a `userErrors` entry with code INVALID_VALUE; anywhere else a top-level BAD_USER_INPUT naming the field.
 */
export class InvalidInput extends RegistryError {
  public readonly field: string;

  public constructor(field: string, message: string, options?: ErrorOptions) {
    super(ErrorCode.BAD_USER_INPUT, message, options);
    this.name = 'InvalidInput';
    this.field = field;
  }
}

/** The caller's role forbids the request (a partner changing data, a TSC member outside their regions). */
export class AccessDenied extends RegistryError {
  public constructor(message: string) {
    super(ErrorCode.FORBIDDEN, message);
    this.name = 'AccessDenied';
  }
}

/**
 * Someone else changed a record between our read and our conditional write, so the transaction failed
 * whole. Mutations read again and retry; when the retries run out, the caller gets CONFLICT.
 */
export class ConcurrentChange extends RegistryError {
  public constructor(message: string, options?: ErrorOptions) {
    super(RuleCode.CONFLICT, message, options);
    this.name = 'ConcurrentChange';
  }
}

/** One change needs more writes than one DynamoDB transaction takes; nothing was written. */
export class TransactionTooLarge extends RegistryError {
  public constructor(message: string) {
    super(ErrorCode.TRANSACTION_TOO_LARGE, message);
    this.name = 'TransactionTooLarge';
  }
}

/** A whole import file is unusable (missing, empty, wrong encoding, missing columns); nothing was written. */
export class ImportFileError extends RegistryError {
  public readonly file: string;

  public constructor(file: string, message: string, options?: ErrorOptions) {
    super(ErrorCode.IMPORT_FILE_INVALID, `${file}: ${message}`, options);
    this.name = 'ImportFileError';
    this.file = file;
  }
}

/** A request reached its budget of DynamoDB requests: the request it would have sent was not sent. */
export class RequestBudgetExceeded extends RegistryError {
  public constructor(limit: number) {
    super(
      ErrorCode.QUERY_TOO_COSTLY,
      `This request reached its budget of ${limit} DynamoDB requests and was stopped before sending more ` +
        '(a change it was making was not written). Ask for fewer or smaller pages.',
    );
    this.name = 'RequestBudgetExceeded';
  }
}
