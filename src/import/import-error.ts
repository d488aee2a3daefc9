import { RegistryError } from '../domain/errors.js';

/** A whole import file is unusable (missing, empty, wrong encoding, missing columns); nothing was written. */
export class ImportFileError extends RegistryError {
  public readonly file: string;

  public constructor(file: string, message: string, options?: ErrorOptions) {
    super('IMPORT_FILE_INVALID', `${file}: ${message}`, options);
    this.name = 'ImportFileError';
    this.file = file;
  }
}
