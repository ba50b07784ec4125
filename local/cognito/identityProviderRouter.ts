// Wire protocol of the Cognito user pools API (AWS JSON 1.1): `POST /` with
// `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`, a JSON body, and errors as
// `{ "__type", "message" }` with the type in x-amzn-ErrorType. SignUp, ConfirmSignUp and
// InitiateAuth are public (an app's users call them unsigned); the Admin operations need a
// SigV4 signature for the service `cognito-idp`.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/Welcome.html
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody } from '../shared/httpServer';
import type { Logger } from '../shared/logger';
import { SigV4Rejected } from '../shared/sigv4/errors';
import type { IamVerifier } from '../shared/sigv4/verifier';
import { CognitoError } from './errors';
import type { CognitoIdentityProvider } from './identityProvider';

export const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const MAX_BODY_BYTES = 256 * 1024;

type Operation = { signed: boolean; run: (api: CognitoIdentityProvider, input: any) => Promise<unknown> };

const OPERATIONS: Record<string, Operation> = {
  SignUp: { signed: false, run: (api, input) => api.signUp(input) },
  ConfirmSignUp: { signed: false, run: (api, input) => api.confirmSignUp(input) },
  InitiateAuth: { signed: false, run: (api, input) => api.initiateAuth(input) },
  AdminCreateUser: { signed: true, run: (api, input) => api.adminCreateUser(input) },
  AdminSetUserPassword: { signed: true, run: (api, input) => api.adminSetUserPassword(input) },
  AdminAddUserToGroup: { signed: true, run: (api, input) => api.adminAddUserToGroup(input) },
  AdminGetUser: { signed: true, run: (api, input) => api.adminGetUser(input) },
};

export function isIdentityProviderRequest(req: IncomingMessage): boolean {
  const target = req.headers['x-amz-target'];
  return req.method === 'POST' && typeof target === 'string' && target.startsWith(TARGET_PREFIX);
}

export async function identityProviderRoute(
  req: IncomingMessage,
  res: ServerResponse,
  api: CognitoIdentityProvider,
  verifier: IamVerifier,
  logger: Logger,
): Promise<void> {
  const name = String(req.headers['x-amz-target']).slice(TARGET_PREFIX.length);
  try {
    const operation = OPERATIONS[name];
    if (!operation) throw new CognitoError('UnknownOperationException', `The local Cognito does not serve ${name}.`);
    let body: Buffer;
    try {
      body = await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) throw new CognitoError('InvalidParameterException', error.message);
      throw error;
    }
    if (operation.signed) {
      await verifier.verify({ method: 'POST', path: (req.url ?? '/').split('?')[0]!, query: (req.url ?? '').split('?')[1], headers: req.headers, body });
    }
    let input: unknown;
    try {
      input = JSON.parse(body.toString('utf8') || '{}');
    } catch {
      throw new CognitoError('InvalidParameterException', 'The request body is not JSON.');
    }
    const output = await operation.run(api, input);
    const text = JSON.stringify(output);
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  } catch (error) {
    if (error instanceof SigV4Rejected) {
      logger.warn(error.reason);
      const type = error.errorType === 'BadRequestException' ? 'InvalidSignatureException' : error.errorType;
      return new CognitoError(type, error.message).send(res);
    }
    if (error instanceof CognitoError) return error.send(res);
    logger.error(`Cognito ${name}: ${(error as Error).stack ?? error}`);
    return new CognitoError('InternalErrorException', (error as Error).message).send(res);
  }
}
