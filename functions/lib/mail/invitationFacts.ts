// What an invitation mail says, gathered once from the input and cleaned once, so that the
// subject, the text part and the HTML part say the same thing (and only the HTML renderer
// has to escape).
import { mailAddress } from '../calendar/calAddress';
import type { ItipEvent } from '../calendar/buildItip';
import { multiLineText, singleLineText } from '../calendar/plainText';
import { eventWhen, eventZone } from './eventWhen';
import { webLink } from './webLink';

export type InvitationKind = 'invitation' | 'update' | 'cancellation';

/** Links to show; each must be an absolute http(s) URL. */
export type InvitationLinks = {
  yes?: string;
  maybe?: string;
  no?: string;
  /** The attendee's own page (token-bearing): answer, or change the answer. */
  rsvpPage?: string;
};

export type InvitationFacts = {
  kind: InvitationKind;
  title: string;
  /** "Tue Mar 10, 2026 14:00–15:30" in the event's zone. */
  when: string;
  /** "Europe/Paris, UTC+01:00". */
  zone: string;
  timeZone: string;
  where?: string;
  /** The organizer's name, else their email, else undefined. */
  organizer?: string;
  description?: string;
  /** Why the event was cancelled, when given. */
  reason?: string;
  /** Cancellations show none. */
  links: InvitationLinks;
  /** Where calendar clients send their answers. */
  rsvpAddress: string;
};

export type FactsInput = {
  kind: InvitationKind;
  event: ItipEvent;
  organizer: { name?: string | null; email?: string | null };
  rsvpAddress: string;
  links?: InvitationLinks;
  reason?: string | null;
};

export function invitationFacts(input: FactsInput): InvitationFacts {
  const { event } = input;
  const links: InvitationLinks = {};
  if (input.kind !== 'cancellation') {
    for (const key of ['yes', 'maybe', 'no', 'rsvpPage'] as const) {
      const link = input.links?.[key];
      if (link) links[key] = webLink(link, `the ${key} link`);
    }
  }
  return {
    kind: input.kind,
    title: singleLineText(event.title) || '(no title)',
    when: eventWhen(event),
    zone: eventZone(event),
    timeZone: event.timeZone,
    where: singleLineText(event.location) || undefined,
    organizer: singleLineText(input.organizer.name) || singleLineText(input.organizer.email) || undefined,
    description: multiLineText(event.description) || undefined,
    reason: input.kind === 'cancellation' ? multiLineText(input.reason) || undefined : undefined,
    links,
    rsvpAddress: mailAddress(input.rsvpAddress, 'the RSVP address'),
  };
}
