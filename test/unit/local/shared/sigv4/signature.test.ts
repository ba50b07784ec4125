// The server-side recomputation against AWS's published SigV4 test suite (get-vanilla and
// get-vanilla-query-order-key-case; key AKIDEXAMPLE, 20150830T123600Z, us-east-1, service
// "service"): https://docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html
import { describe, expect, it } from 'vitest';
import { amzDateToDate, dateToAmzDate, recomputeSignature } from '../../../../../local/shared/sigv4/signature';

const SIGNING = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  amzDate: '20150830T123600Z',
  scope: '20150830/us-east-1/service/aws4_request',
  region: 'us-east-1',
  service: 'service',
};
const HEADERS = { host: 'example.amazonaws.com', 'x-amz-date': '20150830T123600Z' };

describe('recomputeSignature', () => {
  it('matches the get-vanilla example', async () => {
    const result = await recomputeSignature({ method: 'GET', path: '/', query: {}, headers: HEADERS, body: '' }, SIGNING);
    expect(result.canonicalRequest).toBe(
      'GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(result.signature).toBe('5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
  });

  it('matches the get-vanilla-query-order-key-case example (query sorted by name)', async () => {
    const result = await recomputeSignature({ method: 'GET', path: '/', query: { Param2: 'value2', Param1: 'value1' }, headers: HEADERS, body: '' }, SIGNING);
    expect(result.signature).toBe('b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500');
  });
});

describe('X-Amz-Date', () => {
  it('reads and writes the basic ISO-8601 form, refusing impossible dates', () => {
    expect(amzDateToDate('20150830T123600Z')?.toISOString()).toBe('2015-08-30T12:36:00.000Z');
    expect(dateToAmzDate(new Date('2015-08-30T12:36:00.123Z'))).toBe('20150830T123600Z');
    expect(amzDateToDate('20150231T123600Z')).toBeUndefined();
    expect(amzDateToDate('2015-08-30T12:36:00Z')).toBeUndefined();
    expect(amzDateToDate('20150830T243600Z')).toBeUndefined();
  });
});
