// One attendee's invitation, update or cancellation as an iMIP message (RFC 6047), raw MIME
// ready for SES v2 SendEmail (Content.Raw.Data):
//
//   multipart/mixed
//     multipart/alternative
//       text/plain; charset=utf-8
//       text/html; charset=utf-8
//       text/calendar; charset=utf-8; method=REQUEST (or CANCEL), base64
//     application/ics; name=invite.ics (attachment), base64
//
// The calendar part's `method` parameter equals the object's METHOD (RFC 6047 section 2.4;
// Outlook and Thunderbird need it, itip.md section 4). base64 keeps the calendar's CRLF
// lines and UTF-8 intact on any path (no 8BITMIME needed, no quoted-printable soft breaks).
// MailComposer (nodemailer) writes the MIME tree and encodes headers (RFC 2047); user text
// reaches headers only through singleLineText, so it cannot carry a line break into them.
import MailComposer from 'nodemailer/lib/mail-composer';
import { mailAddress } from '../calendar/calAddress';
import { buildItip, type ItipInput, type ItipMethod } from '../calendar/buildItip';
import { cut, singleLineText } from '../calendar/plainText';
import { invitationFacts, type InvitationKind, type InvitationLinks } from './invitationFacts';
import { invitationHtml } from './invitationHtml';
import { invitationMessageId } from './invitationMessageId';
import { invitationSubject } from './invitationSubject';
import { invitationText } from './invitationText';
import { SERVICE_NAME } from './invitationWords';
import { webLink } from './webLink';

/** Organizer names past this are cut in the From display name. */
export const FROM_NAME_MAX_LENGTH = 64;
export const ATTACHMENT_NAME = 'invite.ics';

export type InvitationMailInput = ItipInput & {
  /** invitation and update send METHOD:REQUEST, cancellation METHOD:CANCEL. */
  kind: InvitationKind;
  /** SENDER: the From address (an SES identity); shown as "<organizer> via Calendar Invites". */
  sender: string;
  /** Reply-To; default: rsvpAddress, the ORGANIZER address (see functions/README.md). */
  replyTo?: string;
  /** Answer links and the attendee's RSVP page, shown when given (not in cancellations). */
  links?: InvitationLinks;
  /**
   * One-click unsubscribe URL (RFC 8058): `List-Unsubscribe: <url>`, and
   * `List-Unsubscribe-Post: List-Unsubscribe=One-Click` when it is https (RFC 8058 section 3.1 requires it).
   */
  unsubscribeUrl?: string;
  /** A cancellation's reason: in the text, the HTML and the calendar's COMMENT. */
  reason?: string | null;
};

export type ComposedInvitation = {
  /** The whole message, CRLF line ends: SendEmail's Content.Raw.Data. */
  raw: Buffer;
  /** The Message-ID header's value, `<...>`; the same input always gives the same id. */
  messageId: string;
  subject: string;
  method: ItipMethod;
  /** The iCalendar object, as in the calendar part and the attachment. */
  ics: string;
};

/**
 * @example
 * const { raw, messageId } = await composeInvitation({
 *   kind: 'invitation',
 *   event, // EventRecord or EventView
 *   organizer: { name: 'Ada Lovelace', email: 'ada@example.com' },
 *   attendee: { email: 'grace@example.com', name: 'Grace Hopper' },
 *   sender: env.SENDER, rsvpAddress: env.RSVP_EMAIL, mailDomain: env.MAIL_DOMAIN,
 *   links: { yes, maybe, no, rsvpPage },
 *   unsubscribeUrl,
 *   now: new Date(),
 * });
 * await sesv2().send(new SendEmailCommand({ Content: { Raw: { Data: raw } } }));
 */
export async function composeInvitation(input: InvitationMailInput): Promise<ComposedInvitation> {
  const method: ItipMethod = input.kind === 'cancellation' ? 'CANCEL' : 'REQUEST';
  const ics = buildItip(method, input);
  const facts = invitationFacts(input);
  const subject = invitationSubject(facts);
  const attendee = mailAddress(input.attendee.email, 'the attendee');
  const messageId = invitationMessageId(input.kind, input.event.id, input.event.sequence, attendee, input.mailDomain);
  const organizer = singleLineText(input.organizer.name) || singleLineText(input.organizer.email);

  const composer = new MailComposer({
    from: { name: organizer ? `${cut(organizer, FROM_NAME_MAX_LENGTH)} via ${SERVICE_NAME}` : SERVICE_NAME, address: mailAddress(input.sender, 'the sender') },
    to: { name: singleLineText(input.attendee.name), address: attendee },
    replyTo: mailAddress(input.replyTo ?? input.rsvpAddress, 'the Reply-To address'),
    subject,
    messageId,
    date: input.now,
    headers: unsubscribeHeaders(input.unsubscribeUrl),
    text: invitationText(facts),
    html: invitationHtml(facts),
    alternatives: [{ contentType: `text/calendar; charset=utf-8; method=${method}`, content: ics, contentTransferEncoding: 'base64' }],
    attachments: [{ filename: ATTACHMENT_NAME, contentType: 'application/ics', content: ics, contentTransferEncoding: 'base64' }],
    newline: 'win',
  });
  const raw = await composer.compile().build();
  return { raw, messageId, subject, method, ics };
}

function unsubscribeHeaders(url: string | undefined): Record<string, string> | undefined {
  if (!url) return undefined;
  const link = webLink(url, 'the unsubscribe URL');
  return link.startsWith('https:') ? { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : { 'List-Unsubscribe': `<${link}>` };
}
