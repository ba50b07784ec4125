// The local Secrets Manager: the template's secrets (options.ts) in a vault (secretVault.ts),
// kept in `<dataDir>/secretsmanager/` or in memory, served by the router (router.ts). The
// caller starts the HTTP server with `handler`, and hands `resolveDynamicReference` to the
// StackModel so that `{{resolve:secretsmanager:...}}` in the template reads these secrets.
//
//   const sm = createSecretsManagerService({ model, dataDir: '.data' });
//   model.env.dynamicReferences?.set('secretsmanager', sm.resolveDynamicReference);
//   listener.serve(sm.handler);
import { join } from 'node:path';
import { systemClock, type Clock } from '../shared/clock';
import type { RequestHandler } from '../shared/httpServer';
import { createLogger, type Logger } from '../shared/logger';
import { IamVerifier, localIamPrincipals, type IamPrincipal } from '../shared/sigv4/verifier';
import type { StackModel } from '../template/stackModel';
import { templateSecrets } from './options';
import type { RandomIndex } from './randomPassword';
import { secretsManagerRouter } from './router';
import { FileSecretStore, MemorySecretStore } from './secretStore';
import { SecretVault } from './secretVault';

/** Secrets Manager's SigV4 signing name (service model). */
export const SECRETS_MANAGER_SIGNING_NAME = 'secretsmanager';

export type SecretsManagerServiceOptions = {
  model: StackModel;
  /** The stack's data directory: secrets are kept in `<dataDir>/secretsmanager/`; undefined keeps them in memory. */
  dataDir?: string;
  clock?: Clock;
  logger?: Logger;
  /** Keys accepted in signatures; the local credentials by default. */
  principals?: ReadonlyMap<string, IamPrincipal>;
  /** Password characters and ARN suffixes (tests); crypto's by default. */
  random?: RandomIndex;
};

export type SecretsManagerService = {
  vault: SecretVault;
  /** The HTTP handler to serve (clients set AWS_ENDPOINT_URL_SECRETS_MANAGER to its URL). */
  handler: RequestHandler;
  /** Answers `{{resolve:secretsmanager:<parameter>}}` (a DynamicReferenceResolver for the StackModel). */
  resolveDynamicReference(parameter: string): string;
  stop(): void;
};

export function createSecretsManagerService(options: SecretsManagerServiceOptions): SecretsManagerService {
  const { model } = options;
  const logger = options.logger ?? createLogger('secretsmanager');
  const store = options.dataDir ? new FileSecretStore(join(options.dataDir, 'secretsmanager')) : new MemorySecretStore();
  const vault = new SecretVault({
    store,
    clock: options.clock ?? systemClock,
    region: model.env.region,
    accountId: model.env.accountId,
    logger,
    random: options.random,
  });
  vault.syncTemplate(templateSecrets(model));
  // Signatures are checked against the wall clock, which signing clients use, not the injected one.
  const verifier = new IamVerifier({ service: SECRETS_MANAGER_SIGNING_NAME, region: model.env.region, principals: options.principals ?? localIamPrincipals() });
  return {
    vault,
    handler: secretsManagerRouter({ vault, verifier, logger }),
    resolveDynamicReference: (parameter) => vault.resolveDynamicReference(parameter),
    stop: () => undefined,
  };
}

export { SecretVault } from './secretVault';
