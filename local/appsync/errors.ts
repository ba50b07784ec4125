// GraphQL errors in AppSync's shape:
// { path, data, errorType, errorInfo, locations: [{ line, column, sourceName }], message }.
import type { GraphQLError } from 'graphql';

/** A field that failed: util.error, an auth denial, a data source or code error. */
export class FieldError extends Error {
  constructor(
    message: string,
    readonly errorType: string | null,
    readonly data: unknown = null,
    readonly errorInfo: unknown = null,
  ) {
    super(message);
    this.name = 'FieldError';
  }
}

export type AppSyncError = {
  path: (string | number)[] | null;
  data: unknown;
  errorType: string | null;
  errorInfo: unknown;
  locations: { line: number; column: number; sourceName: null }[];
  message: string;
};

export function formatError(error: GraphQLError): AppSyncError {
  const original = error.originalError;
  const field = original instanceof FieldError ? original : null;
  return {
    path: error.path ? [...error.path] : null,
    data: field?.data ?? null,
    errorType: field ? field.errorType : original ? 'Unknown' : 'ValidationError',
    errorInfo: field?.errorInfo ?? null,
    locations: (error.locations ?? []).map((l) => ({ line: l.line, column: l.column, sourceName: null })),
    message: field ? field.message : error.message,
  };
}
