import { describe, expect, it } from 'vitest';
import { MalformedInputError } from '../../../../functions/lib/errors';
import { parseNotification } from '../../../../functions/inviteStager/parseNotification';
import { eventChangeMessage } from '../../../../functions/streamPublisher/eventChange';
import { makeEvent } from '../../../helpers/streamRecords';

const before = makeEvent({ sequence: 2, version: 4 });
const updated = eventChangeMessage(before, makeEvent({ sequence: 3, version: 5, title: 'Launch party (moved)' }))!;
const cancelled = eventChangeMessage(before, makeEvent({ sequence: 3, version: 5, status: 'CANCELLED', cancelReason: 'Rain', cancelledAt: '2030-01-05T10:00:00.000Z' }))!;

/** The queue message an SNS subscription without raw delivery hands the queue. */
function snsEnvelope(message: unknown): string {
  return JSON.stringify({
    Type: 'Notification',
    MessageId: '6e2b0b5e-0000-4000-8000-000000000001',
    TopicArn: 'arn:aws:sns:us-east-1:000000000000:EventUpdated',
    Message: typeof message === 'string' ? message : JSON.stringify(message),
    Timestamp: '2030-01-05T10:00:01.000Z',
    SignatureVersion: '1',
    Signature: 'c2ln',
    SigningCertURL: 'https://sns.us-east-1.amazonaws.com/cert.pem',
    UnsubscribeURL: 'https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe',
    MessageAttributes: { type: { Type: 'String', Value: 'EVENT_UPDATED' } },
  });
}

function refusal(body: string): string {
  try {
    parseNotification(body);
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedInputError);
    return (error as Error).message;
  }
  throw new Error(`accepted: ${body}`);
}

describe('parseNotification', () => {
  it('reads the stream publisher’s EVENT_UPDATED out of its SNS envelope', () => {
    expect(updated.type).toBe('EVENT_UPDATED');
    expect(parseNotification(snsEnvelope(updated))).toEqual({ type: 'EVENT_UPDATED', eventId: 'evt-1', sequence: 3, messageId: 'EVENT_UPDATED#evt-1#3' });
  });

  it('reads an EVENT_CANCELLATION_REQUEST the same way', () => {
    expect(cancelled.type).toBe('EVENT_CANCELLATION_REQUEST');
    expect(parseNotification(snsEnvelope(cancelled))).toEqual({ type: 'EVENT_CANCELLATION_REQUEST', eventId: 'evt-1', sequence: 3, messageId: 'EVENT_CANCELLATION_REQUEST#evt-1#3' });
  });

  it('reads a message delivered raw (no envelope) too', () => {
    expect(parseNotification(JSON.stringify(updated))).toMatchObject({ type: 'EVENT_UPDATED', sequence: 3 });
  });

  it('refuses what is not JSON, outside or inside the envelope', () => {
    expect(refusal('not json')).toBe('the queue message is not JSON');
    expect(refusal('[1]')).toBe('the queue message is not a JSON object');
    expect(refusal(snsEnvelope('not json'))).toBe('the SNS Message is not JSON');
    expect(refusal(snsEnvelope('null'))).toBe('the SNS Message is not a JSON object');
  });

  it('refuses other message types and schema versions', () => {
    expect(refusal(snsEnvelope({ ...updated, type: 'ORGANIZER_NOTICE' }))).toBe('type "ORGANIZER_NOTICE" is not staged');
    expect(refusal(snsEnvelope({ ...updated, type: undefined }))).toBe('type undefined is not staged');
    expect(refusal(snsEnvelope({ ...updated, schemaVersion: 2 }))).toBe('schemaVersion 2 is not 1');
  });

  it('names the field staging needs that is wrong', () => {
    expect(refusal(snsEnvelope({ ...updated, eventId: '' }))).toBe('eventId must be a non-empty string');
    expect(refusal(snsEnvelope({ ...updated, sequence: -1 }))).toBe('sequence must be an integer of 0 or more');
    expect(refusal(snsEnvelope({ ...updated, sequence: '3' }))).toBe('sequence must be an integer of 0 or more');
    expect(refusal(snsEnvelope({ ...updated, messageId: 42 }))).toBe('messageId must be a non-empty string');
  });
});
