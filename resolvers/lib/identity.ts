// Reading the caller out of ctx.identity, whatever the auth mode (AppSync's Identity union).

export const ADMINS_GROUP = 'admins';

type AnyIdentity = {
  sub?: string;
  groups?: string[] | null;
  claims?: { email?: string } & Record<string, unknown>;
} | null | undefined;

/** The Cognito user's id (`sub`), or null for API key and IAM callers. */
export function organizerIdOf(identity: unknown): string | null {
  const id = identity as AnyIdentity;
  return id && typeof id.sub === 'string' && id.sub.length > 0 ? id.sub : null;
}

/** The `email` claim: ID tokens carry it, access tokens do not. */
export function emailClaimOf(identity: unknown): string | null {
  const id = identity as AnyIdentity;
  const email = id && id.claims ? id.claims.email : undefined;
  return typeof email === 'string' && email.length > 0 ? email : null;
}

export function isAdmin(identity: unknown): boolean {
  const id = identity as AnyIdentity;
  return !!id && Array.isArray(id.groups) && id.groups.includes(ADMINS_GROUP);
}
