import { expect, it } from 'vitest';
import { s3ErrorOf } from '../../../../cli/import/uploadFile';

it("reads S3's error code and message out of its XML", () => {
  const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Request has expired</Message><RequestId>1</RequestId></Error>';
  expect(s3ErrorOf(xml)).toBe('AccessDenied: Request has expired');
});

it('falls back to the start of a body that is not S3 XML', () => {
  expect(s3ErrorOf('  bad gateway  ')).toBe('bad gateway');
});
