// SQS over AWS JSON 1.0, as current SDKs speak it: `POST /`, `X-Amz-Target: AmazonSQS.<Action>`,
// a JSON body of the operation's members; answers with `x-amzn-RequestId`, and errors as
// `{"__type": "com.amazonaws.sqs#<Name>", "message": ...}` with `x-amzn-query-error:
// <legacy code>;<Sender|Receiver>`, which query-compatible clients read first.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-json-api-responses.html
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-making-api-requests-json.html
import type { ServerResponse } from 'node:http';
import { MalformedRequest, type SqsError } from './errors';
import type { Input } from './operations/input';

export const JSON_TARGET_PREFIX = 'AmazonSQS.';
export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.0';

export function isJsonRequest(headers: Record<string, string | string[] | undefined>): boolean {
  const target = headers['x-amz-target'];
  return typeof target === 'string' && target.startsWith(JSON_TARGET_PREFIX);
}

export function readJsonRequest(target: string, body: Buffer): { action: string; input: Input } {
  const action = target.slice(JSON_TARGET_PREFIX.length);
  if (body.length === 0) return { action, input: {} };
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    throw new MalformedRequest('The request body is not valid JSON.'); // (local wording)
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new MalformedRequest('The request body must be a JSON object.');
  return { action, input: input as Input };
}

export function writeJsonResult(res: ServerResponse, requestId: string, output: Record<string, unknown>): void {
  const text = JSON.stringify(output);
  res.writeHead(200, {
    'content-type': JSON_CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': requestId,
  });
  res.end(text);
}

export function writeJsonError(res: ServerResponse, requestId: string, error: SqsError): void {
  const text = JSON.stringify({ __type: error.type, message: error.message });
  res.writeHead(error.status, {
    'content-type': JSON_CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': requestId,
    'x-amzn-query-error': `${error.queryCode};${error.fault}`,
  });
  res.end(text);
}
