// Starts the local SES inbound SMTP server on a free port with a recording LocalServices,
// and gives nodemailer transports to talk to it (no TLS unless asked).
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { createSmtpService, type SmtpService, type SmtpServiceOptions } from '../../../local/smtp';
import type { ReceiptRuleConfig, RuleSetConfig } from '../../../local/smtp/options';
import { RecordingServices, testLogger } from '../s3/recordingServices';

export type SmtpHarness = {
  smtp: SmtpService;
  services: RecordingServices;
  transport: Transporter;
  stop(): Promise<void>;
};

export async function startSmtp(options: Partial<SmtpServiceOptions> = {}): Promise<SmtpHarness> {
  const services = new RecordingServices();
  const smtp = await createSmtpService({ services, logger: testLogger('smtp'), ...options });
  // ignoreTLS: the server offers no STARTTLS without a certificate; nodemailer would not ask anyway.
  const transport = nodemailer.createTransport({ host: smtp.host, port: smtp.port, secure: false, ignoreTLS: true });
  return {
    smtp,
    services,
    transport,
    async stop() {
      transport.close();
      await smtp.stop();
    },
  };
}

export function rule(name: string, recipients: string[], actions: ReceiptRuleConfig['actions'], extra: Partial<ReceiptRuleConfig> = {}): ReceiptRuleConfig {
  return { name, enabled: true, recipients, scanEnabled: true, tlsPolicy: 'Optional', actions, ...extra };
}

export function ruleSet(name: string, ...rules: ReceiptRuleConfig[]): RuleSetConfig {
  return { name, rules };
}

/** The bytes nodemailer would send for a message, composed without any socket. */
export async function composeRaw(message: SendMailOptions): Promise<Buffer> {
  const info = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(message);
  return info.message as Buffer;
}

export const TOPIC = 'arn:aws:sns:us-east-1:000000000000:InboundMail';
export const FUNCTION = 'arn:aws:lambda:us-east-1:000000000000:function:EmailIngest';
