// SES API v2 (2019-09-27) over REST JSON, as @aws-sdk/client-sesv2 speaks it: the operation is
// the method and path, members travel in the JSON body, path (`{EmailAddress}`) and query
// (`Reason`, `NextToken`, ...); errors carry x-amzn-ErrorType and `{"message": ...}`.
// https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_Operations.html ; paths from the
// client's model (`@aws-sdk/client-sesv2` schemas): POST /v2/email/outbound-emails,
// GET /v2/email/account, PUT|GET /v2/email/suppression/addresses,
// GET|DELETE /v2/email/suppression/addresses/{EmailAddress}, POST /v2/email/templates,
// GET|DELETE /v2/email/templates/{TemplateName}. Timestamps in JSON are epoch seconds.
import type { ServerResponse } from 'node:http';
import { sendJson } from '../shared/httpServer';
import { SesError, v2Error, type V2Error } from './errors';
import type { SuppressionReason } from './options';
import type { Caller, SesSending } from './sending';
import type { SendQuota } from './sendQuota';
import { SUPPRESSION_REASONS, type SuppressionList } from './suppressionList';
import type { TemplateStore } from './templates';

/** ListSuppressedDestinations: "PageSize ... The default value is 100 ... maximum 1000" (API_ListSuppressedDestinations.html). */
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

export type SesV2Deps = { sending: SesSending; quota: SendQuota; suppression: SuppressionList; templates: TemplateStore; sandbox: boolean };

export type V2Request = { method: string; path: string; query: URLSearchParams; body: Buffer; caller: Caller };

type Json = Record<string, unknown>;

