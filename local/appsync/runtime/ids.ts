// util.autoId, util.autoUlid, util.autoKsuid: random 128-bit ids.
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html ("ID generation utils")
import { randomBytes, randomUUID } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
// KSUID epoch: 2014-05-13T16:53:20Z (https://github.com/segmentio/ksuid).
const KSUID_EPOCH_SECONDS = 1_400_000_000;
const KSUID_LENGTH = 27;

/** A random (version 4) UUID, lower case: `d3b0...-....-4...-....-............`. */
export const autoId = (): string => randomUUID();

/** ULID: 48-bit millisecond time then 80 random bits, 26 Crockford base32 characters. */
export function autoUlid(now = Date.now()): string {
  let ms = now;
  let timePart = '';
  for (let i = 0; i < 10; i += 1) {
    timePart = CROCKFORD[ms % 32] + timePart;
    ms = Math.floor(ms / 32);
  }
  // 256 is a multiple of 32, so each byte mod 32 is uniform.
  const random = randomBytes(16);
  let randomPart = '';
  for (let i = 0; i < 16; i += 1) randomPart += CROCKFORD[random[i] % 32];
  return timePart + randomPart;
}

/** KSUID: 32-bit seconds since the KSUID epoch then 128 random bits, 27 base62 characters. */
export function autoKsuid(now = Date.now()): string {
  const bytes = Buffer.alloc(20);
  bytes.writeUInt32BE(Math.floor(now / 1000) - KSUID_EPOCH_SECONDS, 0);
  randomBytes(16).copy(bytes, 4);
  let n = BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  while (n > 0n) {
    out = BASE62[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out.padStart(KSUID_LENGTH, '0');
}
