// The local Secrets Manager's wire: AWS JSON 1.1 as @aws-sdk/client-secrets-manager speaks it
// (`POST /`, `Content-Type: application/x-amz-json-1.1`, `X-Amz-Target:
// secretsmanager.<Operation>`, a JSON body of the request members), every request SigV4-signed
// for `secretsmanager`; answers are JSON with `x-amzn-RequestId`, errors as errors.ts writes them.
// https://docs.aws.amazon.com/secretsmanager/latest/apireference/Welcome.html
// The client's protocol and target prefix: aws/aws-sdk-js-v3 clients/client-secrets-manager
// (AwsJson1_1Protocol, serviceTarget "secretsmanager").
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, type RequestHandler } from '../shared/httpServer';
import type { Logger } from '../shared/logger';
import { SigV4Rejected } from '../shared/sigv4/errors';
import type { IamVerifier } from '../shared/sigv4/verifier';
import { fromSigV4, JSON_CONTENT_TYPE, missingAuthentication, SecretsManagerError } from './errors';
import { OPERATIONS, type Input } from './operations';
import type { SecretVault } from './secretVault';

export const TARGET_PREFIX = 'secretsmanager.';
/** Largest request read: a 64 KB secret with JSON escaping, base64 and the other members. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

export type SecretsManagerRouterOptions = { vault: SecretVault; verifier: IamVerifier; logger: Logger };

export function secretsManagerRouter({ vault, verifier, logger }: SecretsManagerRouterOptions): RequestHandler {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const requestId = randomUUID();
    const target = String(req.headers['x-amz-target'] ?? '');
    const operationName = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
    try {
      let body: Buffer;
      try {
        body = await readBody(req, MAX_REQUEST_BYTES);
      } catch (error) {
        if (error instanceof BodyTooLargeError) throw new SecretsManagerError('InvalidRequestException', `The request body is larger than ${MAX_REQUEST_BYTES} bytes. (local wording)`);
        throw error;
      }
      if (!req.headers.authorization) throw missingAuthentication();
      const [path = '/', query = ''] = (req.url ?? '/').split('?', 2);
      await verifier.verify({ method: req.method ?? 'POST', path, query, headers: req.headers, body });
      // Own members only: `toString` and the like are no operations.
      const operation = req.method === 'POST' && Object.hasOwn(OPERATIONS, operationName) ? OPERATIONS[operationName] : undefined;
      // The common error of AWS JSON services for a target they do not have (local wording).
      if (!operation) throw new SecretsManagerError('UnknownOperationException', `The local Secrets Manager has no operation ${target || '(no X-Amz-Target)'}.`);
      const output = operation(vault, parseInput(body));
      const text = JSON.stringify(output);
      res.writeHead(200, { 'content-type': JSON_CONTENT_TYPE, 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': requestId });
      res.end(text);
    } catch (error) {
      const answer = asSecretsManagerError(error, logger, operationName);
      logger.debug(`${operationName || 'request'}: ${answer.errorType}: ${answer.message}`);
      answer.send(res, requestId);
    }
  };
}

function parseInput(body: Buffer): Input {
  if (body.length === 0) return {};
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    throw new SecretsManagerError('SerializationException', 'The request body is not valid JSON. (local wording)');
  }
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new SecretsManagerError('SerializationException', 'The request body must be a JSON object. (local wording)');
  return input as Input;
}

function asSecretsManagerError(error: unknown, logger: Logger, operation: string): SecretsManagerError {
  if (error instanceof SecretsManagerError) return error;
  if (error instanceof SigV4Rejected) {
    logger.warn(error.reason);
    return fromSigV4(error);
  }
  logger.error(`${operation || 'request'} failed in the local Secrets Manager`, error);
  return new SecretsManagerError('InternalServiceError', (error as Error).message);
}
