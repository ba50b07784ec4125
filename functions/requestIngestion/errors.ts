// Failures of an emailed import or RSVP that no retry can fix (STYLE.md: decided by class,
// never by message). All are PermanentErrors: the claim is marked DROPPED and the reason
// logged. Anything else thrown by a port is worth a retry.
import { PermanentError } from '../lib/errors';

/**
 * startImport refused the import as a whole (the event is another organizer's, cancelled or
 * gone; the organizer suspended; the input invalid): every attachment of the message would
 * meet the same refusal, so none is tried after it.
 */
export class ImportRefusedError extends PermanentError {
  /** The API's stable errorType (`Unauthorized`, `Conflict`, `NotFound`, ...). */
  readonly errorType: string;

  constructor(message: string, errorType: string) {
    super(message);
    this.name = 'ImportRefusedError';
    this.errorType = errorType;
  }
}

/** The imports bucket refused the upload with a client error (4xx) no retry changes. */
export class UploadRefusedError extends PermanentError {
  readonly status: number;

  constructor(status: number, body: string) {
    super(`The upload was refused with HTTP ${status}: ${body.slice(0, 200)}`);
    this.name = 'UploadRefusedError';
    this.status = status;
  }
}

/**
 * recordEmailRsvp refused the reply for good: the attendee is not invited (or the event is
 * gone), the reply is older than the answer recorded, or the event is cancelled.
 */
export class RsvpRefusedError extends PermanentError {
  /** The API's stable errorType (`NotFound`, `Conflict`, `ValidationError`). */
  readonly errorType: string;
  /** errorInfo.reason when the API gives one (`STALE_REPLY`, `EVENT_CANCELLED`). */
  readonly reason: string | null;

  constructor(message: string, errorType: string, reason: string | null) {
    super(message);
    this.name = 'RsvpRefusedError';
    this.errorType = errorType;
    this.reason = reason;
  }
}

/**
 * The API refused an emailed event request's mutation for good (createEvent: the input is
 * invalid, the organizer suspended or at a limit; inviteAttendees: a limit, a cancelled
 * event). The organizer is told the errorType and the message.
 */
export class EventRequestRefusedError extends PermanentError {
  /** The API's stable errorType (`ValidationError`, `LimitExceeded`, `Unauthorized`, ...). */
  readonly errorType: string;

  constructor(message: string, errorType: string) {
    super(message);
    this.name = 'EventRequestRefusedError';
    this.errorType = errorType;
  }
}
