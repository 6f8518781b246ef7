/** An error whose message is meant for the editor, not a stack trace. */
export class LibraryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LibraryError';
  }
}

/** A change could not be applied because the rows it expects were changed since. */
export class ConflictError extends LibraryError {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}
