// Whom an emailed event request invites: the VEVENT's own ATTENDEEs (never a VALARM's),
// `mailto:` addresses with their CN as the name. The organizer is not invited to their own
// event (clients list them as an ATTENDEE too), nor are our own addresses (an organizer may
// invite the requests address to get the event to us): `skip` says which.
// Each address once, in the calendar's order; a non-mailto ATTENDEE (a URN, a phone) is counted apart.
import ICAL from 'ical.js';
import { mailtoAddress } from './parseReply';

export type RequestAttendee = { email: string; name: string | null };

export type RequestAttendees = {
  attendees: RequestAttendee[];
  /** ATTENDEE values that are no mailto: address, as written: reported as invalid. */
  notMailto: string[];
};

export function requestAttendees(vevent: ICAL.Component, skip: (email: string) => boolean): RequestAttendees {
  const seen = new Set<string>();
  const attendees: RequestAttendee[] = [];
  const notMailto: string[] = [];
  for (const property of vevent.getAllProperties('attendee')) {
    const value = String(property.getFirstValue() ?? '');
    const email = mailtoAddress(value);
    if (!email) {
      notMailto.push(value.trim());
      continue;
    }
    if (skip(email) || seen.has(email)) continue;
    seen.add(email);
    const cn = property.getParameter('cn');
    const name = typeof cn === 'string' && cn.trim() ? cn.trim() : null;
    attendees.push({ email, name });
  }
  return { attendees, notMailto };
}
