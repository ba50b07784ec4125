// The local SQS's wire: reads a request (AWS JSON 1.0 or the query protocol), checks its SigV4
// signature, runs the action and writes the answer or SQS's error in the request's protocol.
// No rule of SQS lives here: the actions are in operations/, the semantics in queue.ts.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, type RequestHandler } from '../shared/httpServer';
import type { Logger } from '../shared/logger';
import type { SqsAuth } from './auth';
import type { SqsBroker } from './broker';
import { InternalFailure, InvalidAction, InvalidParameterValue, SqsError, UnsupportedOperation } from './errors';
import { isJsonRequest, readJsonRequest, writeJsonError, writeJsonResult } from './jsonProtocol';
import { SQS_ACTIONS, UNSUPPORTED_ACTIONS } from './operations/actions';
import type { Input } from './operations/input';
import { readQueryRequest, writeQueryError, writeQueryResult } from './queryProtocol';

/**
 * Largest request body read: a 1 MiB batch (the SQS payload limit) plus JSON escaping and
 * base64 of binary attributes. Bigger requests are refused before any parsing.
 */
export const MAX_REQUEST_BYTES = 8 * 1024 * 1024;

export type SqsRouterOptions = { broker: SqsBroker; auth: SqsAuth; logger: Logger };

type Protocol = 'json' | 'query';

export function createSqsRouter({ broker, auth, logger }: SqsRouterOptions): RequestHandler {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const requestId = randomUUID();
    const [path = '/', rawQuery = ''] = (req.url ?? '/').split('?', 2);
    const query = new URLSearchParams(rawQuery);
    const protocol: Protocol = isJsonRequest(req.headers) ? 'json' : 'query';
    let action = '';
    try {
      const body = await readBody(req, MAX_REQUEST_BYTES);
      const origin = `http://${req.headers.host ?? 'localhost'}`;
      const caller = await auth.verify({ method: req.method ?? 'POST', path, query: rawQuery, headers: req.headers, body }, `${origin}${path}`);
      let input: Input;
      ({ action, input } =
        protocol === 'json'
          ? readJsonRequest(req.headers['x-amz-target'] as string, body)
          : readQueryRequest(query, body, path.split('/').filter(Boolean).length === 2 ? `${origin}${path}` : undefined));
      const operation = SQS_ACTIONS[action];
      if (!operation) {
        if (UNSUPPORTED_ACTIONS.has(action)) throw new UnsupportedOperation(`${action} is not supported by the local SQS.`);
        throw new InvalidAction(action || '(none)');
      }
      const aborted = new AbortController();
      res.once('close', () => {
        if (!res.writableFinished) aborted.abort();
      });
      const output = await operation(input, { broker, senderId: caller.principal.username, signal: aborted.signal });
      if (res.destroyed) return;
      if (protocol === 'json') writeJsonResult(res, requestId, output);
      else writeQueryResult(res, requestId, action, output);
    } catch (error) {
      const sqsError = asSqsError(error, logger, action);
      logger.debug(`${action || 'request'}: ${sqsError.code}: ${sqsError.message}`);
      if (res.headersSent || res.destroyed) return;
      if (protocol === 'json') writeJsonError(res, requestId, sqsError);
      else writeQueryError(res, requestId, sqsError);
    }
  };
}

function asSqsError(error: unknown, logger: Logger, action: string): SqsError {
  if (error instanceof SqsError) return error;
  if (error instanceof BodyTooLargeError) return new InvalidParameterValue(`The request body is larger than ${error.limit} bytes.`); // (local wording)
  logger.error(`${action || 'request'} failed in the local SQS`, error);
  return new InternalFailure();
}
