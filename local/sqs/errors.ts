// SQS's errors, one class per AWS error. Each carries the name SDKs show (`__type` after the
// `#`), the legacy query code SQS still sends in `x-amzn-query-error` and in query-protocol
// answers, the HTTP status and the fault side.
//
// Codes and statuses of the modelled errors are the service model's `awsQueryError` traits
// (as @aws-sdk/client-sqs 3.1175 ships them in dist-es/schemas/schemas_0.js; the same model
// drives https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/CommonErrors.html
// and each API page). The JSON shape is
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-json-api-responses.html.
// Message texts: where a text was seen in AWS's documentation or a real response it says so;
// the others are marked "(local wording)".

import type { QueryAuthError, QueryAuthErrorCode } from '../shared/awsQuery/auth';
import type { QueryFault } from '../shared/awsQuery/errors';

/** Namespace of `__type` for SQS's modelled errors. */
const SQS_NAMESPACE = 'com.amazonaws.sqs';
/**
 * Namespace of `__type` for the errors every AWS JSON service shares (auth, parameters).
 * Not seen in a real SQS JSON answer; SDKs only read the part after `#`, and SQS clients take
 * the code from `x-amzn-query-error` first.
 */
const COMMON_NAMESPACE = 'com.amazon.coral.service';

export abstract class SqsError extends Error {
  /** The error's name in the JSON protocol (`__type`) and in SDK v3 (`e.name`). */
  abstract readonly code: string;
  /** The query-protocol code (`x-amzn-query-error`, `<Code>`); the same as `code` unless the model says otherwise. */
  get queryCode(): string {
    return this.code;
  }
  abstract readonly status: number;
  readonly fault: QueryFault = 'Sender';
  protected readonly namespace: string = SQS_NAMESPACE;

  get type(): string {
    return `${this.namespace}#${this.code}`;
  }
}

// ---- Modelled SQS errors (awsQueryError codes and statuses from the service model) ----

export class QueueDoesNotExist extends SqsError {
  readonly code = 'QueueDoesNotExist';
  override get queryCode() {
    return 'AWS.SimpleQueueService.NonExistentQueue';
  }
  readonly status = 400;
  // Text of the JSON error example in sqs-json-api-responses.html.
  constructor(message = 'The specified queue does not exist.') {
    super(message);
    this.name = this.code;
  }
}

export class QueueDeletedRecently extends SqsError {
  readonly code = 'QueueDeletedRecently';
  override get queryCode() {
    return 'AWS.SimpleQueueService.QueueDeletedRecently';
  }
  readonly status = 400;
  constructor(queueName: string) {
    // The model's documentation: "You must wait 60 seconds after deleting a queue before you
    // can create another queue with the same name." (local wording around it)
    super(`You must wait 60 seconds after deleting a queue before you can create another with the same name (${queueName}).`);
    this.name = this.code;
  }
}

export class QueueNameExists extends SqsError {
  readonly code = 'QueueNameExists';
  override get queryCode() {
    return 'QueueAlreadyExists';
  }
  readonly status = 400;
  constructor(attribute: string) {
    // (local wording)
    super(`A queue already exists with the same name and a different value for attribute ${attribute}`);
    this.name = this.code;
  }
}

export class ReceiptHandleIsInvalid extends SqsError {
  readonly code = 'ReceiptHandleIsInvalid';
  readonly status = 404;
  constructor(receiptHandle: string) {
    // Text of https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/troubleshooting-api-errors.html
    super(`The input receipt handle "${receiptHandle}" is not a valid receipt handle.`);
    this.name = this.code;
  }
}

export class MessageNotInflight extends SqsError {
  readonly code = 'MessageNotInflight';
  override get queryCode() {
    return 'AWS.SimpleQueueService.MessageNotInflight';
  }
  readonly status = 400;
  constructor() {
    // (local wording)
    super('Message does not exist or is not available for visibility timeout change.');
    this.name = this.code;
  }
}

export class PurgeQueueInProgress extends SqsError {
  readonly code = 'PurgeQueueInProgress';
  override get queryCode() {
    return 'AWS.SimpleQueueService.PurgeQueueInProgress';
  }
  readonly status = 403;
  constructor(queueName: string) {
    // The text real SQS answers (quoted in many client projects' retry code).
    super(`Only one PurgeQueue operation on ${queueName} is allowed every 60 seconds.`);
    this.name = this.code;
  }
}

export class TooManyEntriesInBatchRequest extends SqsError {
  readonly code = 'TooManyEntriesInBatchRequest';
  override get queryCode() {
    return 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest';
  }
  readonly status = 400;
  constructor(count: number, max: number) {
    super(`Maximum number of entries per request are ${max}. You have sent ${count}.`); // (local wording)
    this.name = this.code;
  }
}

export class BatchEntryIdsNotDistinct extends SqsError {
  readonly code = 'BatchEntryIdsNotDistinct';
  override get queryCode() {
    return 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct';
  }
  readonly status = 400;
  constructor(id: string) {
    super(`Id ${id} repeated.`); // (local wording)
    this.name = this.code;
  }
}

