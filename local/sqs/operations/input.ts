// Reading an operation's input members as the JSON protocol carries them (the query protocol
// decoder produces the same shapes): required members are MissingParameter, members of the
// wrong type cannot be read.
import { MalformedRequest, MissingParameter } from '../errors';
import type { MessageAttributes } from '../md5';

export type Input = Record<string, unknown>;

export function requiredString(input: Input, member: string): string {
  const value = input[member];
  if (value === undefined || value === null || value === '') throw new MissingParameter(member);
  if (typeof value !== 'string') throw wrongType(member, 'a string');
  return value;
}

export function optionalString(input: Input, member: string): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(member, 'a string');
  return value;
}

export function optionalInteger(input: Input, member: string): number | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  // The query protocol sends numbers as text.
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw wrongType(member, 'a number');
  return n;
}

export function requiredInteger(input: Input, member: string): number {
  const value = optionalInteger(input, member);
  if (value === undefined) throw new MissingParameter(member);
  return value;
}

export function stringList(input: Input, member: string): string[] {
  const value = input[member];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw wrongType(member, 'a list of strings');
  return value as string[];
}

export function stringMap(input: Input, member: string): Record<string, string> {
  const value = input[member];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw wrongType(member, 'a map');
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (typeof item !== 'string') throw wrongType(`${member}.${key}`, 'a string');
    out[key] = item;
  }
  return out;
}

export function entries(input: Input, member: string): Input[] {
  const value = input[member];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'object' || item === null || Array.isArray(item))) {
    throw wrongType(member, 'a list of structures');
  }
  return value as Input[];
}

/** MessageAttributes / MessageSystemAttributes: BinaryValue is base64 on the wire. */
export function messageAttributes(input: Input, member: string): MessageAttributes | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw wrongType(member, 'a map');
  const out: MessageAttributes = {};
  for (const [name, raw] of Object.entries(value as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null) throw wrongType(`${member}.${name}`, 'a structure');
    const attribute = raw as { DataType?: unknown; StringValue?: unknown; BinaryValue?: unknown };
    out[name] = {
      DataType: typeof attribute.DataType === 'string' ? attribute.DataType : '',
      ...(typeof attribute.StringValue === 'string' && { StringValue: attribute.StringValue }),
      ...(typeof attribute.BinaryValue === 'string' && { BinaryValue: Buffer.from(attribute.BinaryValue, 'base64') }),
    };
  }
  return out;
}

function wrongType(member: string, expected: string): MalformedRequest {
  return new MalformedRequest(`${member} must be ${expected}.`); // (local wording)
}
