// The SES message tags an invitation is sent with (the invite dispatcher sets them as
// EmailTags; the configuration set's event records carry them back in mail.tags). They are
// how feedback about a mail finds the attendee it was for.
// https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html (mail.tags)

export const INVITATION_TAGS = {
  purpose: 'purpose',
  eventId: 'eventId',
  organizerId: 'organizerId',
} as const;

/** The `purpose` tag's value on invitations (and their updates and cancellations). */
export const INVITATION_PURPOSE = 'invitation';

/** Tags as event records list them: each name with its values. */
export type MailTags = Readonly<Record<string, readonly string[]>>;

/** The event an invitation was for, or null when the mail is not an invitation (or names none). */
export function invitationEventId(tags: MailTags): string | null {
  const one = (name: string) => {
    const values = tags[name];
    return values && values.length === 1 && values[0]!.trim() ? values[0]!.trim() : null;
  };
  if (one(INVITATION_TAGS.purpose) !== INVITATION_PURPOSE) return null;
  return one(INVITATION_TAGS.eventId);
}
