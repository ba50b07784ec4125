// Recomputes a SigV4 signature server-side with the AWS SDK's own signer
// (@smithy/signature-v4): its canonical headers, payload hash, canonical path (double
// URI-encoding, as every service but S3 uses), canonical query and signing-key derivation.
// The canonical request and string to sign are kept because AWS quotes both when a
// signature does not match.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
import { createHash } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { ALGORITHM_IDENTIFIER, SignatureV4, getCanonicalHeaders } from '@smithy/signature-v4';

type SmithyRequest = Parameters<typeof getCanonicalHeaders>[0];
type HeaderBag = ReturnType<typeof getCanonicalHeaders>;

/** What the client signed: only the headers it listed in SignedHeaders. */
export type SignedContent = {
  method: string;
  /** The path as sent on the wire (still percent-encoded), without the query. */
  path: string;
  /** Decoded query parameters. */
  query: Record<string, string | string[]>;
  /** The signed headers, lower-case names, values as received. */
  headers: Record<string, string>;
  body: Uint8Array | string;
};

export type SigningScope = {
  accessKeyId: string;
  secretAccessKey: string;
  /** X-Amz-Date, basic ISO-8601 (yyyymmddThhmmssZ). */
  amzDate: string;
  /** `<date>/<region>/<service>/aws4_request` as the client sent it. */
  scope: string;
  region: string;
  service: string;
};

export type RecomputedSignature = { canonicalRequest: string; stringToSign: string; signature: string };

/** Exposes the signer's canonicalization steps, which SignatureV4 keeps protected. */
class CanonicalSigner extends SignatureV4 {
  canonicalRequestOf(request: SmithyRequest, canonicalHeaders: HeaderBag, payloadHash: string): string {
    return this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
  }

  stringToSignOf(longDate: string, scope: string, canonicalRequest: string): Promise<string> {
    return this.createStringToSign(longDate, scope, canonicalRequest, ALGORITHM_IDENTIFIER);
  }
}

export async function recomputeSignature(content: SignedContent, signing: SigningScope): Promise<RecomputedSignature> {
  const signer = new CanonicalSigner({
    service: signing.service,
    region: signing.region,
    credentials: { accessKeyId: signing.accessKeyId, secretAccessKey: signing.secretAccessKey },
    sha256: Sha256,
    // Never add x-amz-content-sha256: only what the client signed takes part.
    applyChecksum: false,
  });
  const request: SmithyRequest = {
    method: content.method.toUpperCase(),
    protocol: 'https:',
    hostname: content.headers.host ?? '',
    path: content.path,
    query: content.query,
    headers: content.headers,
    body: content.body,
  };
  // Listing the signed names as signable keeps headers the SDK would skip by default
  // (user-agent, ...) when another client chose to sign them.
  const canonicalHeaders = getCanonicalHeaders(request, undefined, new Set(Object.keys(content.headers)));
  // The hash of the body as received: x-amz-content-sha256 stands in for the payload only in
  // S3's variant of SigV4; for other services a signed one is just another header.
  const payloadHash = createHash('sha256').update(content.body).digest('hex');
  const canonicalRequest = signer.canonicalRequestOf(request, canonicalHeaders, payloadHash);
  const stringToSign = await signer.stringToSignOf(signing.amzDate, signing.scope, canonicalRequest);
  const signature = await signer.sign(stringToSign, {
    signingDate: amzDateToDate(signing.amzDate)!,
    signingRegion: signing.region,
    signingService: signing.service,
  });
  return { canonicalRequest, stringToSign, signature };
}

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Parses X-Amz-Date (basic ISO-8601, UTC); undefined when it is not one. */
export function amzDateToDate(value: string): Date | undefined {
  const match = AMZ_DATE.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  // Reject dates that roll over (20240231T...).
  return date.getUTCMonth() === mo! - 1 && date.getUTCDate() === d! && h! < 24 && mi! < 60 && s! < 60 ? date : undefined;
}

export function dateToAmzDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}
