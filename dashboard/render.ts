// The dashboard's markup from plain data (no DOM, no clock of its own): the counts as an SVG
// bar chart with their numbers, the latest answers, an import's progress, the event list.
// Every text that came from the API is escaped.
import type { DashboardAnswerFragment, DashboardCountsFragment, DashboardImportFragment } from '../generated/client/graphql';

export type Counts = DashboardCountsFragment;
export type Answer = DashboardAnswerFragment;
export type ImportView = DashboardImportFragment;
export type EventChoice = { id: string; title: string; startsAt: string; status: string };
export type FormatTime = (iso: string) => string;

/** The bars, top to bottom; `invited` is everyone, the others split it by answer. */
export const BARS = [
  { key: 'invited', label: 'Invited' },
  { key: 'accepted', label: 'Accepted' },
  { key: 'tentative', label: 'Tentative' },
  { key: 'declined', label: 'Declined' },
  { key: 'needsAction', label: 'Needs action' },
] as const satisfies readonly { key: keyof Counts; label: string }[];

const RESPONSE_LABELS: Record<string, string> = { ACCEPTED: 'Accepted', TENTATIVE: 'Tentative', DECLINED: 'Declined', NEEDS_ACTION: 'Needs action' };
const CHANNEL_LABELS: Record<string, string> = { API: 'through the API', LINK: 'from the invitation’s link', EMAIL: 'by email', ORGANIZER: 'by the organizer' };
const IMPORT_LABELS: Record<string, string> = { WAITING_FOR_UPLOAD: 'Waiting for the file', RUNNING: 'Running', COMPLETED: 'Completed', FAILED: 'Failed' };

// Chart geometry (SVG user units; the chart scales to its container).
const WIDTH = 560;
const LABEL_WIDTH = 120;
const VALUE_WIDTH = 56;
const ROW_HEIGHT = 36;
const BAR_HEIGHT = 22;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A deterministic default: `2027-03-01 18:00 UTC`. The page passes the reader's own locale. */
export const utcTime: FormatTime = (iso) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** One sentence with every number, for screen readers and the chart's description. */
export function countsSummary(counts: Counts): string {
  return BARS.map(({ key, label }) => `${counts[key]} ${label.toLowerCase()}`).join(', ');
}

export function countsChart(counts: Counts): string {
  const scale = Math.max(counts.invited, ...BARS.map(({ key }) => counts[key]), 1);
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const rows = BARS.map(({ key, label }, i) => {
    const value = counts[key];
    const y = i * ROW_HEIGHT;
    const width = value === 0 ? 0 : Math.max(2, Math.round((value / scale) * barSpace));
    const middle = y + ROW_HEIGHT / 2;
    return (
      `<g class="bar bar-${key}" data-count="${key}">` +
      `<text class="label" x="0" y="${middle}" dominant-baseline="middle">${label}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${middle - BAR_HEIGHT / 2}" width="${width}" height="${BAR_HEIGHT}" rx="4"></rect>` +
      `<text class="value" x="${LABEL_WIDTH + width + 8}" y="${middle}" dominant-baseline="middle">${value}</text>` +
      `</g>`
    );
  });
  const height = BARS.length * ROW_HEIGHT;
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="counts-chart-title counts-chart-desc">` +
    `<title id="counts-chart-title">Answers so far</title><desc id="counts-chart-desc">${countsSummary(counts)}</desc>` +
    rows.join('') +
    `</svg>`
  );
}

export function answerItem(answer: Answer, formatTime: FormatTime = utcTime): string {
  const response = answer.answer?.response ?? answer.status;
  const who = answer.name ? `<strong>${escapeHtml(answer.name)}</strong> <span class="email">${escapeHtml(answer.email)}</span>` : `<strong>${escapeHtml(answer.email)}</strong>`;
  const when = answer.answer?.answeredAt ?? answer.updatedAt;
  const via = answer.answer ? `<span class="via">${CHANNEL_LABELS[answer.answer.via] ?? escapeHtml(answer.answer.via)}</span>` : '';
  const comment = answer.answer?.comment ? `<q class="comment">${escapeHtml(answer.answer.comment)}</q>` : '';
  return (
    `<li class="answer answer-${response.toLowerCase()}" data-email="${escapeHtml(answer.email)}">` +
    `<span class="who">${who}</span>` +
    `<span class="response">${RESPONSE_LABELS[response] ?? escapeHtml(response)}</span>${via}` +
    `<time datetime="${escapeHtml(when)}">${escapeHtml(formatTime(when))}</time>${comment}` +
    `</li>`
  );
}

export function answersList(answers: readonly Answer[], formatTime: FormatTime = utcTime): string {
  if (answers.length === 0) return '<li class="empty">No answers yet.</li>';
  return answers.map((a) => answerItem(a, formatTime)).join('');
}

export function importProgress(job: ImportView | null): string {
  if (!job) return '<p class="empty">No import for this event yet: one started now (by upload, the CLI or mail) shows here.</p>';
  const status = IMPORT_LABELS[job.status] ?? escapeHtml(job.status);
  const done = job.status === 'COMPLETED' || job.status === 'FAILED';
  // Until the file arrived its size is unknown: an indeterminate bar.
  const bar =
    job.size && job.size > 0
      ? `<progress max="${job.size}" value="${done ? job.size : Math.min(job.bytesRead, job.size)}" aria-label="Import progress"></progress>`
      : '<progress aria-label="Import progress"></progress>';
  const percent = job.size ? ` ${Math.round(((done ? job.size : Math.min(job.bytesRead, job.size)) / job.size) * 100)}%` : '';
  const totals = job.totals;
  const lines = [
    `<p class="import-status import-${job.status.toLowerCase()}"><strong>${status}</strong>${percent}${job.fileName ? ` · ${escapeHtml(job.fileName)}` : ''}</p>`,
    bar,
    `<p class="import-totals">row ${job.lastRow} · ${totals.invited} invited of ${totals.rows} rows · ${totals.duplicates} duplicates · ${totals.invalid} invalid · ${totals.rejected} rejected${totals.notInvited ? ` · ${totals.notInvited} not invited` : ''}</p>`,
  ];
  if (job.failureReason) lines.push(`<p class="import-failure" role="alert">${escapeHtml(job.failureReason)}</p>`);
  return lines.join('');
}

/** The line under the event's title: when, where, in which zone, and whether it was cancelled. */
export function eventDetails(
  event: { startsAt: string; endsAt: string; timeZone: string; location?: string | null; status: string },
  formatTime: FormatTime = utcTime,
): string {
  const parts = [`${formatTime(event.startsAt)} – ${formatTime(event.endsAt)}`, event.location, event.timeZone];
  if (event.status === 'CANCELLED') parts.push('cancelled');
  return parts.filter(Boolean).join(' · ');
}

export function eventOptions(events: readonly EventChoice[], selectedId: string | null, formatTime: FormatTime = utcTime): string {
  const placeholder = `<option value="" disabled${selectedId ? '' : ' selected'}>${events.length ? 'Choose an event' : 'No events yet'}</option>`;
  return (
    placeholder +
    events
      .map((e) => {
        const cancelled = e.status === 'CANCELLED' ? ' (cancelled)' : '';
        return `<option value="${escapeHtml(e.id)}"${e.id === selectedId ? ' selected' : ''}>${escapeHtml(e.title)} · ${escapeHtml(formatTime(e.startsAt))}${cancelled}</option>`;
      })
      .join('')
  );
}
