// Publishing from the table's stream on the product's own template: changes written to the
// table (by the API, or directly where the mutations do not exist yet) reach the
// EVENT_UPDATED, EVENT_CANCELLATION_REQUEST and organizer notices topics, every message valid
// against its JSON Schema, and organizer notices reach the organizer's mailbox (the SES outbox).
// The test subscribes queues of its own to the topics at run time, as another system would.
import { GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageKey } from '../../resolvers/lib/keys';
import { eventKey, noticeKey, organizerKey } from '../../resolvers/lib/keys';
import type { NoticeRecord } from '../../resolvers/lib/records';
import { daysFromNow, endpoints, graphql, newOrganizer, table } from '../helpers/api';
import { makeNoticeMessage } from '../helpers/notices';
import { putItem, setOrganizerFields } from '../helpers/table';
import { TopicTap, type TappedMessage } from '../helpers/topicTap';
import { schemaErrors } from '../helpers/topicSchemas';

const e = () => endpoints();
const SENDER = 'invites@calendar.localhost';

function output(path: string): string {
  const value = e().outputs[`${e().stackName}/${path}`];
  if (!value) throw new Error(`endpoints.json has no output ${e().stackName}/${path}`);
  return value;
}

let updated: TopicTap;
let cancelled: TopicTap;
let notices: TopicTap;
let limitNotices: TopicTap;

beforeAll(async () => {
  updated = await TopicTap.subscribe(e(), output('Messaging/EventUpdated'));
  cancelled = await TopicTap.subscribe(e(), output('Messaging/EventCancellationRequest'));
  notices = await TopicTap.subscribe(e(), output('Messaging/OrganizerNotices'));
  // As a subscriber's filter policy would: only LIMIT_REACHED notices.
  limitNotices = await TopicTap.subscribe(e(), output('Messaging/OrganizerNotices'), { filterPolicy: { kind: ['LIMIT_REACHED'] } });
});

afterAll(async () => {
  for (const tap of [updated, cancelled, notices, limitNotices]) await tap?.close();
});

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateEventInput!) { createEvent(input: $input) { id title sequence version } }
`;

async function createEvent(auth: Record<string, string>, title: string) {
  const result = await graphql(CREATE, { input: { title, location: 'Lyon', startsAt: daysFromNow(30), endsAt: daysFromNow(30, 2), timeZone: 'Europe/Paris' } }, auth);
  expect(result.errors).toBeUndefined();
  return result.data!.createEvent as { id: string; title: string; sequence: number; version: number };
}

const UPDATE = /* GraphQL */ `
  mutation($id: ID!, $v: Int!, $input: UpdateEventInput!) { updateEvent(id: $id, expectedVersion: $v, input: $input) { version sequence updatedAt } }
`;
const CANCEL = /* GraphQL */ `
  mutation($id: ID!, $reason: String) { cancelEvent(id: $id, reason: $reason) { sequence cancelledAt } }
