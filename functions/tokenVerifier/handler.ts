// AppSync Lambda data source behind rsvp: the attendee an invitation token stands for, or
// null. The token key stays in Secrets Manager; APPSYNC_JS could not compute an HMAC anyway.
import { readAttendeeToken } from '../lib/tokens/attendeeTokens';
import { tokenKey } from '../lib/tokens/tokenKey';

export async function handler(event: { token?: unknown }): Promise<{ eventId: string; email: string } | null> {
  if (typeof event?.token !== 'string') return null;
  return readAttendeeToken(await tokenKey(), event.token);
}
