// Stable errorType names clients and tests match on (ARCHITECTURE.md section 7).
// Messages are for people and may change; these may not.
export const ErrorType = {
  ValidationError: 'ValidationError',
  Unauthorized: 'Unauthorized',
  LimitExceeded: 'LimitExceeded',
  NotFound: 'NotFound',
  Conflict: 'Conflict',
} as const;

export type ErrorTypeName = (typeof ErrorType)[keyof typeof ErrorType];
