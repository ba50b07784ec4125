// The wire protocol of the local SNS: AWS query requests (form-encoded POST, signed with SigV4
// for the signing name `sns`), XML answers and errors, as @aws-sdk/client-sns speaks them;
// plus the three unsigned GETs SNS serves to subscribers: the SubscribeURL
// (Action=ConfirmSubscription with the token), the UnsubscribeURL (Action=Unsubscribe) and the
// signing certificate at SigningCertURL.
// https://docs.aws.amazon.com/sns/latest/api/API_Operations.html ;
// https://docs.aws.amazon.com/sns/latest/dg/SendMessageToHttp.confirm.html (visiting the SubscribeURL)
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { missingMemberMessage, sendQueryError } from '../shared/awsQuery/errors';
import { queryMap, queryMapEntries, queryMembers, queryRequestParams, type QueryParams } from '../shared/awsQuery/form';
import { sendQueryResult, xmlEntries, xmlMembers, type QueryXmlStyle, type XmlNode } from '../shared/awsQuery/xml';
import { BodyTooLargeError, readBody } from '../shared/httpServer';
import type { Logger } from '../shared/logger';
import { SigV4Rejected } from '../shared/sigv4/errors';
import type { IamVerifier } from '../shared/sigv4/verifier';
import type { BatchEntry, SnsBroker } from './broker';
import { InvalidAction, InvalidParameter, SnsError, ValidationError, notSigned, signatureRejected } from './errors';
import type { RawMessageAttributes } from './messageAttributes';
import type { MessageSigner } from './signing';

export const SNS_XML_NAMESPACE = 'http://sns.amazonaws.com/doc/2010-03-31/';

const SNS_XML: QueryXmlStyle = { namespace: SNS_XML_NAMESPACE, newlineAfterDeclaration: true, escapeCarriageReturns: false, errorDetail: false };

