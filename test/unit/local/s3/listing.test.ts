// ListObjectsV2 paging: UTF-8 binary key order, prefix, delimiter (common prefixes count
// against max-keys), start-after and continuation tokens.
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
import { describe, expect, it } from 'vitest';
import { compareKeys, listPage, MAX_KEYS_PER_PAGE } from '../../../../local/s3/listing';

const keys = (...names: string[]) => names.map((key) => ({ key }));

describe('listPage', () => {
  it('lists keys in UTF-8 byte order, not UTF-16 order', () => {
    // U+FF5E (3 bytes in UTF-8) sorts before U+1F600 (4 bytes), though its UTF-16 unit is larger.
    const page = listPage(keys('😀', '～', 'a', 'B'), {});
    expect(page.contents.map((e) => e.key)).toEqual(['B', 'a', '～', '😀']);
    expect(compareKeys('～', '😀')).toBe(-1);
  });

  it('rolls keys up into common prefixes after the prefix, counting them against max-keys', () => {
    const all = keys('invites/2030/a.csv', 'invites/2030/b.csv', 'invites/2031/c.csv', 'invites/readme', 'other');
    const page = listPage(all, { prefix: 'invites/', delimiter: '/' });
    expect(page.commonPrefixes).toEqual(['invites/2030/', 'invites/2031/']);
    expect(page.contents.map((e) => e.key)).toEqual(['invites/readme']);
    const small = listPage(all, { prefix: 'invites/', delimiter: '/', maxKeys: 2 });
    expect(small.commonPrefixes.length + small.contents.length).toBe(2);
    expect(small.isTruncated).toBe(true);
  });

  it('continues after a common prefix without repeating it', () => {
    const all = keys('a/1', 'a/2', 'b/1', 'c');
    const first = listPage(all, { delimiter: '/', maxKeys: 1 });
    expect(first.commonPrefixes).toEqual(['a/']);
    const second = listPage(all, { delimiter: '/', maxKeys: 1, continuationToken: first.nextContinuationToken! });
    expect(second.commonPrefixes).toEqual(['b/']);
    const third = listPage(all, { delimiter: '/', maxKeys: 5, continuationToken: second.nextContinuationToken! });
    expect(third.contents.map((e) => e.key)).toEqual(['c']);
    expect(third.isTruncated).toBe(false);
    expect(third.nextContinuationToken).toBeUndefined();
  });

  it('starts after start-after, and pages through every key exactly once', () => {
    const all = keys(...Array.from({ length: 25 }, (_, i) => `k${String(i).padStart(2, '0')}`));
    expect(listPage(all, { startAfter: 'k21' }).contents.map((e) => e.key)).toEqual(['k22', 'k23', 'k24']);
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = listPage(all, { maxKeys: 7, ...(token ? { continuationToken: token } : {}) });
      seen.push(...page.contents.map((e) => e.key));
      token = page.nextContinuationToken;
    } while (token);
    expect(seen).toEqual(all.map((e) => e.key));
  });

  it('returns at most 1,000 keys whatever max-keys asks, and refuses a forged token', () => {
    const all = keys(...Array.from({ length: 1005 }, (_, i) => `k${String(i).padStart(4, '0')}`));
    expect(listPage(all, { maxKeys: 5000 }).contents).toHaveLength(MAX_KEYS_PER_PAGE);
    expect(() => listPage(all, { continuationToken: 'not a token' })).toThrow(/continuation token/);
  });
});
