// Pagination tokens for Query and Scan: DynamoDB's LastEvaluatedKey, opaque to clients.
// AppSync encrypts its tokens, and "these pagination tokens can't be used across different
// functions or resolvers" (js-aws-appsync-resolver-reference-dynamodb-scan.html); locally a
// token is only encoded, and bound to the operation, table and index that issued it.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

const PREFIX = 'local2.';

type Plain = { scope: string; key: Record<string, Record<string, string>> };

export class InvalidNextTokenError extends Error {
  constructor(reason = 'pass back a token a previous page of the same query or scan returned') {
    super(`The nextToken is invalid: ${reason}.`);
    this.name = 'InvalidNextTokenError';
  }
}

export function encodeNextToken(key: Record<string, AttributeValue> | undefined, scope: string): string | null {
  if (!key) return null;
  const plain: Plain = {
    scope,
    key: Object.fromEntries(
      Object.entries(key).map(([name, value]) => [
        name,
        value.B !== undefined ? { B: Buffer.from(value.B).toString('base64') } : (value as unknown as Record<string, string>),
      ]),
    ),
  };
  return PREFIX + Buffer.from(JSON.stringify(plain)).toString('base64url');
}

function attribute(value: Record<string, string>): AttributeValue {
  if (typeof value.S === 'string') return { S: value.S };
  if (typeof value.N === 'string') return { N: value.N };
  if (typeof value.B === 'string') return { B: Buffer.from(value.B, 'base64') };
  throw new InvalidNextTokenError();
}

export function decodeNextToken(token: string | null | undefined, scope: string): Record<string, AttributeValue> | undefined {
  if (token === undefined || token === null || token === '') return undefined;
  if (typeof token !== 'string' || !token.startsWith(PREFIX)) throw new InvalidNextTokenError();
  let plain: Plain;
  try {
    plain = JSON.parse(Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8')) as Plain;
  } catch {
    throw new InvalidNextTokenError();
  }
  if (!plain || typeof plain.key !== 'object' || plain.key === null) throw new InvalidNextTokenError();
  if (plain.scope !== scope) throw new InvalidNextTokenError('it was issued for another query or scan (operation, table or index)');
  return Object.fromEntries(Object.entries(plain.key).map(([name, value]) => [name, attribute(value)]));
}
