// What a client tool can fail on, one class each. The message is written for the person at
// the terminal; callers and tests branch on the class (and a GraphQL error's errorType).

export class CliError extends Error {
  override name = 'CliError';
}

/** The command line is wrong: a missing or conflicting option. */
export class UsageError extends CliError {
  override name = 'UsageError';
}

/** A file named on the command line cannot be read. */
export class InputFileError extends CliError {
  override name = 'InputFileError';
}

/** No local stack to talk to: .data/endpoints.json is missing, or nothing answers at its URLs. */
export class LocalStackError extends CliError {
  override name = 'LocalStackError';
}

/** Nothing answers at a URL, or the answer is not the API's. */
export class ConnectionError extends CliError {
  override name = 'ConnectionError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The API answered with GraphQL errors; the first one's errorType says which. */
export class GraphqlCallError extends CliError {
  override name = 'GraphqlCallError';
  constructor(
    readonly operation: string,
    readonly errorType: string | null,
    detail: string,
  ) {
    super(`${operation} failed: ${errorType ? `${errorType}: ` : ''}${detail}`);
  }
}

/** The realtime endpoint refused the connection or the subscription. */
export class SubscriptionError extends CliError {
  override name = 'SubscriptionError';
  constructor(
    readonly errorType: string | null,
    detail: string,
  ) {
    super(`subscription failed: ${errorType ? `${errorType}: ` : ''}${detail}`);
  }
}
