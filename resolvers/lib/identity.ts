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

/** util.authType() names (AppSync's). */
export const AUTH_TYPE = {
  userPools: 'User Pool Authorization',
  iam: 'IAM Authorization',
  apiKey: 'API Key Authorization',
} as const;

/** Who a call acts for: the signed-in organizer, or the organizer an IAM caller names. */
export type Actor = {
  organizerId: string;
  /** The ID token's email claim (registers a new organizer); null for IAM and access tokens. */
  email: string | null;
  admin: boolean;
  /** A backend caller signed with IAM, acting for `organizerId`. */
  viaIam: boolean;
};

export type ActorRefusal = { errorType: 'Unauthorized' | 'ValidationError'; message: string; errorInfo: Record<string, unknown> };

/**
 * The actor of a call that may name an organizer. `organizerId` is honoured for IAM callers
 * alone (they must give it); a Cognito user who passes one is refused, even an admin, so that
 * no user can act as another.
 */
export function actorOf(authType: string, identity: unknown, organizerIdArg: string | null | undefined): Actor | ActorRefusal {
  if (authType === AUTH_TYPE.iam) {
    if (!organizerIdArg) {
      return {
        errorType: 'ValidationError',
        message: 'IAM callers act for an organizer: give organizerId.',
        errorInfo: { violations: [{ field: 'organizerId', message: 'organizerId is required for IAM callers' }] },
      };
    }
    return { organizerId: organizerIdArg, email: null, admin: false, viaIam: true };
  }
  if (organizerIdArg) {
    return {
      errorType: 'Unauthorized',
      message: 'organizerId is for backend callers signed with IAM; signed-in organizers act for themselves.',
      errorInfo: { reason: 'ORGANIZER_ID_IAM_ONLY' },
    };
  }
  const organizerId = organizerIdOf(identity);
  if (!organizerId) {
    return { errorType: 'Unauthorized', message: 'Sign in as an organizer (Cognito user pools).', errorInfo: { reason: 'SIGN_IN_REQUIRED' } };
  }
  return { organizerId, email: emailClaimOf(identity), admin: isAdmin(identity), viaIam: false };
}

export function isActorRefusal(value: Actor | ActorRefusal): value is ActorRefusal {
  return (value as ActorRefusal).errorType !== undefined;
}
