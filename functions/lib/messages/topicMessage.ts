// What every message on the stack's topics carries. Each topic's message has a JSON Schema
// in schemas/topics/ (draft 2020-12); the types in this folder match them, and
// test/unit/functions/lib/messages/schemas.test.ts checks that they do.

/** Grows only with an incompatible change; consumers check it before reading the rest. */
export const SCHEMA_VERSION = 1;

export type MessageEnvelope<T extends string> = {
  /** What happened: the topic's message type (also the `type` message attribute). */
  type: T;
  schemaVersion: typeof SCHEMA_VERSION;
  /**
   * The same for every copy of one change (stream retries republish), so consumers drop
   * duplicates by it.
   */
  messageId: string;
  /** When the change was made (ISO 8601, UTC). */
  occurredAt: string;
  /** The organizer the change belongs to (also the `organizerId` message attribute). */
  organizerId: string;
};

/**
 * SNS message attributes, all of DataType String, for subscribers' filter policies: every
 * message has `type` and `organizerId`.
 */
export type MessageAttributes = Readonly<Record<string, string>>;
