// The checks Publish and PublishBatch make on a message before it goes to subscribers, and the
// per-protocol text of a MessageStructure=json message.
// https://docs.aws.amazon.com/sns/latest/api/API_Publish.html ; error texts recorded from real
// answers (LocalStack's AWS-validated snapshot test_sns.snapshot.json: test_empty_sns_message,
// test_publish_with_empty_subject, test_publish_too_long_message, test_message_structure_json_exc).
import { InvalidParameter } from './errors';
import { attributesSize, checkMessageAttributes, type MessageAttributes, type RawMessageAttributes } from './messageAttributes';
import type { Protocol } from './subscription';

/** "The maximum message size is 256 KB" — message and attributes together (API_Publish.html). */
export const MAX_MESSAGE_BYTES = 262_144;
/** "Subjects must be ASCII text ... and must be less than 100 characters long" (API_Publish.html). */
export const MAX_SUBJECT_LENGTH = 100;

export type MessageInput = {
  message?: string;
  subject?: string;
  messageStructure?: string;
  messageAttributes?: RawMessageAttributes;
  messageGroupId?: string;
  messageDeduplicationId?: string;
};

export type PreparedMessage = {
  message: string;
  /** MessageStructure=json: the text per protocol key (`default`, `sqs`, `lambda`, `http`, ...). */
  perProtocol?: Record<string, string>;
  subject?: string;
  attributes: MessageAttributes;
  messageGroupId?: string;
  messageDeduplicationId?: string;
};

export function prepareMessage(input: MessageInput, attributesPath = 'messageAttributes'): PreparedMessage {
  if (input.message === undefined || input.message === '') throw new InvalidParameter('Empty message');
  if (input.subject !== undefined && !validSubject(input.subject)) throw new InvalidParameter('Subject');
  const attributes = checkMessageAttributes(input.messageAttributes, attributesPath);
  if (Buffer.byteLength(input.message) + attributesSize(attributes) > MAX_MESSAGE_BYTES) throw new InvalidParameter('Message too long');
  let perProtocol: Record<string, string> | undefined;
  if (input.messageStructure !== undefined && input.messageStructure !== '') {
    if (input.messageStructure !== 'json') throw new InvalidParameter('MessageStructure'); // wording not recorded
    perProtocol = parseStructure(input.message);
  }
  return {
    message: input.message,
    perProtocol,
    subject: input.subject,
    attributes,
    messageGroupId: input.messageGroupId,
    messageDeduplicationId: input.messageDeduplicationId,
  };
}

/** The text a subscriber of this protocol receives. */
export function messageFor(prepared: PreparedMessage, protocol: Protocol): string {
  if (!prepared.perProtocol) return prepared.message;
  return prepared.perProtocol[protocol] ?? prepared.perProtocol.default!;
}

/**
 * "If you set MessageStructure to json, the value of the Message parameter must: be a
 * syntactically valid JSON object; and contain at least a top-level JSON key of 'default' with
 * a value that is a string." Keys whose value is not a string are ignored (a non-string
 * "default" is answered like a missing one in the recorded answers).
 */
function parseStructure(message: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    throw new InvalidParameter('Message Structure - JSON message body failed to parse');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidParameter('Message Structure - JSON message body failed to parse');
  }
  const texts: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') texts[key] = value;
  if (texts.default === undefined) throw new InvalidParameter('Message Structure - No default entry in JSON message body');
  return texts;
}

/** ASCII, starting with a letter, digit or punctuation, no line breaks or control characters, under 100 characters. */
function validSubject(subject: string): boolean {
  return subject.length > 0 && subject.length < MAX_SUBJECT_LENGTH && /^[\x21-\x7e][\x20-\x7e]*$/.test(subject);
}
