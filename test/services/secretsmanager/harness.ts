// The local Secrets Manager on a free port, with the template's secrets, in memory or in a data
// directory, driven over HTTP by the real @aws-sdk/client-secrets-manager.
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { startHttpServer } from '../../../local/shared/httpServer';
import type { Clock } from '../../../local/shared/clock';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION, localClientConfig } from '../../../local/shared/localCredentials';
import type { Logger } from '../../../local/shared/logger';
import { createSecretsManagerService, type SecretsManagerService } from '../../../local/secretsmanager';
import type { CfnTemplate } from '../../../local/template/cloudAssembly';
import type { DynamicReferenceResolver } from '../../../local/template/dynamicReferences';
import { StackModel } from '../../../local/template/stackModel';

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export type SecretsManagerHarness = {
  url: string;
  model: StackModel;
  service: SecretsManagerService;
  client: SecretsManagerClient;
  stop(): Promise<void>;
};

export async function startSecretsManager(
  options: { template?: CfnTemplate; dataDir?: string; clock?: Clock } = {},
): Promise<SecretsManagerHarness> {
  const dynamicReferences = new Map<string, DynamicReferenceResolver>();
  const model = new StackModel(options.template ?? { Resources: {} }, {
    region: LOCAL_REGION,
    accountId: LOCAL_ACCOUNT_ID,
    stackName: 'SecretsTest',
    runtimeAttributes: new Map(),
    dynamicReferences,
  });
  // As local/stack.ts does: the secrets first, then references to them resolve.
  const service = createSecretsManagerService({ model, dataDir: options.dataDir, clock: options.clock, logger: silentLogger });
  dynamicReferences.set('secretsmanager', service.resolveDynamicReference);
  const server = await startHttpServer('Secrets Manager', 0, service.handler);
  const client = new SecretsManagerClient(localClientConfig(server.url));
  return {
    url: server.url,
    model,
    service,
    client,
    stop: async () => {
      client.destroy();
      service.stop();
      await server.close();
    },
  };
}