export function sesV2Router({ sending, quota, suppression, templates, sandbox }: SesV2Deps) {
  const routes: { method: string; pattern: RegExp; run: (req: V2Request, match: RegExpExecArray) => Promise<Json> | Json }[] = [
    {
      method: 'POST',
      pattern: /^\/v2\/email\/outbound-emails$/,
      run: async (req) => ({ MessageId: await sendEmail(sending, json(req.body), req.caller) }),
    },
    {
      method: 'GET',
      pattern: /^\/v2\/email\/account$/,
      run: () => {
        const limits = quota.settings;
        return {
          DedicatedIpAutoWarmupEnabled: false,
          EnforcementStatus: 'HEALTHY',
          ProductionAccessEnabled: !sandbox,
          SendQuota: { Max24HourSend: limits.max24HourSend, MaxSendRate: limits.maxSendRate, SentLast24Hours: quota.sentLast24Hours() },
          SendingEnabled: true,
          SuppressionAttributes: { SuppressedReasons: [...SUPPRESSION_REASONS] },
        };
      },
    },
    {
      method: 'PUT',
      pattern: /^\/v2\/email\/suppression\/addresses$/,
      run: (req) => {
        const body = json(req.body);
        const address = requiredString(body, 'EmailAddress');
        suppression.put(address, reasonOf(requiredString(body, 'Reason')));
        return {};
      },
    },
    {
      method: 'GET',
      pattern: /^\/v2\/email\/suppression\/addresses$/,
      run: (req) => {
        const reasons = req.query.getAll('Reason').map(reasonOf);
        const pageSize = Math.min(Number(req.query.get('PageSize') ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        const start = req.query.get('NextToken') ? Number(Buffer.from(req.query.get('NextToken')!, 'base64url').toString()) || 0 : 0;
        const all = suppression.list({ reasons, startDate: dateParam(req.query.get('StartDate')), endDate: dateParam(req.query.get('EndDate')) });
        const page = all.slice(start, start + pageSize);
        return {
          SuppressedDestinationSummaries: page.map((e) => ({ EmailAddress: e.emailAddress, Reason: e.reason, LastUpdateTime: epochSeconds(e.lastUpdateTime) })),
          NextToken: start + pageSize < all.length ? Buffer.from(String(start + pageSize)).toString('base64url') : undefined,
        };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v2\/email\/suppression\/addresses\/([^/]+)$/,
      run: (_req, match) => {
        const address = decodeURIComponent(match[1]!);
        const entry = suppression.get(address);
        if (!entry) throw new SesError('NotFound', `Email address ${address} does not exist on your suppression list.`); // wording not recorded
        return { SuppressedDestination: { EmailAddress: entry.emailAddress, Reason: entry.reason, LastUpdateTime: epochSeconds(entry.lastUpdateTime), Attributes: {} } };
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/v2\/email\/suppression\/addresses\/([^/]+)$/,
      run: (_req, match) => {
        const address = decodeURIComponent(match[1]!);
        if (!suppression.delete(address)) throw new SesError('NotFound', `Email address ${address} does not exist on your suppression list.`); // wording not recorded
        return {};
      },
    },
    {
      method: 'POST',
      pattern: /^\/v2\/email\/templates$/,
      run: (req) => {
        const body = json(req.body);
        const content = (body.TemplateContent ?? {}) as Json;
        templates.create({
          name: requiredString(body, 'TemplateName'),
          subject: String(content.Subject ?? ''),
          text: content.Text as string | undefined,
          html: content.Html as string | undefined,
        });
        return {};
      },
    },
    {
      method: 'GET',
      pattern: /^\/v2\/email\/templates\/([^/]+)$/,
      run: (_req, match) => {
        const t = templates.get(decodeURIComponent(match[1]!));
        return { TemplateName: t.name, TemplateContent: { Subject: t.subject, Text: t.text, Html: t.html } };
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/v2\/email\/templates\/([^/]+)$/,
      run: (_req, match) => {
        templates.delete(decodeURIComponent(match[1]!));
        return {};
      },
    },
  ];

  return async (req: V2Request): Promise<Json> => {
    for (const route of routes) {
      if (route.method !== req.method) continue;
      const match = route.pattern.exec(req.path);
      if (match) return route.run(req, match);
    }
    throw new SesError('NotFound', `The local SES has no operation for ${req.method} ${req.path}`);
  };
}

/** SendEmail: exactly one of Content.Simple, Content.Raw, Content.Template (API_EmailContent.html). */
async function sendEmail(sending: SesSending, body: Json, caller: Caller): Promise<string> {
  const content = (body.Content ?? {}) as Json;
  const kinds = ['Simple', 'Raw', 'Template'].filter((k) => content[k] !== undefined);
  // Wording not recorded from a real answer.
  if (kinds.length !== 1) throw new SesError('InvalidParameterValue', 'Content must contain exactly one of Simple, Raw or Template.');
  const destination = (body.Destination ?? {}) as Json;
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  const common = {
    api: 'v2:SendEmail',
    configurationSetName: body.ConfigurationSetName as string | undefined,
    tags: ((body.EmailTags as { Name: string; Value: string }[] | undefined) ?? []).map((t) => ({ name: t.Name, value: t.Value })),
  };
  const recipients = { to: list(destination.ToAddresses), cc: list(destination.CcAddresses), bcc: list(destination.BccAddresses) };
  if (content.Raw !== undefined) {
    const raw = content.Raw as Json;
    return sending.sendRaw(
      {
        ...common,
        source: body.FromEmailAddress as string | undefined,
        destinations: body.Destination ? [...recipients.to, ...recipients.cc, ...recipients.bcc] : undefined,
        raw: Buffer.from(String(raw.Data ?? ''), 'base64'),
      },
      caller,
    );
  }
  const from = body.FromEmailAddress;
  if (typeof from !== 'string') throw new SesError('InvalidParameterValue', 'Missing required parameter FromEmailAddress.'); // wording not recorded
  const replyTo = list(body.ReplyToAddresses);
  if (content.Simple !== undefined) {
    const simple = content.Simple as Json;
    const subject = (simple.Subject ?? {}) as Json;
    const messageBody = (simple.Body ?? {}) as Json;
    const part = (value: unknown) => (value ? { data: String((value as Json).Data ?? ''), charset: (value as Json).Charset as string | undefined } : undefined);
    return sending.sendSimple(
      {
        ...common,
        from,
        ...recipients,
        replyTo,
        subject: { data: String(subject.Data ?? ''), charset: subject.Charset as string | undefined },
        text: part(messageBody.Text),
        html: part(messageBody.Html),
        headers: headersOf(simple.Headers),
        attachments: attachmentsOf(simple.Attachments),
      },
      caller,
    );
  }
  const template = content.Template as Json;
  const inline = template.TemplateContent as Json | undefined;
  return sending.sendTemplated(
    {
      ...common,
      from,
      ...recipients,
      replyTo,
      template: {
        name: (template.TemplateName as string | undefined) ?? (template.TemplateArn as string | undefined)?.split('/').pop(),
        content: inline ? { subject: inline.Subject as string, text: inline.Text as string, html: inline.Html as string } : undefined,
      },
      templateData: template.TemplateData as string | undefined,
      headers: headersOf(template.Headers),
      attachments: attachmentsOf(template.Attachments),
    },
    caller,
  );
}

function headersOf(value: unknown) {
  return Array.isArray(value) ? (value as { Name: string; Value: string }[]).map((h) => ({ name: h.Name, value: h.Value })) : undefined;
}

function attachmentsOf(value: unknown) {
  if (!Array.isArray(value)) return undefined;
  return (value as Json[]).map((a) => ({
    fileName: String(a.FileName ?? 'attachment'),
    content: Buffer.from(String(a.RawContent ?? ''), 'base64'),
    contentType: a.ContentType as string | undefined,
    contentDisposition: a.ContentDisposition as string | undefined,
    contentId: a.ContentId as string | undefined,
    contentDescription: a.ContentDescription as string | undefined,
  }));
}

export function sendV2Result(res: ServerResponse, body: Json, requestId: string): void {
  sendJson(res, 200, body, { 'x-amzn-requestid': requestId });
}

export function sendV2Error(res: ServerResponse, error: V2Error | SesError, requestId: string): void {
  const e = error instanceof SesError ? v2Error(error) : error;
  sendJson(res, e.status, { message: e.message }, { 'x-amzn-errortype': e.type, 'x-amzn-requestid': requestId });
}

function json(body: Buffer): Json {
  if (body.length === 0) return {};
  try {
    const value = JSON.parse(body.toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null ? (value as Json) : {};
  } catch {
    throw new SesError('InvalidParameterValue', 'The request body is not valid JSON.'); // wording not recorded
  }
}

function requiredString(body: Json, name: string): string {
  const value = body[name];
  if (typeof value !== 'string') throw new SesError('MissingParameter', `${name} is required.`); // wording not recorded
  return value;
}

function reasonOf(value: string): SuppressionReason {
  if (!(SUPPRESSION_REASONS as readonly string[]).includes(value)) throw new SesError('InvalidParameterValue', `Invalid reason: ${value}`); // wording not recorded
  return value as SuppressionReason;
}

function dateParam(value: string | null): Date | undefined {
  if (!value) return undefined;
  const date = /^\d+(\.\d+)?$/.test(value) ? new Date(Number(value) * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}
