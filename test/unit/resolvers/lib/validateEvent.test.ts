import { describe, expect, it } from 'vitest';
import { describeViolations, eventInputViolations, optionalText } from '../../../../resolvers/lib/validateEvent';

const NOW = Date.parse('2030-01-01T00:00:00Z');
const valid = { title: 'Kick-off', startsAt: '', endsAt: '', timeZone: 'Europe/Berlin', description: null, location: null };
const at = (iso: string) => Date.parse(iso);
const instants = (start: string, end: string) => ({ startsAtMs: at(start), endsAtMs: at(end), nowMs: NOW });

describe('eventInputViolations', () => {
  it('accepts a future event with a valid zone', () => {
    expect(eventInputViolations(valid, instants('2030-02-01T10:00:00Z', '2030-02-01T11:00:00Z'))).toEqual([]);
  });

  it('refuses a blank title and counts the title after trimming', () => {
    expect(eventInputViolations({ ...valid, title: ' \t ' }, instants('2030-02-01T10:00:00Z', '2030-02-01T11:00:00Z'))).toEqual([
      { field: 'input.title', message: 'title must not be blank' },
    ]);
    const padded = ` ${'x'.repeat(200)} `;
    expect(eventInputViolations({ ...valid, title: padded }, instants('2030-02-01T10:00:00Z', '2030-02-01T11:00:00Z'))).toEqual([]);
  });

  it('refuses an event that starts now or earlier, and one that ends when it starts', () => {
    const v = eventInputViolations(valid, instants('2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z'));
    expect(v.map((x) => x.field)).toEqual(['input.startsAt', 'input.endsAt']);
  });

  it('refuses instants past year 9999, where ISO strings stop sorting', () => {
    const v = eventInputViolations(valid, { startsAtMs: 253402300800000, endsAtMs: 253402300900000, nowMs: NOW });
    expect(v.map((x) => x.message)).toEqual(['startsAt must be before the year 10000', 'endsAt must be before the year 10000']);
  });

  it('limits description and location lengths', () => {
    const v = eventInputViolations(
      { ...valid, description: 'd'.repeat(8001), location: 'l'.repeat(501) },
      instants('2030-02-01T10:00:00Z', '2030-02-01T11:00:00Z'),
    );
    expect(v.map((x) => x.field)).toEqual(['input.description', 'input.location']);
  });

  it('names an unknown time zone in the message', () => {
    const [violation] = eventInputViolations({ ...valid, timeZone: 'CET ' }, instants('2030-02-01T10:00:00Z', '2030-02-01T11:00:00Z'));
    expect(violation).toEqual({
      field: 'input.timeZone',
      message: 'timeZone "CET " is not an IANA time zone name such as Europe/Paris or America/New_York',
    });
  });
});

describe('describeViolations and optionalText', () => {
  it('joins every message in one sentence', () => {
    expect(describeViolations([{ field: 'a', message: 'one' }, { field: 'b', message: 'two' }])).toBe('Invalid input: one; two');
  });

  it('trims optional text and turns blank into null', () => {
    expect(optionalText('  hall B ')).toBe('hall B');
    expect(optionalText('   ')).toBeNull();
    expect(optionalText(undefined)).toBeNull();
  });
});
