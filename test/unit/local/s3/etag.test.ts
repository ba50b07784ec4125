// ETags: the MD5 of the object, or for multipart uploads the MD5 of the concatenated binary
// part MD5s with "-<parts>" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { multipartEtag, objectEtag, unquote } from '../../../../local/s3/etag';

describe('ETags', () => {
  it('is the quoted MD5 of a single upload', () => {
    expect(objectEtag(Buffer.from('hello'))).toBe('"5d41402abc4b2a76b9719d911017c592"');
    expect(objectEtag(Buffer.alloc(0))).toBe('"d41d8cd98f00b204e9800998ecf8427e"');
  });

  it('is md5-of-md5s-N for a multipart upload', () => {
    const parts = [Buffer.alloc(5 * 1024 * 1024, 1), Buffer.from('tail')];
    const etags = parts.map(objectEtag);
    const expected = createHash('md5')
      .update(Buffer.concat(parts.map((p) => createHash('md5').update(p).digest())))
      .digest('hex');
    expect(multipartEtag(etags)).toBe(`"${expected}-2"`);
    // Computed once for these two parts and kept as a regression check.
    expect(multipartEtag(etags)).toBe('"1b5586dcc4c977ad9eb82c917af59a83-2"');
  });

  it('compares ETags without their quotes (or a weak W/ prefix)', () => {
    expect(unquote('"abc"')).toBe('abc');
    expect(unquote('W/"abc"')).toBe('abc');
    expect(unquote('abc')).toBe('abc');
  });
});
