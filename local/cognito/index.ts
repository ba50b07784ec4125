import { startHttpServer, type RunningServer } from '../shared/httpServer';
import type { Logger } from '../shared/logger';
import type { StackModel } from '../template/stackModel';
import { LocalCognito } from './localCognito';
import { userPoolConfigs } from './options';
import { cognitoRouter } from './router';

export type CognitoService = { cognito: LocalCognito; server: RunningServer };

export async function startCognito(model: StackModel, port: number, dataDir: string | undefined, logger: Logger): Promise<CognitoService> {
  let cognito: LocalCognito | undefined;
  const server = await startHttpServer('Cognito', port, (req, res) => cognitoRouter(cognito!)(req, res));
  cognito = await LocalCognito.create(userPoolConfigs(model), server.url, dataDir);
  for (const pool of cognito.poolList) logger.info(`user pool ${pool.userPoolId}: issuer ${pool.issuer.issuerUrl}`);
  return { cognito, server };
}
