// The wire of one function URL: answers CORS preflights from the configuration, checks the
// caller (AWS_IAM: SigV4 for the service `lambda`, verified with the shared verifier; NONE:
// anyone), hands the function the payload format 2.0 event and sends back the response it
// maps to (InvokeMode BUFFERED: the whole response once the function returns).
// https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html
// https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, type RequestHandler } from '../../shared/httpServer';
import type { Logger } from '../../shared/logger';
import { SigV4Rejected } from '../../shared/sigv4/errors';
import type { IamVerifier } from '../../shared/sigv4/verifier';
import type { LambdaService } from '../index';
import { MAX_SYNC_PAYLOAD_BYTES } from '../localLambda';
import { isPreflight, preflightHeaders, withCorsHeaders, type HeaderList } from './cors';
import { FunctionUrlError, forbidden, internalServerError, requestTooLarge, signatureRefused, throttled } from './errors';
import type { FunctionUrlConfig } from './options';
import { functionUrlEvent, type IamAuthorizer } from './requestEvent';
import { httpResponseOf, MalformedResponse } from './responseMapping';

export type FunctionUrlRouterOptions = {
  config: FunctionUrlConfig;
  /** The functions, looked up on every request (a hot swap replaces a function's code in place). */
  lambda: LambdaService;
  /** SigV4 for `lambda`, for AWS_IAM URLs. */
  verifier: IamVerifier;
  /** The function owner's account (requestContext.accountId). */
  accountId: string;
  logger: Logger;
  /** Milliseconds since the epoch, for requestContext.time. */
  now?: () => number;
};

export function functionUrlRouter(options: FunctionUrlRouterOptions): RequestHandler {
  const { config, logger } = options;
  const now = options.now ?? Date.now;
  const label = `function URL ${config.logicalId}`;
  return async (req: IncomingMessage, res: ServerResponse) => {
    const requestId = randomUUID();
    const method = req.method ?? 'GET';
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    const cors = (headers: HeaderList) => (config.cors ? withCorsHeaders(config.cors, origin, headers) : headers);
    const fail = (error: FunctionUrlError) => error.send(res, requestId, cors([]));

    if (config.cors && isPreflight(method, req.headers)) {
      const headers: HeaderList = [...preflightHeaders(config.cors, req.headers), ['content-length', '0'], ['x-amzn-requestid', requestId]];
      res.writeHead(200, headers.flat());
      res.end();
      return;
    }

    let body: Buffer;
    try {
      body = await readBody(req, MAX_SYNC_PAYLOAD_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return fail(requestTooLarge(MAX_SYNC_PAYLOAD_BYTES));
      throw error;
    }

    let authorizer: IamAuthorizer | undefined;
    if (config.authType === 'AWS_IAM') {
      if (!req.headers.authorization) {
        logger.warn(`${label}: AWS_IAM and the request is not signed: 403`);
        return fail(forbidden());
      }
      try {
        const [path = '/', query = ''] = (req.url ?? '/').split('?', 2);
        const caller = await options.verifier.verify({ method, path, query, headers: req.headers, body });
        authorizer = {
          accessKey: caller.accessKeyId,
          accountId: caller.principal.accountId,
          callerId: caller.principal.username,
          cognitoIdentity: null,
          principalOrgId: null,
          userArn: caller.principal.userArn,
          userId: caller.principal.username,
        };
      } catch (error) {
        if (!(error instanceof SigV4Rejected)) throw error;
        logger.warn(`${label}: ${error.reason}`);
        return fail(signatureRefused(error));
      }
    }

    const fn = options.lambda.find(config.functionName);
    if (!fn) {
      logger.error(`${label}: function ${config.functionName} does not run locally`);
      return fail(internalServerError());
    }
    if (fn.config.reservedConcurrency === 0) return fail(throttled());

    const event = functionUrlEvent(
      { method, target: req.url ?? '/', rawHeaders: req.rawHeaders, body, sourceIp: sourceIp(req), httpVersion: req.httpVersion },
      { requestId, accountId: options.accountId, urlId: config.urlId, domainName: req.headers.host ?? `${config.urlId}.lambda-url.on.aws`, now: now(), authorizer },
    );
    const result = await fn.invoke(event, { requestId });
    if (!result.ok) {
      logger.warn(`${label}: ${fn.name} failed (${result.error.errorType}: ${result.error.errorMessage}): 502`);
      return fail(internalServerError());
    }
    if (Buffer.byteLength(JSON.stringify(result.result ?? null)) > MAX_SYNC_PAYLOAD_BYTES) {
      logger.warn(`${label}: ${fn.name}'s response is larger than ${MAX_SYNC_PAYLOAD_BYTES} bytes: 502`);
      return fail(internalServerError());
    }
    let response;
    try {
      response = httpResponseOf(result.result);
    } catch (error) {
      if (!(error instanceof MalformedResponse)) throw error;
      logger.warn(`${label}: ${fn.name} returned a response Lambda cannot send (${error.message}): 502`);
      return fail(internalServerError());
    }
    const headers = cors([...response.headers, ['content-length', String(response.body.length)], ['x-amzn-requestid', requestId]]);
    res.writeHead(response.statusCode, headers.flat());
    res.end(method === 'HEAD' ? undefined : response.body);
  };
}

/** The address of the TCP peer, without the IPv4-mapped prefix. */
function sourceIp(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
}
