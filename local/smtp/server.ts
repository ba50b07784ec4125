// The SMTP conversation, played with smtp-server on loopback: recipients the active rule set
// does not cover are refused at RCPT TO, accepted messages are read whole and handed over
// (then processed after the answer, as SES runs its rules after the SMTP conversation).
// No AUTH: SES's inbound endpoint is a mail exchanger, not a submission server.
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-concepts.html
import { randomBytes } from 'node:crypto';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { LOOPBACK } from '../shared/httpServer';
import type { Logger } from '../shared/logger';
import type { RecipientDecision } from './receiptRules';

/**
 * SES's maximum received message, headers included, for the S3 action (S3ActionProperty:
 * "the maximum email size (including headers) is 40 MB").
 */
export const MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

/**
 * Answers to refused recipients. SES's exact texts were not found in its documentation or in
 * real transcripts; these use the RFC 3463 / RFC 3207 codes for the same conditions.
 */
export const REFUSALS: Record<Exclude<RecipientDecision, { accepted: true }>['reason'], { code: number; text: string }> = {
  'no-active-rule-set': { code: 550, text: '5.1.1 Requested action not taken: mailbox unavailable' },
  'no-matching-rule': { code: 550, text: '5.1.1 Requested action not taken: mailbox unavailable' },
  'tls-required': { code: 530, text: '5.7.0 Must issue a STARTTLS command first' },
};

export type ReceivedMessage = {
  raw: Buffer;
  envelope: { from: string; to: string[] };
  connection: { ip: string; helo: string; sender: string };
  secure: boolean;
};

export type SmtpServerOptions = {
  port: number;
  /** Greeting and Received host name. */
  hostname: string;
  logger: Logger;
  /** STARTTLS with this certificate; without it STARTTLS is not offered. */
  tls?: { certPem: string; keyPem: string };
  decideRecipient(address: string, secure: boolean): RecipientDecision;
  /** Resolves to the message id to answer with; runs after the answer for the actions. */
  accept(message: ReceivedMessage): string;
};

export type RunningSmtpServer = { port: number; host: string; close(): Promise<void> };

export async function startSmtpServer(options: SmtpServerOptions): Promise<RunningSmtpServer> {
  const server = new SMTPServer({
    name: options.hostname,
    banner: 'Amazon SES inbound, played locally',
    size: MAX_MESSAGE_BYTES,
    authOptional: true,
    disabledCommands: options.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(options.tls ? { key: options.tls.keyPem, cert: options.tls.certPem } : {}),
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, callback: (error?: Error | null) => void) {
      const decision = options.decideRecipient(address.address, Boolean(session.secure));
      if (decision.accepted) {
        callback();
        return;
      }
      const refusal = REFUSALS[decision.reason];
      options.logger.info(`refused RCPT TO:<${address.address}> (${decision.reason})`);
      callback(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null, message?: string) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('5.3.4 Message too big for system'), { responseCode: 552 }));
          return;
        }
        const mailFrom = session.envelope.mailFrom;
        const sender = mailFrom ? mailFrom.address : '';
        const messageId = options.accept({
          raw: Buffer.concat(chunks),
          envelope: { from: sender, to: session.envelope.rcptTo.map((r) => r.address) },
          connection: { ip: (session.remoteAddress ?? LOOPBACK).replace(/^::ffff:/, ''), helo: session.hostNameAppearsAs || session.clientHostname || 'unknown', sender },
          secure: Boolean(session.secure),
        });
        callback(null, `Ok ${messageId}`);
      });
    },
  });
  server.on('error', (error: Error) => options.logger.warn(`SMTP: ${error.message}`));
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`The local SMTP server cannot listen on ${LOOPBACK}:${options.port}: the port is in use.`) : error);
    server.server.once('error', onError);
    server.listen(options.port, LOOPBACK, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    port,
    host: LOOPBACK,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * An inbound message id as SES makes them: 40 characters of lower-case letters and digits
 * (e.g. "pp7o1b869j1mbmmegnjm215bi5o331noilsell01" in a real notification,
 * https://www.github.com/asskii/ses-catchall/blob/main/sample-sesMsg.json).
 */
export function newMessageId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(40)].map((b) => alphabet[b % alphabet.length]).join('');
}
