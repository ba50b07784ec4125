// Pagination tokens for Query and Scan: DynamoDB's LastEvaluatedKey, opaque to clients
// (AppSync encrypts its tokens; locally they are only encoded).
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

const PREFIX = 'local1.';

export function encodeNextToken(key: Record<string, AttributeValue> | undefined): string | null {
  if (!key) return null;
  const plain = Object.fromEntries(
    Object.entries(key).map(([name, value]) => [name, value.B !== undefined ? { B: Buffer.from(value.B).toString('base64') } : value]),
  );
  return PREFIX + Buffer.from(JSON.stringify(plain)).toString('base64url');
}

export class InvalidNextTokenError extends Error {
  constructor() {
    super('The nextToken is invalid: pass back a token a previous page returned.');
    this.name = 'ValidationException';
  }
}

export function decodeNextToken(token: string | null | undefined): Record<string, AttributeValue> | undefined {
  if (!token) return undefined;
  if (!token.startsWith(PREFIX)) throw new InvalidNextTokenError();
  try {
    const plain = JSON.parse(Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8')) as Record<string, Record<string, string>>;
    return Object.fromEntries(
      Object.entries(plain).map(([name, value]) => {
        if (typeof value.S === 'string') return [name, { S: value.S }];
        if (typeof value.N === 'string') return [name, { N: value.N }];
        if (typeof value.B === 'string') return [name, { B: Buffer.from(value.B, 'base64') }];
        throw new InvalidNextTokenError();
      }),
    );
  } catch {
    throw new InvalidNextTokenError();
  }
}
