// SES API v1 (2010-12-01) over the AWS query protocol, as @aws-sdk/client-ses speaks it:
// form-encoded actions, XML answers and `<ErrorResponse>` errors.
// https://docs.aws.amazon.com/ses/latest/APIReference/API_Operations.html
// SendEmail: Source, Destination.{To,Cc,Bcc}Addresses.member.N, Message.Subject.Data,
// Message.Body.Text.Data / Html.Data (and .Charset), ReplyToAddresses, ConfigurationSetName,
// Tags.member.N.Name/Value. SendRawEmail: RawMessage.Data (base64), optional Source and
// Destinations.member.N. SendTemplatedEmail: Template, TemplateData.
import type { ServerResponse } from 'node:http';
import { missingMemberMessage, sendQueryError } from '../shared/awsQuery/errors';
import { queryHas, queryList, queryMembers, type QueryParams } from '../shared/awsQuery/form';
import { sendQueryResult, xmlMembers, type QueryXmlStyle, type XmlNode } from '../shared/awsQuery/xml';
import { SesError, v1Error, type V1Error } from './errors';
import type { Identities, NotificationType } from './identities';
import type { Caller, SesSending } from './sending';
import type { SendQuota } from './sendQuota';
import type { TemplateStore } from './templates';

export const SES_V1_XML_NAMESPACE = 'http://ses.amazonaws.com/doc/2010-12-01/';

const SES_V1_XML: QueryXmlStyle = { namespace: SES_V1_XML_NAMESPACE, newlineAfterDeclaration: true, escapeCarriageReturns: false, errorDetail: false };

/** ListIdentities pages hold up to 1000 identities (API_ListIdentities.html). */
const MAX_LIST_IDENTITIES = 1000;

export type SesV1Deps = { sending: SesSending; quota: SendQuota; identities: Identities; templates: TemplateStore };

type Handler = (params: QueryParams, caller: Caller) => Promise<XmlNode | undefined> | XmlNode | undefined;

