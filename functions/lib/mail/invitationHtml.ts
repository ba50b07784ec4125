// The text/html part: the same facts and sentences as the text part (invitationWords.ts),
// every piece of user text escaped (escapeHtml.ts), links only the http(s) URLs the facts
// hold. Inline styles only: mail clients drop <style> blocks, and scripts never run.
import { escapeHtml, htmlLines } from './escapeHtml';
import type { InvitationFacts } from './invitationFacts';
import { ANSWER_LABELS, calendarButtonsSentence, leadSentence, NOTHING_TO_ANSWER, RSVP_PAGE_LINK, signature } from './invitationWords';

const BUTTON = 'display:inline-block;padding:8px 16px;margin-right:8px;border:1px solid #1a73e8;border-radius:4px;color:#1a73e8;text-decoration:none';

export function invitationHtml(facts: InvitationFacts): string {
  const cancelled = facts.kind === 'cancellation';
  const rows = [
    row('When', `${escapeHtml(facts.when)} <span style="color:#555">(${escapeHtml(facts.zone)})</span>`),
    facts.where ? row('Where', escapeHtml(facts.where)) : '',
    facts.organizer ? row('Organizer', escapeHtml(facts.organizer)) : '',
  ].join('');
  const parts = [
    `<p>${escapeHtml(leadSentence(facts))}</p>`,
    `<h1 style="font-size:20px;margin:16px 0 8px">${cancelled ? `<s>${escapeHtml(facts.title)}</s>` : escapeHtml(facts.title)}</h1>`,
    `<table role="presentation" style="border-collapse:collapse">${rows}</table>`,
    facts.description ? `<p style="margin:16px 0">${htmlLines(facts.description)}</p>` : '',
    facts.reason ? `<p style="margin:16px 0"><strong>Reason:</strong> ${htmlLines(facts.reason)}</p>` : '',
    cancelled ? `<p>${escapeHtml(NOTHING_TO_ANSWER)}</p>` : answers(facts),
    `<p style="color:#777;font-size:12px;margin-top:24px">${escapeHtml(signature(facts))}</p>`,
  ];
  return [
    '<!DOCTYPE html>',
    `<html><head><meta charset="utf-8"><title>${escapeHtml(facts.title)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222">',
    ...parts.filter(Boolean),
    '</body></html>',
    '',
  ].join('\n');
}

function answers(facts: InvitationFacts): string {
  const buttons = (['yes', 'maybe', 'no'] as const)
    .filter((key) => facts.links[key])
    .map((key) => `<a href="${escapeHtml(facts.links[key])}" style="${BUTTON}">${ANSWER_LABELS[key]}</a>`);
  return [
    buttons.length > 0 ? `<p style="margin:16px 0 4px"><strong>Will you attend?</strong></p>\n<p>${buttons.join('')}</p>` : '',
    facts.links.rsvpPage ? `<p><a href="${escapeHtml(facts.links.rsvpPage)}">${RSVP_PAGE_LINK}</a></p>` : '',
    `<p style="color:#555">${escapeHtml(calendarButtonsSentence(facts))}</p>`,
  ]
    .filter(Boolean)
    .join('\n');
}

function row(label: string, html: string): string {
  return `<tr><td style="padding:2px 12px 2px 0;color:#555;vertical-align:top">${label}</td><td style="padding:2px 0">${html}</td></tr>`;
}
