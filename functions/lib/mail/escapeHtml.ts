// Text as HTML: the five characters that can open markup or end an attribute are written as
// entities, so user text in an HTML part is shown, never read as markup.
import { multiLineText } from '../calendar/plainText';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `value` (controls removed) with & < > " ' as entities; safe in element content and in quoted attributes. */
export function escapeHtml(value: string | null | undefined): string {
  return multiLineText(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Several lines as HTML: escaped, each line break a `<br>`. */
export function htmlLines(value: string | null | undefined): string {
  return escapeHtml(value).replace(/\n/g, '<br>\n');
}
