// SNS errors as the query protocol carries them: `<Code>` is the wire code (the awsQueryError
// trait of each shape in @aws-sdk/client-sns's model, e.g. NotFound for NotFoundException),
// with its HTTP status and fault side. The SDK turns the wire code back into the modelled
// exception name (NotFound -> NotFoundException, ParameterValueInvalid ->
// InvalidParameterValueException); codes it does not model (SignatureDoesNotMatch,
// ValidationError) surface under their own name.
// Messages quoted here were recorded from real SNS answers (LocalStack's AWS-validated
// snapshots, tests/aws/services/sns/*.snapshot.json); the few that were not are marked.
import { missingAuthentication, queryAuthError, type QueryAuthError, type QueryAuthErrorCode } from '../shared/awsQuery/auth';
import { invalidActionMessage, type QueryFault } from '../shared/awsQuery/errors';
import type { SigV4Rejected } from '../shared/sigv4/errors';

export type SnsErrorCode =
  | 'NotFound'
  | 'InvalidParameter'
  | 'ParameterValueInvalid'
  | 'ValidationError'
  | 'AuthorizationError'
  | 'TooManyEntriesInBatchRequest'
  | 'BatchEntryIdsNotDistinct'
  | 'EmptyBatchRequest'
  | 'InvalidBatchEntryId'
  | 'BatchRequestTooLong'
  | 'InvalidAction'
  | 'InternalError'
  | QueryAuthErrorCode;

const STATUS: Record<SnsErrorCode, number> = {
  NotFound: 404,
  InvalidParameter: 400,
  ParameterValueInvalid: 400,
  ValidationError: 400,
  AuthorizationError: 403,
  TooManyEntriesInBatchRequest: 400,
  BatchEntryIdsNotDistinct: 400,
  EmptyBatchRequest: 400,
  InvalidBatchEntryId: 400,
  BatchRequestTooLong: 400,
  InvalidAction: 400,
  InternalError: 500,
  MissingAuthenticationToken: 403,
  IncompleteSignature: 400,
  InvalidClientTokenId: 403,
  SignatureDoesNotMatch: 403,
  ExpiredToken: 403,
};

export class SnsError extends Error {
  readonly status: number;

  constructor(
    readonly code: SnsErrorCode,
    message: string,
    readonly type: QueryFault = 'Sender',
    status?: number,
  ) {
    super(message);
    this.name = code;
    this.status = status ?? STATUS[code];
  }
}

/** "Topic does not exist", "Subscription does not exist" (HTTP 404). */
export class NotFound extends SnsError {
  constructor(what: 'Topic' | 'Subscription') {
    super('NotFound', `${what} does not exist`);
  }
}

/** `Invalid parameter: <reason>`; reasons carry their parameter name, as SNS writes them. */
export class InvalidParameter extends SnsError {
  constructor(reason: string) {
    super('InvalidParameter', `Invalid parameter: ${reason}`);
  }
}

/** A bad message attribute (SDK: InvalidParameterValueException); messages are SNS's own sentences. */
export class ParameterValueInvalid extends SnsError {
  constructor(message: string) {
    super('ParameterValueInvalid', message);
  }
}

/** Smithy-style constraint failure: "1 validation error detected: Value null at '...' failed to satisfy constraint: ...". */
export class ValidationError extends SnsError {
  constructor(message: string) {
    super('ValidationError', message);
  }
}

export class TooManyEntriesInBatchRequest extends SnsError {
  constructor() {
    super('TooManyEntriesInBatchRequest', 'The batch request contains more entries than permissible.');
  }
}

export class BatchEntryIdsNotDistinct extends SnsError {
  constructor() {
    super('BatchEntryIdsNotDistinct', 'Two or more batch entries in the request have the same Id.');
  }
}

/** Wording from the PublishBatch API reference (not seen in a real answer). */
export class EmptyBatchRequest extends SnsError {
  constructor() {
    super('EmptyBatchRequest', 'The batch request doesn\'t contain any entries.');
  }
}

/** Wording from the PublishBatch API reference (not seen in a real answer). */
export class InvalidBatchEntryId extends SnsError {
  constructor() {
    super('InvalidBatchEntryId', 'The Id of a batch entry in a batch request doesn\'t abide by the specification.');
  }
}

/** Wording from the PublishBatch API reference (not seen in a real answer). */
export class BatchRequestTooLong extends SnsError {
  constructor() {
    super('BatchRequestTooLong', 'The length of all the messages put together is more than the limit.');
  }
}

/** Wording of the query services' common errors page. */
export class InvalidAction extends SnsError {
  constructor(action: string) {
    super('InvalidAction', invalidActionMessage(action));
  }
}

/** A refused signature, with the code SNS answers. */
export function signatureRejected(rejected: SigV4Rejected): SnsError {
  return authError(queryAuthError(rejected));
}

/** A request that carries no signature at all. */
export function notSigned(): SnsError {
  return authError(missingAuthentication());
}

function authError(refusal: QueryAuthError): SnsError {
  return new SnsError(refusal.code, refusal.message, refusal.type, refusal.status);
}
