// The mail viewer's HTML, rendered on the server: the outbox list (newest first) and one
// message with its headers, every part, the calendar rendered, and downloads. Everything from
// a message is escaped; HTML bodies are shown in a sandboxed iframe (srcdoc, no scripts, no
// same-origin access: https://html.spec.whatwg.org/multipage/iframe-embed-object.html#attr-iframe-sandbox).
import type { OutboxEntry } from '../outbox';
import type { AttendeeView, CalendarView, EventView, TimeView } from './calendarView';
import type { MessageView, PartView } from './messageView';

export const VIEWER_BASE_PATH = '/_local/mail';

/** No scripts anywhere (the srcdoc frames inherit the policy), no plugins, no external loads besides data: images. */
export const VIEWER_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const e = escapeHtml;

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{background:#1d2330;color:#fff;padding:10px 20px}header a{color:#9cc3ff}
main{padding:16px 20px;max-width:1200px}
table{border-collapse:collapse;width:100%;background:#fff;margin:8px 0 16px}
th,td{border:1px solid #dde1e7;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#eef1f5;font-weight:600}
td.mono,pre{font-family:ui-monospace,monospace;font-size:12.5px}
pre{white-space:pre-wrap;word-break:break-word;background:#fff;border:1px solid #dde1e7;padding:8px;margin:6px 0}
section.part{background:#fff;border:1px solid #cfd5de;border-radius:6px;padding:10px 14px;margin:14px 0}
iframe{width:100%;height:420px;border:1px solid #cfd5de;background:#fff}
.badge{display:inline-block;padding:1px 7px;border-radius:10px;background:#dbe8ff;font-size:12px;margin-right:4px}
.outcome-delivered{background:#d9f5e0}.outcome-bounced,.outcome-suppressed{background:#ffe0e0}.outcome-complained{background:#fff0cc}
.warn{color:#a33}.muted{color:#6b7280}
`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title><style>${STYLE}</style></head><body><header><a href="${VIEWER_BASE_PATH}">Local SES outbox</a> · <a href="${VIEWER_BASE_PATH}/messages">JSON</a></header><main>${body}</main></body></html>`;
}

export function listPage(entries: (OutboxEntry & { calendarMethod?: string })[]): string {
  if (entries.length === 0) return layout('Local SES outbox', '<h1>Outbox</h1><p class="muted">No messages yet: send one through SES (v1 or v2) and reload.</p>');
  const rows = entries
    .map(
      (m) => `<tr><td class="mono">${e(m.timestamp)}</td><td>${e(m.from)}</td><td>${e(m.to.join(', ') || m.destinations.join(', '))}</td><td><a href="${VIEWER_BASE_PATH}/${encodeURIComponent(m.messageId)}">${e(m.subject || '(no subject)')}</a>${
        m.calendarMethod ? ` <span class="badge">${e(m.calendarMethod)}</span>` : ''
      }</td><td>${outcomes(m)}</td></tr>`,
    )
    .join('');
  return layout(
    'Local SES outbox',
    `<h1>Outbox <span class="muted">(${entries.length}, newest first)</span></h1><table><thead><tr><th>Date</th><th>From</th><th>To</th><th>Subject</th><th>Recipients</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

export function messagePage(m: MessageView): string {
  const base = `${VIEWER_BASE_PATH}/messages/${encodeURIComponent(m.messageId)}`;
  const envelope: [string, string][] = [
    ['Message id', m.messageId],
    ['Accepted', m.timestamp],
    ['API', m.api],
    ['Source (envelope)', m.source],
    ['Destinations (envelope)', m.destinations.join(', ')],
    ['Configuration set', m.configurationSetName ?? '—'],
    ['Tags', Object.entries(m.tags).map(([k, v]) => `${k}=${v}`).join(', ') || '—'],
    ['Size', `${m.size} bytes`],
  ];
  const body = `
<h1>${e(m.subject || '(no subject)')}</h1>
<p><a href="${base}/raw" download="${e(m.messageId)}.eml">Download .eml</a> · <a href="${base}">JSON</a></p>
<table>${envelope.map(([k, v]) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`).join('')}<tr><th>Recipients</th><td>${outcomes(m)}</td></tr></table>
<h2>Headers</h2>
<table>${m.headers.map((h) => `<tr><th>${e(h.name)}</th><td class="mono">${e(h.value)}</td></tr>`).join('')}</table>
<h2>Parts (${m.parts.length})</h2>
${m.parts.map((p) => partSection(p, `${VIEWER_BASE_PATH}/${p.downloadPath}`)).join('')}`;
  return layout(m.subject || m.messageId, body);
}

function partSection(p: PartView, download: string): string {
  const title = `Part ${p.path}: ${p.contentType}${p.charset ? `; charset=${p.charset}` : ''}${p.calendar?.mimeMethod ? `; method=${p.calendar.mimeMethod}` : ''}`;
  const meta = `<p class="muted">${e(p.disposition ?? 'inline')}${p.filename ? ` · ${e(p.filename)}` : ''} · ${p.size} bytes · ${e(p.transferEncoding)} · <a href="${download}" download>download${p.calendar ? ' .ics' : ''}</a></p>`;
  let content = '';
  if (p.calendar) {
    content = calendarSection(p.calendar) + `<details><summary>iCalendar text</summary><pre>${e(p.text ?? '')}</pre></details>`;
  } else if (p.html !== undefined) {
    content = `<iframe sandbox="" referrerpolicy="no-referrer" title="${e(title)}" srcdoc="${e(p.html)}"></iframe><details><summary>HTML source</summary><pre>${e(p.html)}</pre></details>`;
  } else if (p.text !== undefined) {
    content = `<pre>${e(p.text)}</pre>`;
  } else {
    content = `<p>Attachment: <a href="${download}" download>${e(p.filename ?? `part ${p.path}`)}</a></p>`;
  }
  return `<section class="part"><h3>${e(title)}</h3>${meta}${content}</section>`;
}

function calendarSection(c: CalendarView): string {
  if (c.error) return `<p class="warn">Not a readable iCalendar object: ${e(c.error)}</p>`;
  const mismatch =
    c.mimeMethod && c.method && c.mimeMethod !== c.method
      ? `<p class="warn">The MIME method (${e(c.mimeMethod)}) differs from the calendar's METHOD (${e(c.method)}); RFC 6047 requires them to match.</p>`
      : '';
  const head = `<p><span class="badge">METHOD ${e(c.method ?? '(none)')}</span>${c.prodid ? ` <span class="muted">${e(c.prodid)}</span>` : ''}</p>${mismatch}`;
  return head + c.events.map(eventTable).join('');
}

function eventTable(ev: EventView): string {
  const rows: [string, string][] = [
    ['SUMMARY', ev.summary ?? '—'],
    ['DTSTART', timeText(ev.start)],
    ['DTEND', timeText(ev.end)],
    ['LOCATION', ev.location ?? '—'],
    ['ORGANIZER', ev.organizer ? personText(ev.organizer) : '—'],
    ['SEQUENCE', String(ev.sequence)],
    ['STATUS', ev.status ?? '—'],
    ['UID', ev.uid ?? '—'],
    ['DTSTAMP', timeText(ev.dtstamp)],
  ];
  if (ev.recurrenceId) rows.push(['RECURRENCE-ID', timeText(ev.recurrenceId)]);
  if (ev.description) rows.push(['DESCRIPTION', ev.description]);
  const attendees = ev.attendees.length
    ? `<table><thead><tr><th>ATTENDEE</th><th>PARTSTAT</th><th>ROLE</th><th>RSVP</th></tr></thead><tbody>${ev.attendees.map(attendeeRow).join('')}</tbody></table>`
    : '<p class="muted">No ATTENDEE.</p>';
  return `<table>${rows.map(([k, v]) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`).join('')}</table>${attendees}`;
}

function attendeeRow(a: AttendeeView): string {
  return `<tr><td>${e(personText(a))}</td><td><span class="badge">${e(a.partstat)}</span></td><td>${e(a.role)}</td><td>${a.rsvp ? 'TRUE' : 'FALSE'}</td></tr>`;
}

function personText(p: { name?: string; address: string; sentBy?: string }): string {
  return `${p.name ? `${p.name} ` : ''}<${p.address}>${p.sentBy ? ` (sent by ${p.sentBy})` : ''}`;
}

function timeText(t: TimeView | undefined): string {
  if (!t) return '—';
  const zone = t.tzid ? ` (TZID ${t.tzid})` : '';
  const utc = t.utc ? ` = ${t.utc}` : '';
  return `${t.value}${t.allDay ? ' (all day)' : ''}${zone}${utc}${t.note && !t.utc ? ` — ${t.note}` : ''}`;
}

function outcomes(m: OutboxEntry): string {
  return m.recipients.map((r) => `<span class="badge outcome-${e(r.outcome)}">${e(r.address)}: ${e(r.outcome)}</span>`).join(' ');
}
