// Whether a failed record is retried or dropped is decided by the error's class, never by
// its message (STYLE.md): a PermanentError can never succeed, however often it is retried,
// so the record is logged and dropped; any other error is worth a retry.

/** The input can never be processed (malformed, or missing what it needs): log it and drop it. */
export class PermanentError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PermanentError';
  }
}

/** A record, message or stored item that does not have the shape its producer promises. */
export class MalformedInputError extends PermanentError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MalformedInputError';
  }
}

export function isPermanent(error: unknown): error is PermanentError {
  return error instanceof PermanentError;
}

/** An error as one log field: `Name: message`. */
export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
