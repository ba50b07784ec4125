// The inbound path as the stack wires it: SES stores the message in the local S3 through
// LocalServices, S3's bucket notification invokes the ingest function with the S3 record,
// and the function reads the message back with @aws-sdk/client-s3 (default settings).
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Service, type S3Service } from '../../../local/s3';
import type { RunningServer } from '../../../local/shared/httpServer';
import { LocalServices } from '../../../local/shared/localServices';
import { localClientConfig } from '../../../local/shared/localCredentials';
import { createSmtpService, type SmtpService } from '../../../local/smtp';
import nodemailer from 'nodemailer';
import { RecordingServices, testLogger } from '../s3/recordingServices';
import { rule, ruleSet } from './harness';

const INGEST = 'arn:aws:lambda:us-east-1:000000000000:function:EmailIngest';
const recording = new RecordingServices();
const services = new LocalServices();
let s3: S3Service;
let server: RunningServer;
let smtp: SmtpService;

beforeAll(async () => {
  services.register({ queues: recording, topics: recording, functions: recording });
  s3 = createS3Service({ services, logger: testLogger('s3') });
  server = await s3.listen(0);
  s3.store.createBucket('inbound-mail');
  s3.setNotifications('inbound-mail', { LambdaFunctionConfigurations: [{ Id: 'ingest', LambdaFunctionArn: INGEST, Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'emails/' }] } } }] });
  smtp = await createSmtpService({ services, logger: testLogger('smtp'), ruleSets: [ruleSet('InboundRules', rule('rsvp', ['rsvp@invites.example.com'], [{ type: 'S3', bucketName: 'inbound-mail', objectKeyPrefix: 'emails/' }]))] });
});
afterAll(async () => {
  await smtp.stop();
  await s3.stop();
});

describe('SES inbound into the local S3', () => {
  it('stores the reply, notifies the ingest function, which reads the message back', async () => {
    const transport = nodemailer.createTransport({ host: smtp.host, port: smtp.port, ignoreTLS: true });
    await transport.sendMail({ from: 'Ada <ada@example.org>', to: 'rsvp@invites.example.com', subject: 'Accepted: Launch', text: 'See you there.' });
    transport.close();
    await smtp.settled();
    await s3.notificationsSettled();

    expect(recording.invocations).toHaveLength(1);
    const record = (recording.invocations[0]!.event as { Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string } } }[] }).Records[0]!;
    expect(record.eventName).toBe('ObjectCreated:Put');
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    expect(key).toMatch(/^emails\/[a-z0-9]{40}$/);

    // What the function does, with nothing but the local endpoint (path-style because it is an IP).
    const client = new S3Client(localClientConfig(server.url));
    const got = await client.send(new GetObjectCommand({ Bucket: record.s3.bucket.name, Key: key }));
    const parsed = await simpleParser(Buffer.from(await got.Body!.transformToByteArray()));
    expect([parsed.subject, parsed.text?.trim(), parsed.headers.get('x-ses-spam-verdict')]).toEqual(['Accepted: Launch', 'See you there.', 'PASS']);
    client.destroy();
  });
});
