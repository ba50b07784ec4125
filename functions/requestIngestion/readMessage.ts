// The raw message, as the S3 action stored it, parsed with postal-mime: headers, the text
// body (rendered from the HTML when there is no plain part) and the attachments as bytes.
// A message postal-mime refuses (parts nested too deep, headers past its limit) is malformed.
import PostalMime, { type Email } from 'postal-mime';
import { MalformedInputError } from '../lib/errors';

export async function readMessage(raw: Uint8Array): Promise<Email> {
  try {
    return await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    throw new MalformedInputError(`The stored message is not MIME postal-mime can read (${(error as Error).message}).`, { cause: error });
  }
}
