// The UID of an event's calendar objects (RFC 5545 section 3.8.4.7): globally unique and the
// same for every REQUEST, update and CANCEL of the event, so that clients update the entry
// they have instead of adding one; a REPLY carries it back (and finds the event by it).
import { MalformedInputError } from '../errors';

const DOMAIN = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const EVENT_ID = /^[A-Za-z0-9._~-]+$/;

/** `<eventId>@<mailDomain>`, e.g. `evt-1@calendar.example`. */
export function eventUid(eventId: string, mailDomain: string): string {
  if (!EVENT_ID.test(eventId)) throw new MalformedInputError(`event id ${JSON.stringify(eventId)} cannot be part of a UID`);
  return `${eventId}@${checkedDomain(mailDomain)}`;
}

/** The event id of a UID this service made, or undefined for someone else's UID. */
export function eventIdOfUid(uid: string, mailDomain: string): string | undefined {
  const suffix = `@${mailDomain.toLowerCase()}`;
  if (!uid.toLowerCase().endsWith(suffix)) return undefined;
  const id = uid.slice(0, -suffix.length);
  return EVENT_ID.test(id) ? id : undefined;
}

/** A host name (letters, digits, hyphens, dots); a MalformedInputError otherwise. */
export function checkedDomain(mailDomain: string): string {
  if (!DOMAIN.test(mailDomain) || mailDomain.length > 253) throw new MalformedInputError(`mail domain ${JSON.stringify(mailDomain)} is not a host name`);
  return mailDomain;
}
