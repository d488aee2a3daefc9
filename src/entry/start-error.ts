/** A start refused for a reason the user can act on: `npm start` prints it without a stack. */
export class StartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartError';
  }
}
