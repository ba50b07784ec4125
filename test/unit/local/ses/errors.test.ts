// How SES names a refused signature in each API (local/ses/errors.ts): v1 with the query
// services' codes (local/shared/awsQuery/auth.ts), v2 with the REST JSON exception names of
// https://docs.aws.amazon.com/ses/latest/APIReference-V2/CommonErrors.html; and the bytes of
// v1's XML errors and answers (no `<Detail/>`, a newline after the declaration).
import { describe, expect, it } from 'vitest';
import { SigV4Rejected } from '../../../../local/shared/sigv4/errors';
import { SesError, v1AuthError, v2AuthError } from '../../../../local/ses/errors';
import { sendV1Error, sendV1Result } from '../../../../local/ses/routerV1';
import { captured } from '../../../helpers/capturedResponse';

const XMLNS = 'http://ses.amazonaws.com/doc/2010-12-01/';

describe('refused signatures', () => {
  const cases: [SigV4Rejected['errorType'] | undefined, string, string, number][] = [
    [undefined, 'MissingAuthenticationToken', 'MissingAuthenticationTokenException', 403],
    ['IncompleteSignatureException', 'IncompleteSignature', 'IncompleteSignatureException', 400],
    ['UnrecognizedClientException', 'InvalidClientTokenId', 'UnrecognizedClientException', 403],
    ['ExpiredTokenException', 'ExpiredToken', 'ExpiredTokenException', 403],
    ['InvalidSignatureException', 'SignatureDoesNotMatch', 'InvalidSignatureException', 403],
    ['BadRequestException', 'SignatureDoesNotMatch', 'InvalidSignatureException', 403], // clock skew
  ];

  it.each(cases)('%s is %s in v1 and %s in v2, HTTP %i', (errorType, v1Code, v2Type, status) => {
    const rejected = errorType && new SigV4Rejected(errorType, 'why');
    expect(v1AuthError(rejected)).toEqual({ type: 'Sender', code: v1Code, status, message: rejected ? 'why' : 'Request is missing Authentication Token' });
    expect(v2AuthError(rejected)).toEqual({ type: v2Type, status, message: rejected ? 'why' : 'Missing Authentication Token' });
  });
});

describe('v1 XML', () => {
  it('writes errors with the v1 code, status 400 and no Detail', async () => {
    const body =
      `<?xml version="1.0"?>\n<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>Throttling</Code>` +
      '<Message>Maximum sending rate exceeded.</Message></Error><RequestId>rid</RequestId></ErrorResponse>';
    const throttled = new SesError('MaxSendRateExceeded', 'Maximum sending rate exceeded.');
    expect(await captured((res) => sendV1Error(res, throttled, 'rid'))).toEqual({
      status: 400,
      headers: { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body), 'x-amzn-requestid': 'rid' },
      body,
    });
  });

  it('writes results with members, and an empty result element for an empty result', async () => {
    const listed = await captured((res) => sendV1Result(res, 'ListIdentities', { Identities: { member: ['a@b', 'c&d'] } }, 'rid'));
    expect(listed.body).toBe(
      `<?xml version="1.0"?>\n<ListIdentitiesResponse xmlns="${XMLNS}"><ListIdentitiesResult><Identities><member>a@b</member><member>c&amp;d</member></Identities>` +
        '</ListIdentitiesResult><ResponseMetadata><RequestId>rid</RequestId></ResponseMetadata></ListIdentitiesResponse>',
    );
    const deleted = await captured((res) => sendV1Result(res, 'DeleteTemplate', {}, 'rid'));
    expect(deleted.body).toBe(
      `<?xml version="1.0"?>\n<DeleteTemplateResponse xmlns="${XMLNS}"><DeleteTemplateResult></DeleteTemplateResult>` +
        '<ResponseMetadata><RequestId>rid</RequestId></ResponseMetadata></DeleteTemplateResponse>',
    );
  });
});
