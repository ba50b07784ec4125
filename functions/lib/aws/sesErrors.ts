// Which SES (API v2) send errors no retry can fix: the message itself is refused (a bad
// address, content SES will not send). Everything else (throttling, the daily quota, a
// paused account, network and server errors) is retried, and ends in the queue's DLQ if it
// lasts, where an operator can redrive it.
import { BadRequestException, MessageRejected } from '@aws-sdk/client-sesv2';
import { PermanentError } from '../lib/errors';

const PERMANENT: readonly (abstract new (...args: never[]) => Error)[] = [MessageRejected, BadRequestException];

/** A PermanentError for an SES error no retry can fix; the error unchanged otherwise. */
export function classifySendError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  // By class; by name as well, in case the SDK the runtime provides is another copy.
  const name = error.name;
  const permanent = PERMANENT.some((type) => error instanceof type || name === type.name);
  return permanent ? new PermanentError(`SES refused the message: ${error.name}: ${error.message}`, { cause: error }) : error;
}
