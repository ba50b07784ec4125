// The bytes SQS's query-protocol answers go out as (local/sqs/queryProtocol.ts on
// local/shared/awsQuery): the declaration with no newline, `&#xD;` for carriage returns (so
// XML parsers keep CRLF and the body's MD5 holds), list members and map entries under the
// service model's element names, `<Detail/>` in errors, and refused signatures with the query
// services' codes in both protocols.
import { describe, expect, it } from 'vitest';
import { queryAuthError } from '../../../../local/shared/awsQuery/auth';
import { SigV4Rejected } from '../../../../local/shared/sigv4/errors';
import { QueueDoesNotExist, SignatureRejected, type SqsError } from '../../../../local/sqs/errors';
import { writeJsonError } from '../../../../local/sqs/jsonProtocol';
import { readQueryRequest, writeQueryError, writeQueryResult } from '../../../../local/sqs/queryProtocol';
import { captured } from '../../../helpers/capturedResponse';

const XMLNS = 'http://queue.amazonaws.com/doc/2012-11-05/';

describe('SQS query-protocol answers', () => {
  it('writes a received message with its attributes as SQS does', async () => {
    const output = {
      Messages: [
        {
          MessageId: 'm1',
          Body: 'a <b> & "c"\r\n',
          Attributes: { ApproximateReceiveCount: '1' },
          MessageAttributes: { kind: { DataType: 'String', StringValue: 'invite' } },
        },
      ],
    };
    const body =
      `<?xml version="1.0"?><ReceiveMessageResponse xmlns="${XMLNS}"><ReceiveMessageResult><Message><MessageId>m1</MessageId>` +
      '<Body>a &lt;b&gt; &amp; &quot;c&quot;&#xD;\n</Body><Attribute><Name>ApproximateReceiveCount</Name><Value>1</Value></Attribute>' +
      '<MessageAttribute><Name>kind</Name><Value><DataType>String</DataType><StringValue>invite</StringValue></Value></MessageAttribute>' +
      '</Message></ReceiveMessageResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></ReceiveMessageResponse>';
    expect(await captured((res) => writeQueryResult(res, 'req-1', 'ReceiveMessage', output))).toEqual({
      status: 200,
      headers: { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body), 'x-amzn-requestid': 'req-1' },
      body,
    });
  });

  it('names batch entries and queue URLs by the model, and keeps an empty result element', async () => {
    const batch = await captured((res) =>
      writeQueryResult(res, 'r', 'DeleteMessageBatch', { Successful: [{ Id: 'a' }], Failed: [{ Id: 'b', SenderFault: true, Code: 'C', Message: 'm' }] }),
    );
    expect(batch.body).toContain(
      '<DeleteMessageBatchResult><DeleteMessageBatchResultEntry><Id>a</Id></DeleteMessageBatchResultEntry>' +
        '<BatchResultErrorEntry><Id>b</Id><SenderFault>true</SenderFault><Code>C</Code><Message>m</Message></BatchResultErrorEntry></DeleteMessageBatchResult>',
    );
    const listed = await captured((res) => writeQueryResult(res, 'r', 'ListQueues', { QueueUrls: ['u1', 'u2'] }));
    expect(listed.body).toContain('<ListQueuesResult><QueueUrl>u1</QueueUrl><QueueUrl>u2</QueueUrl></ListQueuesResult>');
    const deleted = await captured((res) => writeQueryResult(res, 'r', 'DeleteQueue', {}));
    expect(deleted.body).toBe(
      `<?xml version="1.0"?><DeleteQueueResponse xmlns="${XMLNS}"><DeleteQueueResult></DeleteQueueResult>` +
        '<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DeleteQueueResponse>',
    );
  });

  it('writes errors with the legacy code, the fault side and an empty Detail', async () => {
    const body =
      `<?xml version="1.0"?><ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type>` +
      '<Code>AWS.SimpleQueueService.NonExistentQueue</Code><Message>The specified queue does not exist.</Message><Detail/></Error>' +
      '<RequestId>req-2</RequestId></ErrorResponse>';
    expect(await captured((res) => writeQueryError(res, 'req-2', new QueueDoesNotExist()))).toEqual({
      status: 400,
      headers: { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body), 'x-amzn-requestid': 'req-2' },
      body,
    });
  });

  it('answers refused signatures with the query codes and statuses, in XML and in JSON', async () => {
    const cases: [SigV4Rejected['errorType'], string, number][] = [
      ['IncompleteSignatureException', 'IncompleteSignature', 400],
      ['UnrecognizedClientException', 'InvalidClientTokenId', 403],
      ['ExpiredTokenException', 'ExpiredToken', 403],
      ['InvalidSignatureException', 'SignatureDoesNotMatch', 403],
      ['BadRequestException', 'SignatureDoesNotMatch', 403], // clock skew
    ];
    for (const [errorType, code, status] of cases) {
      const error: SqsError = new SignatureRejected(queryAuthError(new SigV4Rejected(errorType, 'why')));
      expect([error.name, error.code, error.queryCode, error.status, error.fault, error.type]).toEqual([code, code, code, status, 'Sender', `com.amazon.coral.service#${code}`]);
      const json = await captured((res) => writeJsonError(res, 'r', error));
      expect([json.status, json.headers!['x-amzn-query-error'], json.body]).toEqual([status, `${code};Sender`, JSON.stringify({ __type: `com.amazon.coral.service#${code}`, message: 'why' })]);
      const xml = await captured((res) => writeQueryError(res, 'r', error));
      expect([xml.status, xml.body]).toEqual([status, expect.stringContaining(`<Error><Type>Sender</Type><Code>${code}</Code><Message>why</Message><Detail/></Error>`)]);
    }
  });
});

describe('SQS query-protocol requests', () => {
  it('reads flattened lists, maps and batch entries from the query string and body into the JSON shapes', () => {
    const body =
      'SendMessageBatchRequestEntry.1.Id=a&SendMessageBatchRequestEntry.1.MessageBody=x&' +
      'SendMessageBatchRequestEntry.1.MessageAttribute.1.Name=k&SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.DataType=String';
    const { action, input } = readQueryRequest(new URLSearchParams('Action=SendMessageBatch'), Buffer.from(body), 'http://localhost/000000000000/q');
    expect(action).toBe('SendMessageBatch');
    expect(input).toEqual({ Entries: [{ Id: 'a', MessageBody: 'x', MessageAttributes: { k: { DataType: 'String' } } }], QueueUrl: 'http://localhost/000000000000/q' });
    const receive = readQueryRequest(new URLSearchParams(), Buffer.from('Action=ReceiveMessage&AttributeName.1=All&AttributeName.2=SentTimestamp'), undefined);
    expect(receive.input).toEqual({ AttributeNames: ['All', 'SentTimestamp'] });
  });
});
