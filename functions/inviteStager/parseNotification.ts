// A notifications-queue message: the SNS envelope (the subscription is not raw) around an
// EVENT_UPDATED or EVENT_CANCELLATION_REQUEST message. Only what staging needs is checked;
// anything else is malformed (a retry cannot fix it).
import { MalformedInputError } from '../lib/errors';
import { EVENT_CANCELLATION_REQUEST } from '../lib/messages/eventCancellationRequest';
import { EVENT_UPDATED } from '../lib/messages/eventUpdated';
import { SCHEMA_VERSION } from '../lib/messages/topicMessage';

export type StagingRequest = {
  type: typeof EVENT_UPDATED | typeof EVENT_CANCELLATION_REQUEST;
  eventId: string;
  /** The SEQUENCE the mails carry. */
  sequence: number;
  /** The topic message's id: one staging per id. */
  messageId: string;
};

export function parseNotification(body: string): StagingRequest {
  const envelope = json(body, 'the queue message');
  const inner = typeof envelope.Message === 'string' ? json(envelope.Message, 'the SNS Message') : envelope;
  if (inner.type !== EVENT_UPDATED && inner.type !== EVENT_CANCELLATION_REQUEST) throw new MalformedInputError(`type ${JSON.stringify(inner.type)} is not staged`);
  if (inner.schemaVersion !== SCHEMA_VERSION) throw new MalformedInputError(`schemaVersion ${JSON.stringify(inner.schemaVersion)} is not ${SCHEMA_VERSION}`);
  if (typeof inner.eventId !== 'string' || !inner.eventId) throw new MalformedInputError('eventId must be a non-empty string');
  if (!Number.isInteger(inner.sequence) || (inner.sequence as number) < 0) throw new MalformedInputError('sequence must be an integer of 0 or more');
  if (typeof inner.messageId !== 'string' || !inner.messageId) throw new MalformedInputError('messageId must be a non-empty string');
  return { type: inner.type, eventId: inner.eventId, sequence: inner.sequence as number, messageId: inner.messageId };
}

function json(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MalformedInputError(`${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MalformedInputError(`${what} is not a JSON object`);
  return value as Record<string, unknown>;
}
