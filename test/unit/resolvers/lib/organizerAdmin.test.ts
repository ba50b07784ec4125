import { describe, expect, it } from 'vitest';
import {
  CONDITION_FAILED,
  givenLimits,
  limitsUpdate,
  limitsViolations,
  ORGANIZER_ADMIN_RULES,
  ORGANIZER_EXISTS,
  organizerNotFound,
  reinstateUpdate,
  suspendUpdate,
  suspensionReason,
  suspensionViolations,
} from '../../../../resolvers/lib/organizerAdmin';

const NOW = '2030-01-01T00:00:00.000Z';

describe('suspension reasons', () => {
  it('are trimmed, and blank or missing ones are none', () => {
    expect(suspensionReason('  spam reports \n')).toBe('spam reports');
    expect(suspensionReason('   ')).toBeNull();
    expect(suspensionReason(null)).toBeNull();
    expect(suspensionReason(undefined)).toBeNull();
  });

  it('may hold 500 characters once trimmed, not 501', () => {
    expect(suspensionViolations('x'.repeat(ORGANIZER_ADMIN_RULES.reasonMaxLength))).toEqual([]);
    expect(suspensionViolations(`  ${'x'.repeat(500)}  `)).toEqual([]);
    expect(suspensionViolations(null)).toEqual([]);
    expect(suspensionViolations('x'.repeat(501))).toEqual([
      { field: 'reason', message: 'reason must be at most 500 characters (got 501)' },
    ]);
  });
});

describe('limits an administrator sets', () => {
  it('keep only the limits given (null counts as left out)', () => {
    expect(givenLimits({ maxActiveEvents: 5, maxInvitationsPerDay: null })).toEqual({ maxActiveEvents: 5 });
    expect(givenLimits({})).toEqual({});
    expect(givenLimits(null)).toEqual({});
  });

  it('need at least one limit', () => {
    for (const limits of [{}, { maxActiveEvents: null, maxInvitationsPerEvent: null, maxInvitationsPerDay: null }, null]) {
      expect(limitsViolations(limits)).toEqual([{ field: 'limits', message: expect.stringContaining('at least one limit') }]);
    }
  });

  it('accept integers from 1 to 1,000,000', () => {
    expect(limitsViolations({ maxActiveEvents: 1 })).toEqual([]);
    expect(limitsViolations({ maxActiveEvents: 1, maxInvitationsPerEvent: 1_000_000, maxInvitationsPerDay: 42 })).toEqual([]);
  });

  it('name every limit out of range or not an integer', () => {
    expect(limitsViolations({ maxActiveEvents: 0, maxInvitationsPerEvent: 1_000_001, maxInvitationsPerDay: 2.5 })).toEqual([
      { field: 'limits.maxActiveEvents', message: 'maxActiveEvents must be an integer from 1 to 1000000 (got 0)' },
      { field: 'limits.maxInvitationsPerEvent', message: 'maxInvitationsPerEvent must be an integer from 1 to 1000000 (got 1000001)' },
      { field: 'limits.maxInvitationsPerDay', message: 'maxInvitationsPerDay must be an integer from 1 to 1000000 (got 2.5)' },
    ]);
    expect(limitsViolations({ maxInvitationsPerDay: -3 }).map((v) => v.field)).toEqual(['limits.maxInvitationsPerDay']);
  });
});

describe('the updates', () => {
  it('suspend with the trimmed reason', () => {
    expect(suspendUpdate('  abuse ', NOW)).toEqual({
      expression: 'SET #status = :status, #updatedAt = :now, #reason = :reason',
      expressionNames: { '#status': 'status', '#updatedAt': 'updatedAt', '#reason': 'suspendedReason' },
      expressionValues: { ':status': 'SUSPENDED', ':now': NOW, ':reason': 'abuse' },
    });
  });

  it('suspend without a reason removing an earlier one', () => {
    const update = suspendUpdate('  ', NOW);
    expect(update.expression).toBe('SET #status = :status, #updatedAt = :now REMOVE #reason');
    expect(update.expressionValues).toEqual({ ':status': 'SUSPENDED', ':now': NOW });
    expect(update.expressionNames['#reason']).toBe('suspendedReason');
  });

  it('reinstate: ACTIVE, the reason removed', () => {
    expect(reinstateUpdate(NOW)).toEqual({
      expression: 'SET #status = :status, #updatedAt = :now REMOVE #reason',
      expressionNames: { '#status': 'status', '#updatedAt': 'updatedAt', '#reason': 'suspendedReason' },
      expressionValues: { ':status': 'ACTIVE', ':now': NOW },
    });
  });

  it('set only the limits given, inside the limits map', () => {
    expect(limitsUpdate({ maxActiveEvents: 7, maxInvitationsPerDay: 100, maxInvitationsPerEvent: null }, NOW)).toEqual({
      expression: 'SET #limits.#maxActiveEvents = :maxActiveEvents, #limits.#maxInvitationsPerDay = :maxInvitationsPerDay, #updatedAt = :now',
      expressionNames: {
        '#limits': 'limits',
        '#updatedAt': 'updatedAt',
        '#maxActiveEvents': 'maxActiveEvents',
        '#maxInvitationsPerDay': 'maxInvitationsPerDay',
      },
      expressionValues: { ':now': NOW, ':maxActiveEvents': 7, ':maxInvitationsPerDay': 100 },
    });
  });

  it('every name and value an expression uses is defined, and none is left unused', () => {
    for (const update of [suspendUpdate('r', NOW), suspendUpdate(null, NOW), reinstateUpdate(NOW), limitsUpdate({ maxInvitationsPerEvent: 3 }, NOW)]) {
      const names = update.expression.match(/#\w+/g) ?? [];
      const values = update.expression.match(/:\w+/g) ?? [];
      expect(new Set(names)).toEqual(new Set(Object.keys(update.expressionNames)));
      expect(new Set(values)).toEqual(new Set(Object.keys(update.expressionValues)));
    }
  });

  it('only touch an existing organizer; a failed condition means NotFound', () => {
    expect(ORGANIZER_EXISTS).toEqual({ expression: 'attribute_exists(#pk)', expressionNames: { '#pk': 'pk' } });
    expect(CONDITION_FAILED).toBe('DynamoDB:ConditionalCheckFailedException');
    expect(organizerNotFound('u9')).toEqual({ errorType: 'NotFound', message: 'No organizer with id u9.' });
  });
});