/** Form bodies of up to 10 entries of 256 KB each, percent-encoded (up to three bytes per byte). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

type Handler = (params: QueryParams, signed: boolean) => XmlNode | undefined;

export type SnsRouterDeps = { broker: SnsBroker; verifier: IamVerifier; signer: MessageSigner; logger: Logger };

export function snsRouter({ broker, verifier, signer, logger }: SnsRouterDeps) {
  const actions: Record<string, Handler> = {
    Publish: (p) => {
      const result = broker.publish({
        topicArn: p.get('TopicArn'),
        targetArn: p.get('TargetArn'),
        phoneNumber: p.get('PhoneNumber'),
        ...messageParams(p, ''),
      });
      return { MessageId: result.messageId, SequenceNumber: result.sequenceNumber };
    },
    PublishBatch: (p) => {
      const entries: BatchEntry[] = queryMembers(p, 'PublishBatchRequestEntries').map((prefix) => ({
        id: p.get(`${prefix}.Id`),
        ...messageParams(p, `${prefix}.`),
      }));
      const result = broker.publishBatch({ topicArn: required(p, 'TopicArn', 'topicArn'), entries });
      return {
        Successful: xmlMembers(result.successful.map((s) => ({ Id: s.id, MessageId: s.messageId, SequenceNumber: s.sequenceNumber }))),
        Failed: xmlMembers(result.failed.map((f) => ({ Id: f.id, Code: f.code, Message: f.message, SenderFault: f.senderFault }))),
      };
    },
    Subscribe: (p) => ({
      SubscriptionArn: broker.subscribe({
        topicArn: required(p, 'TopicArn', 'topicArn'),
        protocol: required(p, 'Protocol', 'protocol'),
        endpoint: p.get('Endpoint'),
        attributes: queryMap(p, 'Attributes'),
        returnSubscriptionArn: p.get('ReturnSubscriptionArn') === 'true',
      }),
    }),
    ConfirmSubscription: (p, signed) => ({
      SubscriptionArn: broker.confirmSubscription(
        {
          topicArn: required(p, 'TopicArn', 'topicArn'),
          token: required(p, 'Token', 'token'),
          authenticateOnUnsubscribe: p.get('AuthenticateOnUnsubscribe') === 'true',
        },
        signed,
      ),
    }),
    Unsubscribe: (p, signed) => {
      broker.unsubscribe(required(p, 'SubscriptionArn', 'subscriptionArn'), signed);
      return undefined;
    },
    ListTopics: (p) => {
      const page = broker.listTopics(p.get('NextToken'));
      return { Topics: xmlMembers(page.topicArns.map((TopicArn) => ({ TopicArn }))), NextToken: page.nextToken };
    },
    ListSubscriptions: (p) => subscriptionsPage(broker.listSubscriptions(p.get('NextToken'))),
    ListSubscriptionsByTopic: (p) => subscriptionsPage(broker.listSubscriptionsByTopic(required(p, 'TopicArn', 'topicArn'), p.get('NextToken'))),
    GetTopicAttributes: (p) => ({ Attributes: xmlEntries(broker.getTopicAttributes(required(p, 'TopicArn', 'topicArn'))) }),
    SetTopicAttributes: (p) => {
      broker.setTopicAttributes(required(p, 'TopicArn', 'topicArn'), required(p, 'AttributeName', 'attributeName'), p.get('AttributeValue') ?? '');
      return undefined;
    },
    GetSubscriptionAttributes: (p) => ({ Attributes: xmlEntries(broker.getSubscriptionAttributes(required(p, 'SubscriptionArn', 'subscriptionArn'))) }),
    SetSubscriptionAttributes: (p) => {
      broker.setSubscriptionAttributes(
        required(p, 'SubscriptionArn', 'subscriptionArn'),
        required(p, 'AttributeName', 'attributeName'),
        p.get('AttributeValue') ?? '',
      );
      return undefined;
    },
    CreateTopic: (p) => ({
      TopicArn: broker.createTopic({
        name: required(p, 'Name', 'name'),
        attributes: queryMap(p, 'Attributes'),
        tags: Object.fromEntries(queryMembers(p, 'Tags').map((m) => [p.get(`${m}.Key`) ?? '', p.get(`${m}.Value`) ?? ''])),
      }),
    }),
    DeleteTopic: (p) => {
      broker.deleteTopic(required(p, 'TopicArn', 'topicArn'));
      return undefined;
    },
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    const url = new URL(req.url ?? '/', 'http://local');
    try {
      if (req.method === 'GET' && url.pathname === `/${signer.certificateFileName}`) {
        res.writeHead(200, { 'content-type': 'application/x-pem-file', 'content-length': Buffer.byteLength(signer.certificatePem) });
        res.end(signer.certificatePem);
        return;
      }
      const body = await readBody(req, MAX_BODY_BYTES);
      const rawQuery = url.search.slice(1);
      const signed = req.headers.authorization !== undefined;
      if (signed) {
        try {
          await verifier.verify({ method: req.method ?? 'POST', path: url.pathname, query: rawQuery, headers: req.headers, body });
        } catch (error) {
          if (error instanceof SigV4Rejected) {
            logger.warn(`refused ${req.method} ${url.pathname}: ${error.reason}`);
            throw signatureRejected(error);
          }
          throw error;
        }
      }
      const params = queryRequestParams(req.method, rawQuery, body);
      const action = params.get('Action') ?? '';
      // Subscribers visit the SubscribeURL and UnsubscribeURL without signing: the token (or the
      // subscription ARN) is the credential. Everything else needs a signature.
      if (!signed && !(req.method === 'GET' && (action === 'ConfirmSubscription' || action === 'Unsubscribe'))) throw notSigned();
      const handler = Object.hasOwn(actions, action) ? actions[action] : undefined;
      if (!handler) throw new InvalidAction(action);
      const result = handler(params, signed);
      sendQueryResult(res, SNS_XML, action, result, requestId);
    } catch (error) {
      const snsError =
        error instanceof SnsError
          ? error
          : error instanceof BodyTooLargeError
            ? new InvalidParameter('Message too long')
            : new SnsError('InternalError', (error as Error).message, 'Receiver');
      if (!(error instanceof SnsError)) logger.error(`internal error: ${(error as Error).stack ?? String(error)}`);
      sendQueryError(res, SNS_XML, snsError, requestId);
    }
  };
}

/** A required member, refused the way Smithy services refuse a missing one. */
function required(params: QueryParams, name: string, member: string): string {
  const value = params.get(name);
  if (value === undefined) {
    throw new ValidationError(missingMemberMessage(member));
  }
  return value;
}

function messageParams(p: QueryParams, prefix: string) {
  return {
    message: p.get(`${prefix}Message`),
    subject: p.get(`${prefix}Subject`),
    messageStructure: p.get(`${prefix}MessageStructure`),
    messageAttributes: messageAttributesParam(p, `${prefix}MessageAttributes`),
    messageGroupId: p.get(`${prefix}MessageGroupId`),
    messageDeduplicationId: p.get(`${prefix}MessageDeduplicationId`),
  };
}

/** `MessageAttributes.entry.N.Name` and `.Value.DataType|StringValue|BinaryValue` (binary in base64). */
function messageAttributesParam(p: QueryParams, prefix: string): RawMessageAttributes | undefined {
  const entries = queryMapEntries(p, prefix, 'Name', 'Value');
  if (entries.length === 0) return undefined;
  const attributes: RawMessageAttributes = {};
  for (const [name, value] of entries) {
    const binary = p.get(`${value}.BinaryValue`);
    attributes[name] = {
      DataType: p.get(`${value}.DataType`),
      StringValue: p.get(`${value}.StringValue`),
      BinaryValue: binary === undefined ? undefined : Buffer.from(binary, 'base64'),
    };
  }
  return attributes;
}

function subscriptionsPage(page: ReturnType<SnsBroker['listSubscriptions']>): XmlNode {
  return {
    Subscriptions: xmlMembers(
      page.subscriptions.map((s) => ({ SubscriptionArn: s.subscriptionArn, Owner: s.owner, Protocol: s.protocol, Endpoint: s.endpoint, TopicArn: s.topicArn })),
    ),
    NextToken: page.nextToken,
  };
}
