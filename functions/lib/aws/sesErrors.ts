// Which SES (API v2) send errors no retry can fix: the message itself is refused (a bad
// address, content SES will not send). Everything else (throttling, the daily quota, a
// paused account, network and server errors) is retried, and ends in the queue's DLQ if it
// lasts, where an operator can redrive it.
import { BadRequestException, MessageRejected } from '@aws-sdk/client-sesv2';
import { PermanentError } from '../errors';

const PERMANENT: readonly (abstract new (...args: never[]) => Error)[] = [MessageRejected, BadRequestException];

/** A PermanentError for an SES error no retry can fix; the error unchanged otherwise. */
export function classifySendError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  // By class; by name as well, in case the SDK the runtime provides is another copy.
  const name = error.name;
  const permanent = PERMANENT.some((type) => error instanceof type || name === type.name);
  return permanent ? new PermanentError(`SES refused the message: ${error.name}: ${error.message}`, { cause: error }) : error;
}

// SES's sending-rate refusal (TooManyRequestsException, HTTP 429, "Maximum sending rate
// exceeded") and the SDK's generic throttling names: worth a wait and another try soon.
const THROTTLING = new Set(['TooManyRequestsException', 'Throttling', 'ThrottlingException']);

/** Whether SES refused a send for its rate: slow down and try again. */
export function isThrottling(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return THROTTLING.has(e?.name ?? '') || e?.$metadata?.httpStatusCode === 429;
}
