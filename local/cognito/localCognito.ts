// Semantics of the local Cognito: the template's user pools, each with an issuer whose
// URL is on the local server, and token minting for the pools' app clients.
import { join } from 'node:path';
import type { CognitoPoolTrust } from '../appsync/auth/cognitoUserPools';
import { loadOrCreateSigningKey, UserPoolIssuer, type TokenRequest } from './issuer';
import type { UserPoolConfig } from './options';

export type LocalUserPool = UserPoolConfig & { issuer: UserPoolIssuer };

export class LocalCognito {
  private readonly pools = new Map<string, LocalUserPool>();

  private constructor() {}

  static async create(configs: UserPoolConfig[], baseUrl: string, dataDir?: string): Promise<LocalCognito> {
    const cognito = new LocalCognito();
    // One key for every pool: enough locally, since each pool's issuer URL differs.
    const key = await loadOrCreateSigningKey(dataDir ? join(dataDir, 'signing-key.json') : undefined);
    for (const config of configs) {
      cognito.pools.set(config.userPoolId, { ...config, issuer: new UserPoolIssuer(`${baseUrl}/${config.userPoolId}`, key) });
    }
    return cognito;
  }

  pool(userPoolId: string): LocalUserPool | undefined {
    return this.pools.get(userPoolId);
  }

  get poolList(): LocalUserPool[] {
    return [...this.pools.values()];
  }

  /** How a relying party (the local AppSync) trusts a pool's tokens. */
  trust(userPoolId: string): CognitoPoolTrust {
    const pool = this.pools.get(userPoolId);
    if (!pool) throw new Error(`The API trusts user pool ${userPoolId}, which is not in the template.`);
    return { userPoolId, issuerUrl: pool.issuer.issuerUrl, clientIds: pool.clientIds };
  }

  async issueTokens(request: Partial<TokenRequest> & { userPoolId?: string }) {
    const pool = request.userPoolId ? this.pools.get(request.userPoolId) : this.poolList[0];
    if (!pool) throw new Error(request.userPoolId ? `No user pool ${request.userPoolId}` : 'The template has no user pool');
    const clientId = request.clientId ?? pool.clientIds[0];
    if (!clientId) throw new Error(`User pool ${pool.userPoolId} has no app client to issue tokens for`);
    const unknownGroups = (request.groups ?? []).filter((g) => !pool.groups.includes(g));
    if (unknownGroups.length > 0) {
      throw new Error(`User pool ${pool.userPoolId} has no group ${unknownGroups.join(', ')} (groups: ${pool.groups.join(', ') || 'none'})`);
    }
    return pool.issuer.issue({ ...request, clientId });
  }
}
