// An SES event record as it arrives on the feedback queue (raw delivery from the feedback
// topic: the SQS body is the record SES published), reduced to what the feedback rules read.
// A body in SNS's envelope (a subscription without raw delivery) is unwrapped first.
// Identity notifications (`notificationType`, no tags) are read the same way as event
// records (`eventType`). Anything that is not a record SES publishes is malformed: no retry
// can make it one.
// https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html ;
// https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html
import { normalizeEmail } from '../../resolvers/lib/keys';
import { MalformedInputError } from '../lib/errors';
import type { MailTags } from '../lib/mail/invitationTags';

/** bounceType values SES documents; anything else is read as Undetermined. */
export const BOUNCE_TYPES = ['Permanent', 'Transient', 'Undetermined'] as const;
export type BounceType = (typeof BOUNCE_TYPES)[number];

type Common = {
  /** SES's message id of the mail the record is about. */
  messageId: string;
  tags: MailTags;
};

export type BouncedRecipient = { email: string; diagnostic: string | null };

export type SesFeedback =
  | (Common & { type: 'Bounce'; bounceType: BounceType; bounceSubType: string; recipients: BouncedRecipient[] })
  | (Common & { type: 'Complaint'; feedbackType: string | null; subType: string | null; recipients: string[] })
  | (Common & { type: 'Reject'; reason: string | null; recipients: string[] })
  /** Delivery, Send, Open, Click, ...: nothing the feedback rules act on. */
  | (Common & { type: 'Other'; eventType: string });

type Json = Record<string, unknown>;

export function parseFeedback(body: string): SesFeedback {
  let record = object(json(body, 'The message'), 'The message');
  if (record.Type === 'Notification' && typeof record.Message === 'string') record = object(json(record.Message, "The SNS envelope's Message"), "The SNS envelope's Message");

  const eventType = record.eventType ?? record.notificationType;
  if (typeof eventType !== 'string' || !eventType) throw new MalformedInputError('The record has no eventType (or notificationType): it is not an SES event record.');
  const mail = object(record.mail, "The record's mail");
  if (typeof mail.messageId !== 'string' || !mail.messageId) throw new MalformedInputError("The record's mail has no messageId.");
  const common: Common = { messageId: mail.messageId, tags: tagsOf(mail.tags) };

  switch (eventType) {
    case 'Bounce': {
      const bounce = object(record.bounce, "A Bounce record's bounce");
      const bounceType = (BOUNCE_TYPES as readonly unknown[]).includes(bounce.bounceType) ? (bounce.bounceType as BounceType) : 'Undetermined';
      const recipients = list(bounce.bouncedRecipients, 'bounce.bouncedRecipients').map((r, i) => {
        const recipient = object(r, `bounce.bouncedRecipients[${i}]`);
        return { email: address(recipient.emailAddress, `bounce.bouncedRecipients[${i}].emailAddress`), diagnostic: text(recipient.diagnosticCode) };
      });
      return { ...common, type: 'Bounce', bounceType, bounceSubType: text(bounce.bounceSubType) ?? 'Undetermined', recipients };
    }
    case 'Complaint': {
      const complaint = object(record.complaint, "A Complaint record's complaint");
      const recipients = list(complaint.complainedRecipients, 'complaint.complainedRecipients').map((r, i) =>
        address(object(r, `complaint.complainedRecipients[${i}]`).emailAddress, `complaint.complainedRecipients[${i}].emailAddress`),
      );
      return { ...common, type: 'Complaint', feedbackType: text(complaint.complaintFeedbackType), subType: text(complaint.complaintSubType), recipients };
    }
    case 'Reject': {
      const reject = record.reject === undefined ? {} : object(record.reject, "A Reject record's reject");
      const recipients = list(mail.destination, 'mail.destination').map((d, i) => address(d, `mail.destination[${i}]`));
      return { ...common, type: 'Reject', reason: text(reject.reason), recipients };
    }
    default:
      return { ...common, type: 'Other', eventType };
  }
}

/** `Name <a@b>` or `a@b`, trimmed and lower-cased as the table keys addresses. */
export function recipientAddress(value: string): string | null {
  const bare = (/<([^<>]*)>\s*$/.exec(value)?.[1] ?? value).trim();
  const at = bare.lastIndexOf('@');
  if (at <= 0 || at === bare.length - 1 || /\s/.test(bare)) return null;
  return normalizeEmail(bare);
}

function json(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedInputError(`${what} is not JSON (${(error as Error).message}).`, { cause: error });
  }
}

function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MalformedInputError(`${what} is not a JSON object.`);
  return value as Json;
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0) throw new MalformedInputError(`${what} must be a non-empty list.`);
  return value;
}

function address(value: unknown, what: string): string {
  const email = typeof value === 'string' ? recipientAddress(value) : null;
  if (!email) throw new MalformedInputError(`${what} is not an email address.`);
  return email;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** mail.tags: `{ name: [values] }`; absent on identity notifications. Malformed entries are left out. */
function tagsOf(value: unknown): MailTags {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const tags: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(value)) {
    if (Array.isArray(values)) tags[name] = values.filter((v): v is string => typeof v === 'string');
    else if (typeof values === 'string') tags[name] = [values];
  }
  return tags;
}
