// The two tokens an invitation carries: the attendee's (RSVP by API and by link) and the
// unsubscribe token (the address, for this organizer's future invitations).
import { normalizeEmail } from '../../../resolvers/lib/keys';
import { signToken, verifyToken } from './signedToken';

export function attendeeToken(key: Uint8Array, eventId: string, email: string): string {
  return signToken(key, 'attendee', [eventId, normalizeEmail(email)]);
}

/** The attendee a token stands for (address normalized), or null when it is not one of ours. */
export function readAttendeeToken(key: Uint8Array, token: string): { eventId: string; email: string } | null {
  const claims = verifyToken(key, 'attendee', token);
  return claims && { eventId: claims[0], email: claims[1] };
}

export function unsubscribeToken(key: Uint8Array, organizerId: string, email: string): string {
  return signToken(key, 'unsubscribe', [organizerId, normalizeEmail(email)]);
}

export function readUnsubscribeToken(key: Uint8Array, token: string): { organizerId: string; email: string } | null {
  const claims = verifyToken(key, 'unsubscribe', token);
  return claims && { organizerId: claims[0], email: claims[1] };
}
