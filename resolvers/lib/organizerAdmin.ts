// Administrator operations on organizers (suspend, reinstate, set limits): the rules for
// their arguments and the UpdateItem each one makes, as plain data so that the same code runs
// in APPSYNC_JS resolvers and in Node. Values are plain; the resolver converts them with
// util.dynamodb.toMapValues. Only the `admins` group reaches these (schema directives).
import type { OrganizerLimitsInput } from '../../generated/graphql';
import { ErrorType } from './errorTypes';
import { TABLE_KEY } from './keys';
import type { OrganizerLimitsRecord } from './records';
import type { Violation } from './validateEvent';

export const ORGANIZER_ADMIN_RULES = {
  reasonMaxLength: 500,
  limitMin: 1,
  limitMax: 1000000,
} as const;

/** The limits an administrator may set, in the order they are checked and written. */
export const LIMIT_NAMES: (keyof OrganizerLimitsRecord)[] = ['maxActiveEvents', 'maxInvitationsPerEvent', 'maxInvitationsPerDay'];

export type OrganizerUpdate = {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues: Record<string, unknown>;
};

/** The condition every admin update carries: the organizer must exist (else NotFound). */
export const ORGANIZER_EXISTS = {
  expression: 'attribute_exists(#pk)',
  expressionNames: { '#pk': TABLE_KEY.partitionKey },
} as const;

/** ctx.error.type of an UpdateItem whose condition failed (AppSync's DynamoDB data source). */
export const CONDITION_FAILED = 'DynamoDB:ConditionalCheckFailedException';

/** The error for an id no organizer has. */
export function organizerNotFound(id: string) {
  return { errorType: ErrorType.NotFound, message: `No organizer with id ${id}.` };
}

/** A suspension reason as stored: trimmed, and null when nothing is left. */
export function suspensionReason(reason: string | null | undefined): string | null {
  const text = (reason ?? '').trim();
  return text.length === 0 ? null : text;
}

export function suspensionViolations(reason: string | null | undefined): Violation[] {
  const text = suspensionReason(reason) ?? '';
  if (text.length <= ORGANIZER_ADMIN_RULES.reasonMaxLength) return [];
  return [
    {
      field: 'reason',
      message: `reason must be at most ${ORGANIZER_ADMIN_RULES.reasonMaxLength} characters (got ${text.length})`,
    },
  ];
}

/** The limits given (null and left-out ones keep their value), by name. */
export function givenLimits(limits: OrganizerLimitsInput | null | undefined): Partial<OrganizerLimitsRecord> {
  const given: Partial<OrganizerLimitsRecord> = {};
  LIMIT_NAMES.forEach((name) => {
    const value = limits ? limits[name] : null;
    if (value !== null && value !== undefined) given[name] = value;
  });
  return given;
}

export function limitsViolations(limits: OrganizerLimitsInput | null | undefined): Violation[] {
  const given = givenLimits(limits);
  const names = LIMIT_NAMES.filter((name) => given[name] !== undefined);
  if (names.length === 0) {
    return [{ field: 'limits', message: `give at least one limit to set: ${LIMIT_NAMES.join(', ')}` }];
  }
  const violations: Violation[] = [];
  names.forEach((name) => {
    const value = given[name] as number;
    const { limitMin, limitMax } = ORGANIZER_ADMIN_RULES;
    if (typeof value !== 'number' || Math.floor(value) !== value || value < limitMin || value > limitMax) {
      violations.push({
        field: `limits.${name}`,
        message: `${name} must be an integer from ${limitMin} to ${limitMax} (got ${value})`,
      });
    }
  });
  return violations;
}

/** SUSPENDED with the reason; no reason removes an earlier one. Suspending again only changes the reason. */
export function suspendUpdate(reason: string | null | undefined, now: string): OrganizerUpdate {
  const text = suspensionReason(reason);
  const names: Record<string, string> = { '#status': 'status', '#updatedAt': 'updatedAt', '#reason': 'suspendedReason' };
  const values: Record<string, unknown> = { ':status': 'SUSPENDED', ':now': now };
  let expression = 'SET #status = :status, #updatedAt = :now';
  if (text === null) {
    expression = `${expression} REMOVE #reason`;
  } else {
    values[':reason'] = text;
    expression = `${expression}, #reason = :reason`;
  }
  return { expression, expressionNames: names, expressionValues: values };
}

/** ACTIVE again, without a suspension reason. Reinstating an active organizer changes nothing else. */
export function reinstateUpdate(now: string): OrganizerUpdate {
  return {
    expression: 'SET #status = :status, #updatedAt = :now REMOVE #reason',
    expressionNames: { '#status': 'status', '#updatedAt': 'updatedAt', '#reason': 'suspendedReason' },
    expressionValues: { ':status': 'ACTIVE', ':now': now },
  };
}

/**
 * Sets the given limits alone (limits.<name>). A maxActiveEvents below the current
 * activeEvents is allowed: existing events stay, new ones are refused.
 */
export function limitsUpdate(limits: OrganizerLimitsInput, now: string): OrganizerUpdate {
  const given = givenLimits(limits);
  const names: Record<string, string> = { '#limits': 'limits', '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = { ':now': now };
  const clauses: string[] = [];
  LIMIT_NAMES.filter((name) => given[name] !== undefined).forEach((name) => {
    names[`#${name}`] = name;
    values[`:${name}`] = given[name];
    clauses.push(`#limits.#${name} = :${name}`);
  });
  clauses.push('#updatedAt = :now');
  return { expression: `SET ${clauses.join(', ')}`, expressionNames: names, expressionValues: values };
}