`;

/** Changes the event item directly, bypassing the API (which refuses changes to a cancelled event). */
async function changeEvent(eventId: string, set: Record<string, unknown>, bumpSequence: boolean) {
  const { client, name } = table();
  const names: Record<string, string> = { '#version': 'version', '#sequence': 'sequence' };
  const values: Record<string, unknown> = { ':one': 1 };
  const clauses = Object.entries(set).map(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:v${i}`] = value;
    return `#f${i} = :v${i}`;
  });
  clauses.push('#version = #version + :one');
  if (bumpSequence) clauses.push('#sequence = #sequence + :one');
  else delete names['#sequence'];
  await client.send(
    new UpdateItemCommand({
      TableName: name,
      Key: marshall(eventKey(eventId)),
      UpdateExpression: `SET ${clauses.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: marshall(values),
      ConditionExpression: 'attribute_exists(pk)',
    }),
  );
}

function expectValid(message: TappedMessage) {
  expect(schemaErrors(message.body), message.body.messageId).toEqual([]);
  expect(message.attributes).toMatchObject({ type: message.body.type, organizerId: message.body.organizerId });
}

type OutboxMessage = { messageId: string; from: string; to: string[]; subject: string };

/** The SES outbox's mails to `to` whose subject `match` accepts, waiting for `count` of them. */
async function mailsTo(to: string, match: (subject: string) => boolean, count = 1, timeoutMs = 20_000): Promise<OutboxMessage[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const list = (await (await fetch(`${e().mailViewerUrl}/messages`)).json()) as { messages: OutboxMessage[] };
    const found = list.messages.filter((m) => m.to.includes(to) && match(m.subject));
    if (found.length >= count || Date.now() > until) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The mail's text part, decoded (the raw message is quoted-printable). */
async function mailText(messageId: string): Promise<{ contentType: string; text: string }> {
  const message = (await (await fetch(`${e().mailViewerUrl}/messages/${messageId}`)).json()) as { parts: { contentType: string; text?: string }[] };
  const textParts = message.parts.filter((p) => p.text !== undefined);
  expect(textParts).toHaveLength(1);
  return { contentType: textParts[0].contentType, text: textParts[0].text! };
}

describe('organizer notices', () => {
  it('tells the organizer of a created event on the notices topic and by email, once', async () => {
    const organizer = await newOrganizer();
    const event = await createEvent(organizer.auth, `Notice party ${crypto.randomUUID().slice(0, 8)}`);

    const message = await notices.next('the EVENT_CREATED notice', (b) => b.messageId === `ORGANIZER_NOTICE#EVENT_CREATED#${event.id}`);
    expectValid(message);
    expect(message.attributes.kind).toBe('EVENT_CREATED');
    expect(message.body).toMatchObject({ kind: 'EVENT_CREATED', organizerId: organizer.sub, subject: `Event created: ${event.title}`, details: { eventId: event.id, location: 'Lyon' } });
    expect(JSON.stringify(message.body)).not.toContain(organizer.email);

    const [mail, ...more] = await mailsTo(organizer.email, (s) => s === `Event created: ${event.title}`);
    expect(mail).toMatchObject({ from: SENDER, to: [organizer.email] });
    const { contentType, text } = await mailText(mail.messageId);
    expect(contentType).toBe('text/plain');
    expect(text).toContain(`Reference: ORGANIZER_NOTICE#EVENT_CREATED#${event.id}`);
    expect(more).toEqual([]);
  });

  it('tells the organizer when they reach maxActiveEvents, to subscribers filtering on kind too', async () => {
    const organizer = await newOrganizer();
    await graphql('{ me { id } }', {}, organizer.auth);
    // Lowering the limit above what is in use (0 of 1) notifies nothing.
    await setOrganizerFields(organizerKey(organizer.sub), { 'limits.maxActiveEvents': 1 });
    await createEvent(organizer.auth, 'The only one');

    const isMine = (b: any) => b.kind === 'LIMIT_REACHED' && b.organizerId === organizer.sub;
    const message = await notices.next('the LIMIT_REACHED notice', isMine);
    expectValid(message);
    expect(message.body).toMatchObject({ subject: 'You have reached your limit of 1 active events', details: { limit: 'maxActiveEvents', value: 1, current: 1 } });
    expect((await limitNotices.next('the filtered LIMIT_REACHED notice', isMine)).attributes).toMatchObject({ kind: 'LIMIT_REACHED', organizerId: organizer.sub });
    // The filter policy let no other kind through.
    expect(limitNotices.received.map((m) => m.body.kind).filter((kind) => kind !== 'LIMIT_REACHED')).toEqual([]);

    const [mail] = await mailsTo(organizer.email, (s) => s.includes('limit of 1 active events'));
    expect((await mailText(mail.messageId)).text).toContain('maxActiveEvents 1');
    expect(await notices.all(isMine)).toHaveLength(1);
  });

  it('delivers a notice item a resolver wrote, as stored, on the topic and by email', async () => {
    const organizer = await newOrganizer();
    await graphql('{ me { id } }', {}, organizer.auth);
    const createdAt = new Date().toISOString();
    const id = crypto.randomUUID();
    const notice: NoticeRecord = {
      ...noticeKey(organizer.sub, createdAt, id),
      id,
      organizerId: organizer.sub,
      kind: 'REQUEST_REFUSED',
      subject: 'Your request to create an event was refused',
      message: 'Your request to create an event ("Gala") was refused: your organizer account is suspended.',
      details: { operation: 'createEvent', errorType: 'Unauthorized', errorInfo: { reason: 'ORGANIZER_SUSPENDED' }, eventId: null },
      createdAt,
      expiresAt: Math.floor(Date.now() / 1000) + 3600,
    };
    await putItem(notice);

    const message = await notices.next('the stored notice', (b) => b.messageId === `ORGANIZER_NOTICE#${id}`);
    expectValid(message);
    expect(message.body).toEqual({
      type: 'ORGANIZER_NOTICE',
      schemaVersion: 1,
      messageId: `ORGANIZER_NOTICE#${id}`,
      occurredAt: createdAt,
      organizerId: organizer.sub,
      kind: 'REQUEST_REFUSED',
      subject: notice.subject,
      message: notice.message,
      details: notice.details,
    });
    const [mail] = await mailsTo(organizer.email, (s) => s === notice.subject);
    const { text } = await mailText(mail.messageId);
    expect(text).toContain('your organizer account is suspended');
    expect(text).toContain('operation: createEvent');
  });
});

