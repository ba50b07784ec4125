// Bulk import by email through the local stack: an organizer mails a CSV to the requests
// address over SMTP -> SES inbound (local listener: S3 + inbound topic) -> event-requests
// queue -> requestIngestion -> startImport (IAM, source EMAIL) + PUT to the upload URL ->
// the importer -> attendees invited and the organizer's IMPORT_FINISHED notice. Mail from
// anyone else, or that fails a check, creates no import job.
import { GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type Mail from 'nodemailer/lib/mailer';
import { describe, expect, it } from 'vitest';
import { eventKey, IMPORT_SK_PREFIX, messageKey, organizerEmailKey } from '../../resolvers/lib/keys';
import { daysFromNow, endpoints, graphql, newOrganizer, table } from '../helpers/api';
import { sendInbound, settled, until } from '../helpers/inboundMail';
import { waitForMails } from '../helpers/outbox';

type Organizer = Awaited<ReturnType<typeof newOrganizer>>;

const e = () => endpoints();
const sdk = () => ({ region: e().region, credentials: e().credentials });
const CSV = 'email,name\nada.guest@example.com,Ada\ngrace.guest@example.com,Grace\n';

function output(path: string): string {
  const value = e().outputs[`${e().stackName}/${path}`];
  if (!value) throw new Error(`endpoints.json has no output ${e().stackName}/${path}`);
  return value;
}

async function newEvent(organizer: Organizer) {
  const out = await graphql(
    'mutation($input: CreateEventInput!) { createEvent(input: $input) { id title } }',
    { input: { title: `Mailed list ${crypto.randomUUID().slice(0, 6)}`, startsAt: daysFromNow(20), endsAt: daysFromNow(20, 2), timeZone: 'Europe/Lisbon' } },
    organizer.auth,
  );
  expect(out.errors).toBeUndefined();
  return out.data!.createEvent as { id: string; title: string };
}

/** Mails the requests address; resolves to SES's message id. */
const mail = ({ verdicts, ...message }: Mail.Options & { verdicts?: string }) => sendInbound({ to: e().outputs.RequestsEmail, ...message }, verdicts);

const csvAttachment = (filename = 'guests.csv', content = CSV): Mail.Attachment => ({ filename, content, contentType: 'text/csv' });

async function importJobs(eventId: string) {
  const { client, name } = table();
  const out = await client.send(
    new QueryCommand({
      TableName: name,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :import)',
      ExpressionAttributeValues: marshall({ ':pk': eventKey(eventId).pk, ':import': IMPORT_SK_PREFIX }),
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map((item) => unmarshall(item));
}

async function item(key: { pk: string; sk: string }) {
  const { client, name } = table();
  const out = await client.send(new GetItemCommand({ TableName: name, Key: marshall(key), ConsistentRead: true }));
  return out.Item ? unmarshall(out.Item) : undefined;
}

describe('bulk import by email', () => {
  it('imports the CSV an active organizer mails with the event id in the subject, once', { timeout: 120_000 }, async () => {
    const organizer = await newOrganizer();
    // Sign-up registered the address (postConfirmation): that is how the mail finds its organizer.
    expect(await item(organizerEmailKey(organizer.email))).toMatchObject({ organizerId: organizer.sub });
    const event = await newEvent(organizer);

    const sesMessageId = await mail({ from: `Organizer <${organizer.email}>`, subject: `Guests for ${event.id}`, text: 'List attached.', attachments: [csvAttachment()] });

    const [job] = await until('the import job', () => importJobs(event.id), (jobs) => jobs.length > 0);
    expect(job).toMatchObject({ source: 'EMAIL', fileName: 'guests.csv', organizerId: organizer.sub });
    const finished = await until(
      'the job to finish',
      () => graphql('query($e: ID!, $id: ID!) { importJob(eventId: $e, id: $id) { status source fileName totals { rows invited } } }', { e: event.id, id: job!.id }, organizer.auth),
      (out) => ['COMPLETED', 'FAILED'].includes(out.data?.importJob?.status),
    );
    expect(finished.data!.importJob).toEqual({ status: 'COMPLETED', source: 'EMAIL', fileName: 'guests.csv', totals: { rows: 2, invited: 2 } });

    const attendees = await graphql('query($e: ID!) { attendees(eventId: $e) { items { email name } } }', { e: event.id }, organizer.auth);
    expect(attendees.data!.attendees.items).toEqual([
      { email: 'ada.guest@example.com', name: 'Ada' },
      { email: 'grace.guest@example.com', name: 'Grace' },
    ]);
    const [notice] = await waitForMails((m) => m.to.includes(organizer.email) && m.subject === `Import finished: 2 invited to ${event.title}`, 1);
    expect(notice).toBeDefined();
    expect(await item(messageKey(`requestIngestion/${sesMessageId}/0`))).toMatchObject({ status: 'SENT' });

    // SQS delivers at least once: the same notification again starts no second import.
    const sqs = new SQSClient({ ...sdk(), endpoint: e().aws.sqs });
    const again = {
      notificationType: 'Received',
      mail: { messageId: sesMessageId, destination: [e().outputs.RequestsEmail], commonHeaders: { from: [organizer.email] } },
      receipt: {
        recipients: [e().outputs.RequestsEmail],
        ...Object.fromEntries(['spam', 'virus', 'spf', 'dkim', 'dmarc'].map((v) => [`${v}Verdict`, { status: 'PASS' }])),
        action: { type: 'S3', bucketName: e().outputs.InboundBucketName, objectKey: `inbound/${sesMessageId}` },
      },
    };
    await sqs.send(new SendMessageCommand({ QueueUrl: output('Messaging/EventRequests'), MessageBody: JSON.stringify(again) }));
    await settled(sesMessageId);
    expect(await importJobs(event.id)).toHaveLength(1);
  });

  it('reads the event id from the body when the subject has none', { timeout: 60_000 }, async () => {
    const organizer = await newOrganizer();
    const event = await newEvent(organizer);
    await mail({ from: organizer.email, subject: 'Guest list', text: `Please invite these to event ${event.id}.\nThanks`, attachments: [csvAttachment('list.CSV')] });
    const [job] = await until('the import job', () => importJobs(event.id), (jobs) => jobs.length > 0);
    expect(job).toMatchObject({ source: 'EMAIL', fileName: 'list.CSV' });
  });

  describe('creates nothing for', () => {
    it('a stranger', { timeout: 60_000 }, async () => {
      const organizer = await newOrganizer();
      const event = await newEvent(organizer);
      const id = await mail({ from: `stranger-${crypto.randomUUID()}@example.com`, subject: `Guests for ${event.id}`, attachments: [csvAttachment()] });
      await settled(id);
      expect(await importJobs(event.id)).toEqual([]);
    });

    it('a suspended organizer', { timeout: 60_000 }, async () => {
      const organizer = await newOrganizer();
      const admin = await newOrganizer({ groups: ['admins'] });
      const event = await newEvent(organizer);
      const suspended = await graphql('mutation($id: ID!) { suspendOrganizer(id: $id, reason: "test") { status } }', { id: organizer.sub }, admin.auth);
      expect(suspended.data?.suspendOrganizer.status).toBe('SUSPENDED');
      const id = await mail({ from: organizer.email, subject: `Guests for ${event.id}`, attachments: [csvAttachment()] });
      await settled(id);
      expect(await importJobs(event.id)).toEqual([]);
    });

    it('mail without an attachment', { timeout: 60_000 }, async () => {
      const organizer = await newOrganizer();
      const event = await newEvent(organizer);
      const id = await mail({ from: organizer.email, subject: `Guests for ${event.id}`, text: 'ada.guest@example.com' });
      await settled(id);
      expect(await importJobs(event.id)).toEqual([]);
    });

    it('mail that fails SPF and DKIM', { timeout: 60_000 }, async () => {
      const organizer = await newOrganizer();
      const event = await newEvent(organizer);
      const id = await mail({ from: organizer.email, subject: `Guests for ${event.id}`, attachments: [csvAttachment()], verdicts: 'spf=FAIL; dkim=FAIL; dmarc=GRAY' });
      await settled(id);
      expect(await importJobs(event.id)).toEqual([]);
    });

    it('mail naming another organizer’s event (the API refuses it)', { timeout: 60_000 }, async () => {
      const owner = await newOrganizer();
      const other = await newOrganizer();
      const event = await newEvent(owner);
      const id = await mail({ from: other.email, subject: `Guests for ${event.id}`, attachments: [csvAttachment()] });
      await settled(id);
      expect(await importJobs(event.id)).toEqual([]);
      expect(await item(messageKey(`requestIngestion/${id}/0`))).toMatchObject({ status: 'DROPPED' });
    });
  });
});
