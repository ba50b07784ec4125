// ListObjectsV2 (and the older ListObjects) over a bucket's keys, as S3 pages them:
// keys in UTF-8 binary order, `prefix` and `start-after` filters, `delimiter` rolling keys up
// into common prefixes, `max-keys` counting keys and common prefixes together (1000 at most),
// and an opaque continuation token.
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/ListingKeysUsingAPIs.html

/** S3 returns at most 1,000 keys per page, whatever max-keys asks (API_ListObjectsV2.html). */
export const MAX_KEYS_PER_PAGE = 1000;

export type ListRequest = {
  prefix?: string;
  delimiter?: string;
  maxKeys?: number;
  /** ListObjectsV2 `start-after`, or ListObjects `marker`. */
  startAfter?: string;
  continuationToken?: string;
};

export type ListPage<T> = {
  contents: T[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** Set when truncated: where the next page starts. */
  nextContinuationToken?: string;
  /** The last key or common prefix of this page (ListObjects' NextMarker). */
  lastReturned?: string;
};

export class InvalidContinuationToken extends Error {
  constructor() {
    super('The continuation token provided is incorrect');
    this.name = 'InvalidContinuationToken';
  }
}

/** Code point order, which is UTF-8 byte order (JS's `<` compares UTF-16 units instead). */
export function compareKeys(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i += 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

type Token = { after: string; afterPrefix: boolean };

export function encodeToken(token: Token): string {
  return Buffer.from(JSON.stringify({ a: token.after, p: token.afterPrefix ? 1 : 0 })).toString('base64');
}

export function decodeToken(text: string): Token {
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as { a?: unknown; p?: unknown };
    if (typeof parsed.a !== 'string') throw new Error('no key');
    return { after: parsed.a, afterPrefix: parsed.p === 1 };
  } catch {
    throw new InvalidContinuationToken();
  }
}

/** One page of a listing; `entries` in any order, each with its key. */
export function listPage<T extends { key: string }>(entries: Iterable<T>, request: ListRequest): ListPage<T> {
  const prefix = request.prefix ?? '';
  const delimiter = request.delimiter || undefined;
  const maxKeys = Math.min(Math.max(request.maxKeys ?? MAX_KEYS_PER_PAGE, 0), MAX_KEYS_PER_PAGE);
  const token = request.continuationToken !== undefined ? decodeToken(request.continuationToken) : undefined;
  const after = token?.after ?? request.startAfter;

  const sorted = [...entries].filter((e) => e.key.startsWith(prefix)).sort((a, b) => compareKeys(a.key, b.key));
  const contents: T[] = [];
  const commonPrefixes: string[] = [];
  let lastReturned: string | undefined;
  let lastWasPrefix = false;
  let isTruncated = false;

  for (const entry of sorted) {
    if (after !== undefined && compareKeys(entry.key, after) <= 0) continue;
    if (token?.afterPrefix && entry.key.startsWith(token.after)) continue;
    let rolledUp: string | undefined;
    if (delimiter) {
      const at = entry.key.indexOf(delimiter, prefix.length);
      if (at >= 0) rolledUp = entry.key.slice(0, at + delimiter.length);
    }
    if (rolledUp !== undefined && lastWasPrefix && rolledUp === lastReturned) continue;
    if (contents.length + commonPrefixes.length >= maxKeys) {
      isTruncated = true;
      break;
    }
    if (rolledUp !== undefined) {
      commonPrefixes.push(rolledUp);
      lastReturned = rolledUp;
      lastWasPrefix = true;
    } else {
      contents.push(entry);
      lastReturned = entry.key;
      lastWasPrefix = false;
    }
  }
  return {
    contents,
    commonPrefixes,
    isTruncated,
    ...(isTruncated && lastReturned !== undefined ? { nextContinuationToken: encodeToken({ after: lastReturned, afterPrefix: lastWasPrefix }) } : {}),
    ...(lastReturned !== undefined ? { lastReturned } : {}),
  };
}