describe('the notice mailer', () => {
  const sqs = () => new SQSClient({ region: e().region, endpoint: e().aws.sqs, credentials: e().credentials });

  async function queueEmpty(queueUrl: string, timeoutMs = 20_000) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const { Attributes } = await sqs().send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }));
      if (Attributes?.ApproximateNumberOfMessages === '0' && Attributes?.ApproximateNumberOfMessagesNotVisible === '0') return;
      if (Date.now() > until) throw new Error(`queue not empty: ${JSON.stringify(Attributes)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  it('sends a notice SQS delivers twice only once', async () => {
    const organizer = await newOrganizer();
    await graphql('{ me { id } }', {}, organizer.auth);
    const subject = `Twice delivered ${crypto.randomUUID()}`;
    const messageId = `ORGANIZER_NOTICE#${crypto.randomUUID()}`;
    const body = JSON.stringify(makeNoticeMessage({ messageId, organizerId: organizer.sub, subject, kind: 'REQUEST_REFUSED', details: { operation: 'createEvent', errorType: 'LimitExceeded' } }));
    const queueUrl = output('Messaging/NoticeMail');
    await sqs().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
    const [mail] = await mailsTo(organizer.email, (s) => s === subject);
    await sqs().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
    await queueEmpty(queueUrl);
    expect(await mailsTo(organizer.email, (s) => s === subject, 2, 1_000)).toHaveLength(1);
    // The idempotency item says what was sent, and expires by TTL.
    const { client, name } = table();
    const claim = await client.send(new GetItemCommand({ TableName: name, Key: marshall(messageKey(`noticeMailer/${messageId}`)), ConsistentRead: true }));
    expect(unmarshall(claim.Item!)).toMatchObject({ status: 'SENT', sesMessageId: mail.messageId, messageId, expiresAt: expect.any(Number) });
  });

  it('drops a malformed message at once instead of retrying it', async () => {
    const queueUrl = output('Messaging/NoticeMail');
    await sqs().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: '{"type":"ORGANIZER_NOTICE","kind":"nonsense"}' }));
    // A retried message would stay in flight for the visibility timeout (180 s).
    await queueEmpty(queueUrl);
  });
});

describe('event changes', () => {
  it('publishes EVENT_UPDATED for a change attendees see, and nothing for a notes-only change', async () => {
    const organizer = await newOrganizer();
    const event = await createEvent(organizer.auth, 'Quarterly review');
    const notes = await graphql(UPDATE, { id: event.id, v: 1, input: { notes: 'Book the big room' } }, organizer.auth);
    expect(notes.data!.updateEvent).toMatchObject({ version: 2, sequence: 0 });
    const moved = await graphql(UPDATE, { id: event.id, v: 2, input: { title: 'Quarterly review (moved)', location: 'Online' } }, organizer.auth);
    expect(moved.errors).toBeUndefined();
    const updatedAt = moved.data!.updateEvent.updatedAt;

    const message = await updated.next('the EVENT_UPDATED message', (b) => b.eventId === event.id);
    expectValid(message);
    expect(message.attributes.eventId).toBe(event.id);
    expect(message.body).toMatchObject({
      messageId: `EVENT_UPDATED#${event.id}#1`,
      occurredAt: updatedAt,
      organizerId: organizer.sub,
      sequence: 1,
      version: 3,
      changedFields: ['title', 'location'],
      previous: { title: 'Quarterly review', location: 'Lyon' },
      event: { title: 'Quarterly review (moved)', location: 'Online', status: 'ACTIVE' },
    });
    expect(JSON.stringify(message.body)).not.toContain('Book the big room');
    expect(await updated.all((b) => b.eventId === event.id)).toHaveLength(1);
  });

  it('publishes EVENT_CANCELLATION_REQUEST when the event is cancelled, and nothing for changes after', async () => {
    const organizer = await newOrganizer();
    const event = await createEvent(organizer.auth, 'Offsite');
    const cancel = await graphql(CANCEL, { id: event.id, reason: 'Budget cut' }, organizer.auth);
    expect(cancel.errors).toBeUndefined();
    const cancelledAt = cancel.data!.cancelEvent.cancelledAt;

    const message = await cancelled.next('the EVENT_CANCELLATION_REQUEST message', (b) => b.eventId === event.id);
    expectValid(message);
    expect(message.body).toMatchObject({
      messageId: `EVENT_CANCELLATION_REQUEST#${event.id}#1`,
      occurredAt: cancelledAt,
      cancelledAt,
      cancelReason: 'Budget cut',
      sequence: 1,
      event: { status: 'CANCELLED', cancelReason: 'Budget cut' },
    });

    await changeEvent(event.id, { title: 'Offsite (cancelled)' }, true);
    expect(await cancelled.all((b) => b.eventId === event.id)).toHaveLength(1);
    expect(await updated.all((b) => b.eventId === event.id, 500)).toEqual([]);
  });
});
