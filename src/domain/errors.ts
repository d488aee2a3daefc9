/**
 * Root of every error the registry raises on purpose. Callers branch on `code`,
 * which is stable and documented; `message` is for people.
 */
export class RegistryError extends Error {
  public readonly code: string;

  public constructor(code: string, message: string, options?: ErrorOptions) {
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
  public readonly field: readonly string[];

  public constructor(code: string, message: string, field: readonly string[], options?: ErrorOptions) {
    super(code, message, options);
    this.name = 'RuleViolation';
    this.field = field;
  }
}

/** A value from outside (GraphQL argument, import cell, cursor) is malformed. */
export class InvalidInput extends RegistryError {
  public readonly field: string;

  public constructor(field: string, message: string, options?: ErrorOptions) {
    super('BAD_USER_INPUT', message, options);
    this.name = 'InvalidInput';
    this.field = field;
  }
}

/**
 * Someone else changed the record between our read and our conditional write,
 * more often than the retry budget allows.
 */
export class ConcurrentChange extends RegistryError {
  public constructor(message: string, options?: ErrorOptions) {
    super('CONFLICT', message, options);
    this.name = 'ConcurrentChange';
  }
}
