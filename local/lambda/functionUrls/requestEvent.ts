// The event a function URL hands its function: payload format version 2.0, the schema of
// API Gateway HTTP APIs' proxy integration, built from the HTTP request as received.
// https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html#urls-request-payload
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html#http-api-develop-integrations-lambda.proxy-format
//
// - headers: names lower-cased, repeated headers joined with commas ("header2": "value1,value2");
//   the Cookie header is not among them: its cookies are the `cookies` array.
// - rawQueryString as sent; queryStringParameters decoded, repeated names joined with commas,
//   absent without a query string.
// - body: "If the content type of the request is binary, the body is base64-encoded". AWS does
//   not list the types; measured on HTTP APIs, only text/*, application/json, application/xml
//   and application/javascript arrive as text, everything else (a missing Content-Type and
//   application/x-www-form-urlencoded included) base64-encoded
//   (https://github.com/ministackorg/ministack/pull/766); AWS's function URL announcement decodes
//   a form post from base64 too. No `body` member for an empty body.
import { randomBytes } from 'node:crypto';

export type FunctionUrlRequest = {
  method: string;
  /** The request target as sent (path and query, still percent-encoded). */
  target: string;
  /** Header names and values as sent, in order (Node's rawHeaders). */
  rawHeaders: readonly string[];
  body: Buffer;
  sourceIp: string;
  /** `1.1` */
  httpVersion: string;
};

/** requestContext.authorizer.iam, for AWS_IAM URLs. */
export type IamAuthorizer = {
  accessKey: string;
  accountId: string;
  callerId: string;
  cognitoIdentity: null;
  principalOrgId: null;
  userArn: string;
  userId: string;
};

export type EventContext = {
  requestId: string;
  /** The function owner's account. */
  accountId: string;
  urlId: string;
  /** What requestContext.domainName reports: the host the client called. */
  domainName: string;
  /** Milliseconds since the epoch. */
  now: number;
  authorizer?: IamAuthorizer;
};

export type FunctionUrlEvent = {
  version: '2.0';
  routeKey: '$default';
  rawPath: string;
  rawQueryString: string;
  cookies?: string[];
  headers: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  requestContext: Record<string, unknown>;
  body?: string;
  isBase64Encoded: boolean;
};

const TEXT_TYPES = [/^text\//, /^application\/json\b/, /^application\/xml\b/, /^application\/javascript\b/];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function functionUrlEvent(request: FunctionUrlRequest, context: EventContext): FunctionUrlEvent {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
    const name = request.rawHeaders[i]!.toLowerCase();
    const value = request.rawHeaders[i + 1]!;
    if (name === 'cookie') {
      cookies.push(...value.split(';').map((c) => c.trim()).filter(Boolean));
      continue;
    }
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  // What Lambda's front end adds (X-Forwarded-* and a trace id; locally the scheme is http).
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${request.sourceIp}` : request.sourceIp;
  headers['x-forwarded-proto'] ??= 'http';
  const port = /:(\d+)$/.exec(headers.host ?? '')?.[1];
  if (port) headers['x-forwarded-port'] ??= port;
  headers['x-amzn-trace-id'] ??= `Root=1-${Math.floor(context.now / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;

  const hash = request.target.indexOf('#');
  const target = hash >= 0 ? request.target.slice(0, hash) : request.target;
  const question = target.indexOf('?');
  const rawPath = question >= 0 ? target.slice(0, question) : target;
  const rawQueryString = question >= 0 ? target.slice(question + 1) : '';
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) query[name] = name in query ? `${query[name]},${value}` : value;

  const body = request.body.length > 0 ? bodyMembers(request.body, headers['content-type']) : { isBase64Encoded: false };
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: context.accountId,
      apiId: context.urlId,
      authentication: null,
      authorizer: context.authorizer ? { iam: context.authorizer } : null,
      domainName: context.domainName,
      domainPrefix: context.urlId,
      http: {
        method: request.method,
        path: rawPath,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: context.requestId,
      routeKey: '$default',
      stage: '$default',
      time: clfTime(context.now),
      timeEpoch: context.now,
    },
    ...body,
  };
}

/** Whether Lambda hands a body of this Content-Type to the function as text. */
export function isTextContentType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').trim().toLowerCase();
  return TEXT_TYPES.some((pattern) => pattern.test(type));
}

function bodyMembers(body: Buffer, contentType: string | undefined): { body: string; isBase64Encoded: boolean } {
  return isTextContentType(contentType) ? { body: body.toString('utf8'), isBase64Encoded: false } : { body: body.toString('base64'), isBase64Encoded: true };
}

/** `12/Mar/2020:19:03:58 +0000`, as requestContext.time shows it. */
function clfTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}