export class EmptyBatchRequest extends SqsError {
  readonly code = 'EmptyBatchRequest';
  override get queryCode() {
    return 'AWS.SimpleQueueService.EmptyBatchRequest';
  }
  readonly status = 400;
  constructor(entryShape: string) {
    super(`There should be at least one ${entryShape} in the request.`); // (local wording)
    this.name = this.code;
  }
}

export class InvalidBatchEntryId extends SqsError {
  readonly code = 'InvalidBatchEntryId';
  override get queryCode() {
    return 'AWS.SimpleQueueService.InvalidBatchEntryId';
  }
  readonly status = 400;
  constructor() {
    // (local wording of the rule in the API reference: alphanumerics, hyphens, underscores, up to 80)
    super('A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.');
    this.name = this.code;
  }
}

export class BatchRequestTooLong extends SqsError {
  readonly code = 'BatchRequestTooLong';
  override get queryCode() {
    return 'AWS.SimpleQueueService.BatchRequestTooLong';
  }
  readonly status = 400;
  constructor(size: number, max: number) {
    super(`Batch requests cannot be longer than ${max} bytes. You have sent ${size} bytes.`); // (local wording)
    this.name = this.code;
  }
}

export class InvalidMessageContents extends SqsError {
  readonly code = 'InvalidMessageContents';
  readonly status = 400;
  constructor(where: string) {
    // The allowed set is the SendMessage API reference's.
    super(
      `Invalid binary character was found in the ${where}, the set of allowed characters is ` +
        '#x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF',
    );
    this.name = this.code;
  }
}

export class InvalidAttributeName extends SqsError {
  readonly code = 'InvalidAttributeName';
  readonly status = 400;
  constructor(name: string) {
    super(`Unknown Attribute ${name}.`); // (local wording)
    this.name = this.code;
  }
}

export class InvalidAttributeValue extends SqsError {
  readonly code = 'InvalidAttributeValue';
  readonly status = 400;
  constructor(name: string, reason?: string) {
    super(`Invalid value for the parameter ${name}.${reason ? ` Reason: ${reason}` : ''}`); // (local wording)
    this.name = this.code;
  }
}

export class InvalidAddress extends SqsError {
  readonly code = 'InvalidAddress';
  readonly status = 404;
  constructor(address: string) {
    super(`The address ${address} is not valid for this endpoint.`); // (local wording)
    this.name = this.code;
  }
}

export class UnsupportedOperation extends SqsError {
  readonly code = 'UnsupportedOperation';
  override get queryCode() {
    return 'AWS.SimpleQueueService.UnsupportedOperation';
  }
  readonly status = 400;
  constructor(message: string) {
    super(message);
    this.name = this.code;
  }
}

// ---- Errors common to AWS services (CommonErrors.html of the SQS API reference) ----

abstract class CommonError extends SqsError {
  protected override readonly namespace = COMMON_NAMESPACE;
}

export class InvalidParameterValue extends CommonError {
  readonly code = 'InvalidParameterValue';
  readonly status = 400;
  constructor(message: string) {
    super(message);
    this.name = this.code;
  }

  /** SQS's usual form: "Value x for parameter Y is invalid. Reason: ...". */
  static of(parameter: string, value: unknown, reason: string): InvalidParameterValue {
    return new InvalidParameterValue(`Value ${String(value)} for parameter ${parameter} is invalid. Reason: ${reason}`);
  }
}

export class MissingParameter extends CommonError {
  readonly code = 'MissingParameter';
  readonly status = 400;
  constructor(parameter: string) {
    super(`The request must contain the parameter ${parameter}.`); // (local wording)
    this.name = this.code;
  }
}

export class InvalidAction extends CommonError {
  readonly code = 'InvalidAction';
  readonly status = 400;
  constructor(action: string) {
    super(`The action ${action} is not valid for this endpoint.`); // (local wording)
    this.name = this.code;
  }
}

/** A body the protocol cannot read (not JSON, wrong member types). */
export class MalformedRequest extends CommonError {
  // AWS JSON services answer SerializationException for an unreadable body; SQS's exact
  // answer was not seen.
  readonly code = 'SerializationException';
  readonly status = 400;
  constructor(message: string) {
    super(message);
    this.name = this.code;
  }
}

/** An unsigned request: SQS treats it as anonymous, and queue policies here allow no one. */
export class AccessDenied extends CommonError {
  readonly code = 'AccessDenied';
  readonly status = 403;
  constructor(resource: string) {
    // The text real SQS sends (seen in AWS re:Post answers and SNS delivery logs).
    super(`Access to the resource ${resource} is denied.`);
    this.name = this.code;
  }
}

/**
 * A refused signature, with the code and status of the query services' common errors
 * (shared/awsQuery/auth.ts): IncompleteSignature (400), InvalidClientTokenId,
 * SignatureDoesNotMatch, ExpiredToken (403).
 */
export class SignatureRejected extends CommonError {
  readonly code: QueryAuthErrorCode;
  readonly status: number;
  constructor(refusal: QueryAuthError) {
    super(refusal.message);
    this.code = refusal.code;
    this.status = refusal.status;
    this.name = this.code;
  }
}

export class InternalFailure extends CommonError {
  readonly code = 'InternalFailure';
  readonly status = 500;
  override readonly fault = 'Receiver' as const;
  constructor(message = 'The request processing has failed because of an unknown error, exception or failure.') {
    super(message);
    this.name = this.code;
  }
}
