import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { httpRequestOf } from '../../../../functions/attendeeLinks/httpRequest';

function event(overrides: Partial<LambdaFunctionURLEvent> & { method?: string }): LambdaFunctionURLEvent {
  const { method = 'GET', ...rest } = overrides;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/unsubscribe/t',
    rawQueryString: '',
    headers: { host: 'abc.lambda-url.us-east-1.on.aws' },
    requestContext: { http: { method, path: '/unsubscribe/t', protocol: 'HTTP/1.1', sourceIp: '203.0.113.1', userAgent: 'test' } } as LambdaFunctionURLEvent['requestContext'],
    isBase64Encoded: false,
    ...rest,
  };
}

describe('a function URL request', () => {
  it('gives the method, the raw path and the headers', () => {
    expect(httpRequestOf(event({ method: 'post' }))).toEqual({ method: 'POST', path: '/unsubscribe/t', headers: { host: 'abc.lambda-url.us-east-1.on.aws' }, body: '' });
  });

  it('decodes a base64 body (Lambda encodes form posts)', () => {
    const body = Buffer.from('List-Unsubscribe=One-Click').toString('base64');
    expect(httpRequestOf(event({ method: 'POST', body, isBase64Encoded: true })).body).toBe('List-Unsubscribe=One-Click');
    expect(httpRequestOf(event({ method: 'POST', body: 'plain', isBase64Encoded: false })).body).toBe('plain');
  });
});

describe('the query string', () => {
  it('is given raw, and absent without one', () => {
    expect(httpRequestOf(event({ rawPath: '/rsvp/t', rawQueryString: 'answer=yes&x=%3C' })).query).toBe('answer=yes&x=%3C');
    expect(httpRequestOf(event({})).query).toBeUndefined();
  });
});
