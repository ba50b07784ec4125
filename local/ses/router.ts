// The SES server's wire: requests to /v2/... are API v2 (REST JSON), other signed requests
// are API v1 (query protocol); both sign with the name `ses` (endpoint host prefix `email`:
// https://docs.aws.amazon.com/general/latest/gr/ses.html). Unsigned local routes: the mail
// viewer under /_local/mail (viewer/router.ts) and the sending quota at /_local/ses/send-quota
// (GET shows it, PUT {"maxSendRate", "max24HourSend"} changes it).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { invalidActionMessage } from '../shared/awsQuery/errors';
import { queryRequestParams } from '../shared/awsQuery/form';
import { BodyTooLargeError, readBody, sendJson } from '../shared/httpServer';
import type { Logger } from '../shared/logger';
import { SigV4Rejected } from '../shared/sigv4/errors';
import type { IamVerifier, SigV4Caller } from '../shared/sigv4/verifier';
import { SesError, v1AuthError, v2AuthError } from './errors';
import type { Caller } from './sending';
import type { SendQuota } from './sendQuota';
import { sendV1Error, sendV1Result, sesV1Actions } from './routerV1';
import { sendV2Error, sendV2Result, type sesV2Router } from './routerV2';
import type { mailViewer } from './viewer/router';

export const SEND_QUOTA_PATH = '/_local/ses/send-quota';

/** A 40 MB message in base64, form-encoded (v1) or in JSON (v2), with room to spare. */
const MAX_BODY_BYTES = 80 * 1024 * 1024;

export type SesRouterDeps = {
  verifier: IamVerifier;
  v1: ReturnType<typeof sesV1Actions>;
  v2: ReturnType<typeof sesV2Router>;
  viewer: ReturnType<typeof mailViewer>;
  quota: SendQuota;
  logger: Logger;
};

export function sesRouter({ verifier, v1, v2, viewer, quota, logger }: SesRouterDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    const url = new URL(req.url ?? '/', 'http://local');
    const isV2 = url.pathname.startsWith('/v2/');
    try {
      if (await viewer(req, res, url.pathname)) return;
      if (req.method === 'GET' && url.pathname === '/' && !url.search && req.headers.authorization === undefined) {
        // A browser opening the endpoint (SDKs always POST): show the outbox.
        res.writeHead(302, { location: '/_local/mail' }).end();
        return;
      }
      if (url.pathname === SEND_QUOTA_PATH) return await sendQuotaRoute(req, res, quota);
      const body = await readBody(req, MAX_BODY_BYTES);
      const rawQuery = url.search.slice(1);
      let signer: SigV4Caller | undefined;
      let rejected: SigV4Rejected | undefined;
      if (req.headers.authorization !== undefined) {
        try {
          signer = await verifier.verify({ method: req.method ?? 'POST', path: url.pathname, query: rawQuery, headers: req.headers, body });
        } catch (error) {
          if (!(error instanceof SigV4Rejected)) throw error;
          rejected = error;
        }
      }
      if (!signer) {
        logger.warn(`refused ${req.method} ${url.pathname}: ${rejected?.reason ?? 'not signed'}`);
        if (isV2) sendV2Error(res, v2AuthError(rejected), requestId);
        else sendV1Error(res, v1AuthError(rejected), requestId);
        return;
      }
      const caller: Caller = { identity: signer.principal.userArn.split('/').pop() ?? signer.accessKeyId, sourceIp: req.socket.remoteAddress ?? '127.0.0.1' };
      if (isV2) {
        const result = await v2({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, body, caller });
        sendV2Result(res, result, requestId);
        return;
      }
      const params = queryRequestParams(req.method, rawQuery, body);
      const action = params.get('Action') ?? '';
      const handler = Object.hasOwn(v1, action) ? v1[action] : undefined;
      if (!handler) {
        // The query services' common error (https://docs.aws.amazon.com/ses/latest/APIReference/CommonErrors.html).
        sendV1Error(res, { code: 'InvalidAction', status: 400, type: 'Sender', message: invalidActionMessage(action) }, requestId);
        return;
      }
      sendV1Result(res, action, await handler(params, caller), requestId);
    } catch (error) {
      if (error instanceof SesError) {
        if (isV2) sendV2Error(res, error, requestId);
        else sendV1Error(res, error, requestId);
        return;
      }
      if (error instanceof BodyTooLargeError) {
        const tooLarge = new SesError('MessageRejected', `Request larger than ${MAX_BODY_BYTES} bytes.`);
        if (isV2) sendV2Error(res, tooLarge, requestId);
        else sendV1Error(res, tooLarge, requestId);
        return;
      }
      logger.error(`internal error: ${(error as Error).stack ?? String(error)}`);
      if (isV2) sendV2Error(res, { type: 'InternalServiceErrorException', status: 500, message: (error as Error).message }, requestId);
      else sendV1Error(res, { code: 'InternalFailure', status: 500, type: 'Receiver', message: (error as Error).message }, requestId);
    }
  };
}

async function sendQuotaRoute(req: IncomingMessage, res: ServerResponse, quota: SendQuota): Promise<void> {
  if (req.method === 'PUT' || req.method === 'POST') {
    let body: { maxSendRate?: unknown; max24HourSend?: unknown };
    try {
      body = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8') || '{}') as typeof body;
    } catch {
      return sendJson(res, 400, { message: 'Body must be JSON: { "maxSendRate": number, "max24HourSend": number (-1 for unlimited) }' });
    }
    const current = quota.settings;
    const maxSendRate = body.maxSendRate === undefined ? current.maxSendRate : Number(body.maxSendRate);
    const max24HourSend = body.max24HourSend === undefined ? current.max24HourSend : Number(body.max24HourSend);
    if (!(maxSendRate > 0) || !Number.isFinite(max24HourSend)) return sendJson(res, 400, { message: 'maxSendRate must be > 0 and max24HourSend a number' });
    quota.setLimits({ maxSendRate, max24HourSend });
  } else if (req.method !== 'GET') {
    return sendJson(res, 405, { message: 'GET or PUT' });
  }
  sendJson(res, 200, { ...quota.settings, sentLast24Hours: quota.sentLast24Hours() });
}
