// The MIME message SES builds for SendEmail (v1) and Simple or Template content (v2): From,
// To, Cc (Bcc only in the envelope), Reply-To, Subject, a Message-ID SES assigns
// (`<messageId@email.amazonses.com>` in us-east-1, `<messageId@<region>.amazonses.com>`
// elsewhere: https://github.com/drewblas/aws-ses/pull/68), Date, and a text part, an HTML
// part or both in multipart/alternative, plus v2's custom Headers and Attachments.
// Composed with nodemailer's MailComposer: SES's own composer (JavaMail, `----=_Part_...`
// boundaries) differs in layout details that MIME readers ignore.
import MailComposer from 'nodemailer/lib/mail-composer';

export type TextContent = { data: string; charset?: string };

export type SimpleMessage = {
  from: string;
  to: string[];
  cc: string[];
  replyTo: string[];
  subject?: TextContent;
  text?: TextContent;
  html?: TextContent;
  /** v2 Simple.Headers. */
  headers?: { name: string; value: string }[];
  /** v2 Simple.Attachments. */
  attachments?: {
    fileName: string;
    content: Buffer;
    contentType?: string;
    contentDisposition?: string;
    contentId?: string;
    contentDescription?: string;
  }[];
  messageId: string;
  region: string;
  date: Date;
};

export function sesMessageIdDomain(region: string): string {
  return region === 'us-east-1' ? 'email.amazonses.com' : `${region}.amazonses.com`;
}

export async function composeSimple(message: SimpleMessage): Promise<Buffer> {
  const composer = new MailComposer({
    from: message.from,
    to: message.to.length > 0 ? message.to : undefined,
    cc: message.cc.length > 0 ? message.cc : undefined,
    replyTo: message.replyTo.length > 0 ? message.replyTo : undefined,
    subject: message.subject?.data ?? '',
    text: message.text ? { content: message.text.data } : undefined,
    html: message.html ? { content: message.html.data } : undefined,
    headers: message.headers?.map((h) => ({ key: h.name, value: h.value })),
    attachments: message.attachments?.map((a) => ({
      filename: a.fileName,
      content: a.content,
      contentType: a.contentType,
      contentDisposition: a.contentDisposition?.toLowerCase(),
      cid: a.contentId,
      headers: a.contentDescription ? { 'Content-Description': a.contentDescription } : undefined,
    })),
    messageId: `<${message.messageId}@${sesMessageIdDomain(message.region)}>`,
    date: message.date,
    newline: 'win',
  });
  return composer.compile().build();
}
