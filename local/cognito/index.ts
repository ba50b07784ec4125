import { startHttpServer, type RunningServer } from '../shared/httpServer';
import type { Logger } from '../shared/logger';
import type { FunctionTarget } from '../shared/localServices';
import { IamVerifier, localIamPrincipals } from '../shared/sigv4/verifier';
import type { StackModel } from '../template/stackModel';
import { CognitoIdentityProvider } from './identityProvider';
import { LocalCognito } from './localCognito';
import { userPoolConfigs } from './options';
import { cognitoRouter } from './router';

export type CognitoService = { cognito: LocalCognito; identityProvider: CognitoIdentityProvider; server: RunningServer };

export type CognitoServiceOptions = {
  /**
   * Runs the pools' Lambda triggers: the LocalServices directory (whose `functions` the
   * Lambda API registers, possibly after Cognito starts). Without it, triggers are skipped
   * with a warning.
   */
  functions?: FunctionTarget;
};

/**
 * @param dataDir where the signing key and users.json are kept; undefined keeps them in memory.
 */
export async function startCognito(
  model: StackModel,
  port: number,
  dataDir: string | undefined,
  logger: Logger,
  options: CognitoServiceOptions = {},
): Promise<CognitoService> {
  let handler: ReturnType<typeof cognitoRouter> | undefined;
  const server = await startHttpServer('Cognito', port, (req, res) => handler!(req, res));
  const cognito = await LocalCognito.create(userPoolConfigs(model), server.url, dataDir, { functions: options.functions, logger });
  const identityProvider = new CognitoIdentityProvider(cognito);
  const verifier = new IamVerifier({ service: 'cognito-idp', region: model.env.region, principals: localIamPrincipals() });
  handler = cognitoRouter(cognito, { api: identityProvider, verifier }, logger);
  for (const pool of cognito.poolList) {
    const triggers = Object.keys(pool.triggers);
    logger.info(`user pool ${pool.userPoolId}: issuer ${pool.issuer.issuerUrl}${triggers.length ? ` (triggers: ${triggers.join(', ')})` : ''}`);
  }
  return { cognito, identityProvider, server };
}
