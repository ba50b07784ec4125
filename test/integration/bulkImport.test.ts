// A 10,000-row guest list with bad rows mixed in, imported through the local stack end to
// end: upload -> importer -> inviteAttendees (IAM, 100 rows a call) -> invite-dispatch ->
// dispatcher -> SES outbox. Afterwards the outbox must hold exactly one invitation per valid
// distinct address, and the table one attendee each, every delivery SENT.
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTENDEE_SK_PREFIX, eventKey } from '../../resolvers/lib/keys';
import { daysFromNow, endpoints, graphql, newOrganizer, table } from '../helpers/api';
import { outbox } from '../helpers/outbox';
import { uploadCsv, waitForJob } from '../helpers/imports';

const ROWS = 10_000;
const quotaUrl = () => `${endpoints().aws.ses}/_local/ses/send-quota`;
let savedQuota: { maxSendRate: number; max24HourSend: number };

// A production account with a raised sending quota: the local SES's default (14 per second)
// would make 10,000 invitations take twelve minutes.
beforeAll(async () => {
  savedQuota = (await (await fetch(quotaUrl())).json()) as typeof savedQuota;
  await fetch(quotaUrl(), { method: 'PUT', body: JSON.stringify({ maxSendRate: 5_000, max24HourSend: -1 }) });
});
afterAll(async () => {
  await fetch(quotaUrl(), { method: 'PUT', body: JSON.stringify({ maxSendRate: savedQuota.maxSendRate, max24HourSend: savedQuota.max24HourSend }) });
});

/** The file, and what a correct import makes of it. */
function guestList() {
  const lines = ['name,email,company'];
  const valid = new Set<string>();
  let invalid = 0;
  let duplicates = 0;
  for (let i = 0; i < ROWS; i += 1) {
    if (i % 250 === 7) {
      lines.push(`Broken ${i},not-an-address-${i},Acme`);
      invalid += 1;
    } else if (i % 250 === 11) {
      lines.push(`No address ${i},,Acme`);
      invalid += 1;
    } else if (i % 200 === 13 && i > 13) {
      // The address of an earlier row, in other letter case.
      lines.push(`Again ${i},BULK-${i - 13}@Example.com,Acme`);
      duplicates += 1;
    } else {
      lines.push(`"Guest, number ${i}",bulk-${i}@example.com,"Acme, ""Ltd"""`);
      valid.add(`bulk-${i}@example.com`);
    }
    // A blank line now and then: skipped, not counted.
    if (i % 1000 === 500) lines.push('');
  }
  return { csv: `${lines.join('\r\n')}\r\n`, valid, invalid, duplicates };
}

async function attendeeItems(eventId: string): Promise<Record<string, any>[]> {
  const { client, name } = table();
  const items: Record<string, any>[] = [];
  let start: Record<string, any> | undefined;
  do {
    const out = await client.send(
      new QueryCommand({
        TableName: name,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': { S: eventKey(eventId).pk }, ':sk': { S: ATTENDEE_SK_PREFIX } },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []).map((item) => unmarshall(item) as Record<string, any>));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

describe('a 10,000-row import', () => {
  it('invites every valid distinct address once, reports the bad rows, and mails exactly one invitation each', { timeout: 900_000 }, async () => {
    const organizer = await newOrganizer();
    const admin = await newOrganizer({ groups: ['admins'] });
    const limits = await graphql(
      'mutation($id: ID!) { setOrganizerLimits(id: $id, limits: { maxInvitationsPerEvent: 20000, maxInvitationsPerDay: 20000 }) { id } }',
      { id: organizer.sub },
      admin.auth,
    );
    expect(limits.errors).toBeUndefined();
    const created = await graphql(
      'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
      { input: { title: 'Annual conference', startsAt: daysFromNow(60), endsAt: daysFromNow(60, 8), timeZone: 'Europe/London' } },
      organizer.auth,
    );
    const eventId = created.data!.createEvent.id as string;
    const { csv, valid, invalid, duplicates } = guestList();

    const started = Date.now();
    const id = await uploadCsv(organizer, eventId, csv, 'conference.csv');
    const job = await waitForJob(organizer, eventId, id, 600_000);
    const importSeconds = (Date.now() - started) / 1000;
    expect(job.status).toBe('COMPLETED');
    expect(job.totals).toEqual({ rows: ROWS, valid: valid.size, invited: valid.size, duplicates, invalid, rejected: 0, notInvited: 0 });
    expect(job.unknownColumns).toEqual(['company']);
    expect(job.issues.filter((i: { kind: string }) => i.kind === 'INVALID')[0]).toMatchObject({ row: 9, email: 'not-an-address-7' });

    const counts = (await graphql('query($id: ID!) { event(id: $id) { counts { invited needsAction } } }', { id: eventId }, organizer.auth)).data!.event.counts;
    expect(counts).toEqual({ invited: valid.size, needsAction: valid.size });

    // Every invitation mailed, once: wait for the dispatcher to drain the queue.
    let mails = (await outbox()).filter((m) => m.tags.eventId === eventId);
    const until = Date.now() + 600_000;
    while (mails.length < valid.size && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 2_000));
      mails = (await outbox()).filter((m) => m.tags.eventId === eventId);
    }
    const mailSeconds = (Date.now() - started) / 1000;
    const recipients = mails.map((m) => m.destinations[0]!);
    expect(recipients.length).toBe(valid.size);
    expect(new Set(recipients)).toEqual(valid);
    expect(mails.every((m) => m.subject.startsWith('Invitation: Annual conference @ '))).toBe(true);

    const items = await attendeeItems(eventId);
    expect(items).toHaveLength(valid.size);
    expect(items.filter((a) => a.delivery.state === 'SENT' && a.delivery.sequence === 0 && a.source === 'IMPORT')).toHaveLength(valid.size);
    console.info(`10,000 rows: imported in ${importSeconds.toFixed(0)} s, all ${valid.size} invitations mailed after ${mailSeconds.toFixed(0)} s`);
  });
});
