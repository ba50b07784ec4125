// The bytes of SNS's query-protocol answers (local/sns/router.ts on local/shared/awsQuery):
// `<?xml version="1.0"?>` and a newline, no `<ActionResult>` for actions without a result, errors
// without `<Detail/>`, text/xml with x-amzn-RequestId. Driven through the unsigned GETs
// subscribers make (https://docs.aws.amazon.com/sns/latest/dg/SendMessageToHttp.confirm.html),
// with a stand-in broker, so no signature is needed.
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, setLogLevel } from '../../../../local/shared/logger';
import type { IamVerifier } from '../../../../local/shared/sigv4/verifier';
import type { SnsBroker } from '../../../../local/sns/broker';
import { NotFound } from '../../../../local/sns/errors';
import { snsRouter } from '../../../../local/sns/router';
import type { MessageSigner } from '../../../../local/sns/signing';
import { captured } from '../../../helpers/capturedResponse';

setLogLevel('silent');

const XMLNS = 'http://sns.amazonaws.com/doc/2010-03-31/';
const TOPIC = 'arn:aws:sns:us-east-1:000000000000:events';

const broker = {
  confirmSubscription: ({ topicArn }: { topicArn: string }) => `${topicArn}:sub&1`,
  unsubscribe: (arn: string) => {
    if (arn !== `${TOPIC}:sub`) throw new NotFound('Subscription');
  },
} as unknown as SnsBroker;
const signer = { certificateFileName: 'cert.pem', certificatePem: '' } as MessageSigner;
const handler = snsRouter({ broker, verifier: {} as IamVerifier, signer, logger: createLogger('sns') });

async function get(query: string) {
  const req = Object.assign(Readable.from([]), { method: 'GET', url: `/?${query}`, headers: { host: 'localhost' } }) as unknown as IncomingMessage;
  const out = await captured((res) => handler(req, res));
  const requestId = out.headers!['x-amzn-requestid'] as string;
  expect(out.headers).toEqual({ 'content-type': 'text/xml', 'content-length': Buffer.byteLength(out.body!), 'x-amzn-requestid': requestId });
  return { status: out.status, body: out.body!.replaceAll(requestId, 'RID') };
}

describe('SNS query-protocol answers', () => {
  it('writes a result with a newline after the declaration, values escaped', async () => {
    expect(await get(`Action=ConfirmSubscription&TopicArn=${TOPIC}&Token=t`)).toEqual({
      status: 200,
      body:
        `<?xml version="1.0"?>\n<ConfirmSubscriptionResponse xmlns="${XMLNS}"><ConfirmSubscriptionResult>` +
        `<SubscriptionArn>${TOPIC}:sub&amp;1</SubscriptionArn></ConfirmSubscriptionResult>` +
        '<ResponseMetadata><RequestId>RID</RequestId></ResponseMetadata></ConfirmSubscriptionResponse>',
    });
  });

  it('leaves the result element out for an action without a result', async () => {
    expect(await get(`Action=Unsubscribe&SubscriptionArn=${TOPIC}:sub`)).toEqual({
      status: 200,
      body: `<?xml version="1.0"?>\n<UnsubscribeResponse xmlns="${XMLNS}"><ResponseMetadata><RequestId>RID</RequestId></ResponseMetadata></UnsubscribeResponse>`,
    });
  });

  it("writes SNS's errors with their status, without Detail", async () => {
    expect(await get(`Action=Unsubscribe&SubscriptionArn=${TOPIC}:other`)).toEqual({
      status: 404,
      body:
        `<?xml version="1.0"?>\n<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>NotFound</Code>` +
        '<Message>Subscription does not exist</Message></Error><RequestId>RID</RequestId></ErrorResponse>',
    });
    expect(await get('Action=ConfirmSubscription&Token=t')).toEqual({
      status: 400,
      body:
        `<?xml version="1.0"?>\n<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>ValidationError</Code>` +
        "<Message>1 validation error detected: Value null at &apos;topicArn&apos; failed to satisfy constraint: Member must not be null</Message></Error>" +
        '<RequestId>RID</RequestId></ErrorResponse>',
    });
  });

  it('refuses other unsigned requests with MissingAuthenticationToken', async () => {
    expect(await get('Action=ListTopics')).toEqual({
      status: 403,
      body:
        `<?xml version="1.0"?>\n<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>MissingAuthenticationToken</Code>` +
        '<Message>Request is missing Authentication Token</Message></Error><RequestId>RID</RequestId></ErrorResponse>',
    });
  });
});
