// Links put into a mail (answer buttons, the RSVP page, List-Unsubscribe): absolute http(s)
// URLs only, so no `javascript:` or `data:` link can be slipped into the HTML part.
import { MalformedInputError } from '../errors';

/** The URL, normalized (`new URL(...).href`: spaces and quotes percent-encoded); a MalformedInputError unless http(s). */
export function webLink(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch (error) {
    throw new MalformedInputError(`${what} is not a URL`, { cause: error });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new MalformedInputError(`${what} must be an http(s) URL, not ${url.protocol}`);
  return url.href;
}
