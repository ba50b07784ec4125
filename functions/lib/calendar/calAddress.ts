// Email addresses as calendar users (RFC 5545 section 3.3.3, CAL-ADDRESS: a `mailto:` URI).
// An address goes into a URI, a content line and a mail header, so anything that could end
// or split one of those is refused rather than cleaned: a changed address would reach someone else.
import { MalformedInputError } from '../errors';

/**
 * One `@`, something on each side, and none of: whitespace, controls, or the characters
 * that delimit URIs, parameters and header addresses (`<>()[]",;:\`).
 */
const ADDRESS = /^[^\s\u0000-\u001F\u007F-\u009F<>()[\]",;:\\@]+@[^\s\u0000-\u001F\u007F-\u009F<>()[\]",;:\\@]+$/;

/** The address, trimmed; a MalformedInputError naming `what` when it is not a plain address. */
export function mailAddress(address: string, what: string): string {
  const trimmed = address.trim();
  if (!ADDRESS.test(trimmed) || trimmed.length > 254) {
    throw new MalformedInputError(`${what} is not a plain email address: ${JSON.stringify(address.slice(0, 100))}`);
  }
  return trimmed;
}

/** A CAL-ADDRESS value: `mailto:ada@example.com`. */
export function calAddress(address: string): string {
  return `mailto:${address}`;
}

/** Whether two addresses are the same mailbox for our purposes (the domain is case-insensitive, and in practice so is the local part). */
export function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
