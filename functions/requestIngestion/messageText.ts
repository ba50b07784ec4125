// The text of a message to search for the event id: the plain part, or the HTML with its
// tags and comments taken out when there is none (postal-mime renders no text for an
// HTML-only body next to attachments, as mail clients in HTML mode send it).

export function messageText(email: { text?: string; html?: string }): string | undefined {
  if (email.text?.trim()) return email.text;
  if (!email.html) return undefined;
  return email.html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' ');
}
