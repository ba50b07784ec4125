import { describe, expect, it } from 'vitest';
import { answersList, countsChart, countsSummary, eventDetails, eventOptions, importProgress, type Answer, type ImportView } from '../../../dashboard/render';

const counts = { invited: 10, accepted: 5, tentative: 2, declined: 1, needsAction: 2 };

/** The bars of a chart: each one's value as shown and its width, by key. */
function bars(svg: string) {
  const out: Record<string, { shown: number; width: number }> = {};
  for (const m of svg.matchAll(/data-count="(\w+)">.*?width="(\d+)".*?class="value"[^>]*>(\d+)<\/text>/g)) {
    out[m[1]!] = { width: Number(m[2]), shown: Number(m[3]) };
  }
  return out;
}

describe('the counts chart', () => {
  it('shows every count as a bar with its number', () => {
    const shown = bars(countsChart(counts));
    expect(Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, v.shown]))).toEqual(counts);
  });

  it('draws bars in proportion to the invited total, and none for zero', () => {
    const shown = bars(countsChart({ invited: 8, accepted: 4, tentative: 2, declined: 0, needsAction: 2 }));
    expect(shown.accepted!.width * 2).toBe(shown.invited!.width);
    expect(shown.tentative!.width * 4).toBe(shown.invited!.width);
    expect(shown.declined!.width).toBe(0);
  });

  it('draws an event nobody is invited to without dividing by zero', () => {
    const svg = countsChart({ invited: 0, accepted: 0, tentative: 0, declined: 0, needsAction: 0 });
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(Object.values(bars(svg)).map((b) => b.width)).toEqual([0, 0, 0, 0, 0]);
  });

  it('describes the counts in words for screen readers', () => {
    expect(countsSummary(counts)).toBe('10 invited, 5 accepted, 2 tentative, 1 declined, 2 needs action');
    expect(countsChart(counts)).toContain('<desc id="counts-chart-desc">10 invited, 5 accepted, 2 tentative, 1 declined, 2 needs action</desc>');
    expect(countsChart(counts)).toContain('role="img"');
  });
});

const answer = (over: Partial<Answer> & { email: string }): Answer => ({
  eventId: 'e1',
  name: null,
  status: 'ACCEPTED',
  updatedAt: '2027-03-01T10:00:00.000Z',
  answer: { response: 'ACCEPTED', comment: null, via: 'EMAIL', answeredAt: '2027-03-01T10:00:00.000Z' },
  ...over,
});

describe('the latest answers', () => {
  it('shows who answered, what, how, when and their note', () => {
    const html = answersList([
      answer({ email: 'grace@example.com', name: 'Grace Hopper', answer: { response: 'TENTATIVE', comment: 'Maybe late', via: 'LINK', answeredAt: '2027-03-01T09:30:00.000Z' } }),
    ]);
    expect(html).toContain('<strong>Grace Hopper</strong> <span class="email">grace@example.com</span>');
    expect(html).toContain('<span class="response">Tentative</span>');
    expect(html).toContain('from the invitation’s link');
    expect(html).toContain('<time datetime="2027-03-01T09:30:00.000Z">2027-03-01 09:30 UTC</time>');
    expect(html).toContain('<q class="comment">Maybe late</q>');
  });

  it('escapes what attendees wrote', () => {
    const html = answersList([answer({ email: 'x@example.com', name: '<img src=x onerror=alert(1)>', answer: { response: 'DECLINED', comment: '"</li><script>', via: 'EMAIL', answeredAt: '2027-03-01T09:30:00.000Z' } })]);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });

  it('says so when nobody answered yet', () => {
    expect(answersList([])).toContain('No answers yet.');
  });
});

const job = (over: Partial<ImportView>): ImportView => ({
  id: 'j1',
  eventId: 'e1',
  status: 'RUNNING',
  fileName: 'guests.csv',
  size: 2000,
  bytesRead: 500,
  lastRow: 41,
  failureReason: null,
  stoppedAtRow: null,
  createdAt: '2027-03-01T09:00:00.000Z',
  totals: { rows: 40, valid: 39, invited: 38, duplicates: 1, invalid: 1, rejected: 0, notInvited: 0 },
  ...over,
});

describe('the import progress', () => {
  it('shows the bytes read against the file size, and the totals so far', () => {
    const html = importProgress(job({}));
    expect(html).toContain('<progress max="2000" value="500" aria-label="Import progress">');
    expect(html).toContain('<strong>Running</strong> 25% · guests.csv');
    expect(html).toContain('row 41 · 38 invited of 40 rows · 1 duplicates · 1 invalid · 0 rejected');
  });

  it('is indeterminate until the file arrived, full once completed, and names a failure', () => {
    expect(importProgress(job({ status: 'WAITING_FOR_UPLOAD', size: null, bytesRead: 0 }))).toContain('<progress aria-label="Import progress"></progress>');
    expect(importProgress(job({ status: 'COMPLETED', bytesRead: 1990 }))).toContain('value="2000"');
    const failed = importProgress(job({ status: 'FAILED', failureReason: 'No email column' }));
    expect(failed).toContain('<strong>Failed</strong>');
    expect(failed).toContain('role="alert">No email column</p>');
  });

  it('asks for an import id when none is followed', () => {
    expect(importProgress(null)).toContain('No import for this event yet');
  });
});

describe('the event list and header', () => {
  it('lists the events with the chosen one selected, and marks cancelled ones', () => {
    const html = eventOptions(
      [
        { id: 'a', title: 'Launch <party>', startsAt: '2027-03-01T17:00:00.000Z', status: 'ACTIVE' },
        { id: 'b', title: 'Retro', startsAt: '2027-04-01T08:00:00.000Z', status: 'CANCELLED' },
      ],
      'b',
    );
    expect(html).toContain('<option value="a">Launch &#60;party&#62; · 2027-03-01 17:00 UTC</option>');
    expect(html).toContain('<option value="b" selected>Retro · 2027-04-01 08:00 UTC (cancelled)</option>');
    expect(eventOptions([], null)).toContain('No events yet');
  });

  it('gives when, where and the zone under the title', () => {
    expect(eventDetails({ startsAt: '2027-03-01T17:00:00.000Z', endsAt: '2027-03-01T20:00:00.000Z', timeZone: 'Europe/Paris', location: 'Paris', status: 'ACTIVE' })).toBe(
      '2027-03-01 17:00 UTC – 2027-03-01 20:00 UTC · Paris · Europe/Paris',
    );
  });
});