export function sesV1Actions({ sending, quota, identities, templates }: SesV1Deps): Record<string, Handler> {
  return {
    SendEmail: async (p, caller) => {
      const source = required(p, 'Source', 'source');
      if (!queryHas(p, 'Destination')) missing('destination');
      if (!queryHas(p, 'Message')) missing('message');
      const body = (part: string) => {
        const data = p.get(`Message.Body.${part}.Data`);
        return data === undefined ? undefined : { data, charset: p.get(`Message.Body.${part}.Charset`) };
      };
      const messageId = await sending.sendSimple(
        {
          api: 'SendEmail',
          from: source,
          ...destination(p),
          replyTo: queryList(p, 'ReplyToAddresses'),
          subject: { data: p.get('Message.Subject.Data') ?? '', charset: p.get('Message.Subject.Charset') },
          text: body('Text'),
          html: body('Html'),
          configurationSetName: p.get('ConfigurationSetName'),
          tags: tagsOf(p),
        },
        caller,
      );
      return { MessageId: messageId };
    },
    SendRawEmail: async (p, caller) => {
      const data = required(p, 'RawMessage.Data', 'rawMessage.data');
      const messageId = await sending.sendRaw(
        {
          api: 'SendRawEmail',
          source: p.get('Source'),
          destinations: queryList(p, 'Destinations'),
          raw: Buffer.from(data, 'base64'),
          configurationSetName: p.get('ConfigurationSetName'),
          tags: tagsOf(p),
        },
        caller,
      );
      return { MessageId: messageId };
    },
    SendTemplatedEmail: async (p, caller) => {
      const source = required(p, 'Source', 'source');
      const template = p.get('Template') ?? p.get('TemplateArn')?.split('/').pop();
      if (template === undefined) missing('template');
      const messageId = await sending.sendTemplated(
        {
          api: 'SendTemplatedEmail',
          from: source,
          ...destination(p),
          replyTo: queryList(p, 'ReplyToAddresses'),
          template: { name: template },
          templateData: required(p, 'TemplateData', 'templateData'),
          configurationSetName: p.get('ConfigurationSetName'),
          tags: tagsOf(p),
        },
        caller,
      );
      return { MessageId: messageId };
    },
    CreateTemplate: (p) => {
      templates.create({
        name: required(p, 'Template.TemplateName', 'template.templateName'),
        subject: p.get('Template.SubjectPart') ?? '',
        text: p.get('Template.TextPart'),
        html: p.get('Template.HtmlPart'),
      });
      return {};
    },
    GetTemplate: (p) => {
      const t = templates.get(required(p, 'TemplateName', 'templateName'));
      return { Template: { TemplateName: t.name, SubjectPart: t.subject, TextPart: t.text, HtmlPart: t.html } };
    },
    DeleteTemplate: (p) => {
      templates.delete(required(p, 'TemplateName', 'templateName'));
      return {};
    },
    GetSendQuota: () => {
      const limits = quota.settings;
      return { Max24HourSend: limits.max24HourSend, MaxSendRate: limits.maxSendRate, SentLast24Hours: quota.sentLast24Hours() };
    },
    VerifyEmailIdentity: (p) => {
      identities.verify(required(p, 'EmailAddress', 'emailAddress'));
      return {};
    },
    VerifyDomainIdentity: (p) => ({ VerificationToken: identities.verify(required(p, 'Domain', 'domain')) }),
    DeleteIdentity: (p) => {
      identities.delete(required(p, 'Identity', 'identity'));
      return {};
    },
    ListIdentities: (p) => {
      const type = p.get('IdentityType') as 'EmailAddress' | 'Domain' | undefined;
      const all = identities.list(type);
      const start = Number(p.get('NextToken') ?? 0) || 0;
      const max = Math.min(Number(p.get('MaxItems') ?? MAX_LIST_IDENTITIES) || MAX_LIST_IDENTITIES, MAX_LIST_IDENTITIES);
      const page = all.slice(start, start + max);
      return { Identities: xmlMembers(page), NextToken: start + max < all.length ? String(start + max) : undefined };
    },
    GetIdentityVerificationAttributes: (p) => ({
      VerificationAttributes: {
        entry: queryList(p, 'Identities').map((identity) => {
          const status = identities.status(identity);
          return { key: identity, value: { VerificationStatus: status.verified ? 'Success' : 'NotStarted', VerificationToken: status.token } };
        }),
      },
    }),
    SetIdentityNotificationTopic: (p) => {
      const type = required(p, 'NotificationType', 'notificationType');
      if (type !== 'Bounce' && type !== 'Complaint' && type !== 'Delivery') {
        throw new SesError('InvalidParameterValue', `Invalid notification type: ${type}`); // wording not recorded
      }
      identities.setNotificationTopic(required(p, 'Identity', 'identity'), type as NotificationType, p.get('SnsTopic'));
      return {};
    },
  };
}

export function sendV1Result(res: ServerResponse, action: string, result: XmlNode | undefined, requestId: string): void {
  sendQueryResult(res, SES_V1_XML, action, result, requestId);
}

export function sendV1Error(res: ServerResponse, error: V1Error | SesError, requestId: string): void {
  sendQueryError(res, SES_V1_XML, error instanceof SesError ? v1Error(error) : error, requestId);
}

function destination(p: QueryParams) {
  return {
    to: queryList(p, 'Destination.ToAddresses'),
    cc: queryList(p, 'Destination.CcAddresses'),
    bcc: queryList(p, 'Destination.BccAddresses'),
  };
}

function tagsOf(p: QueryParams) {
  return queryMembers(p, 'Tags').map((m) => ({ name: p.get(`${m}.Name`) ?? '', value: p.get(`${m}.Value`) ?? '' }));
}

/** Smithy's constraint text for a missing member ("1 validation error detected: Value null at ..."). */
function missing(member: string): never {
  throw new SesError('MissingParameter', missingMemberMessage(member));
}

function required(p: QueryParams, name: string, member: string): string {
  const value = p.get(name);
  if (value === undefined) missing(member);
  return value;
}
