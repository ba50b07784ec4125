// How the importer sends: the invite port, one call per chunk of up to INVITE_LIMITS.perCall
// valid rows, answering as the `inviteAttendees` mutation does (schema.graphql InviteResult).
// graphqlInvitePort.ts is the port on AppSync; tests pass a fake.

/** A valid, first-seen row: the address as normalized, the name as cleaned, and its row. */
export type InviteCandidate = { email: string; name: string | null; row: number };

export type InviteIssue = { email: string; reason: string };

/** `InviteResult` as far as the importer reads it. */
export type InviteOutcome = {
  invited: { email: string }[];
  /** Already invited (or listed twice in the call). */
  duplicates: InviteIssue[];
  invalid: InviteIssue[];
  /** Bounced, complained, unsubscribed. */
  rejected: InviteIssue[];
};

/**
 * Sends one chunk. Throws InviteRefusedError when the API refused the call as a whole for a
 * reason later calls would meet too (the import stops sending); any other error propagates
 * out of importCsv for the caller to retry.
 */
export type InvitePort = (chunk: InviteCandidate[]) => Promise<InviteOutcome>;
