// An organizer notice as it arrives on the notice-mail queue (raw delivery: the SQS body is
// the SNS message), checked against what schemas/topics/organizer-notice.schema.json
// requires of it. Anything else is malformed: no retry can make it a notice.
import { MalformedInputError } from '../lib/errors';
import { isNoticeKind, ORGANIZER_NOTICE, type OrganizerNoticeMessage } from '../lib/messages/organizerNotice';
import { SCHEMA_VERSION } from '../lib/messages/topicMessage';

export function parseNotice(body: string): OrganizerNoticeMessage {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new MalformedInputError(`The message is not JSON (${(error as Error).message}).`, { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MalformedInputError('The message is not a JSON object.');
  const message = value as Record<string, unknown>;
  const expect = (name: string, ok: boolean, what: string) => {
    if (!ok) throw new MalformedInputError(`The message's ${name} must be ${what}.`);
  };
  const text = (name: string) => expect(name, typeof message[name] === 'string' && (message[name] as string).trim().length > 0, 'a non-empty string');
  expect('type', message.type === ORGANIZER_NOTICE, ORGANIZER_NOTICE);
  expect('schemaVersion', message.schemaVersion === SCHEMA_VERSION, String(SCHEMA_VERSION));
  for (const name of ['messageId', 'occurredAt', 'organizerId', 'subject', 'message']) text(name);
  expect('kind', isNoticeKind(message.kind), 'a notice kind');
  const details = message.details;
  expect('details', typeof details === 'object' && details !== null && !Array.isArray(details), 'an object');
  return message as OrganizerNoticeMessage;
}
