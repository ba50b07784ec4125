// The topics' JSON Schemas (schemas/topics/, draft 2020-12), compiled once with ajv, strict:
// tests validate every message they see against them.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const TOPIC_SCHEMA_FILES = {
  NEW_EVENT_INVITE: 'new-event-invite.schema.json',
  EVENT_UPDATED: 'event-updated.schema.json',
  EVENT_CANCELLATION_REQUEST: 'event-cancellation-request.schema.json',
  ORGANIZER_NOTICE: 'organizer-notice.schema.json',
} as const;
export type TopicMessageType = keyof typeof TOPIC_SCHEMA_FILES;

const SCHEMA_DIR = join(import.meta.dirname, '..', '..', 'schemas', 'topics');

export function topicSchema(type: TopicMessageType): Record<string, any> {
  return JSON.parse(readFileSync(join(SCHEMA_DIR, TOPIC_SCHEMA_FILES[type]), 'utf8'));
}

let validators: Map<TopicMessageType, ValidateFunction> | undefined;

function compile(): Map<TopicMessageType, ValidateFunction> {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return new Map((Object.keys(TOPIC_SCHEMA_FILES) as TopicMessageType[]).map((type) => [type, ajv.compile(topicSchema(type))]));
}

/** The schema's complaints about `message` (by its own `type`), as readable lines; [] when valid. */
export function schemaErrors(message: unknown): string[] {
  validators ??= compile();
  const type = (message as { type?: unknown } | null)?.type;
  const validate = validators.get(type as TopicMessageType);
  if (!validate) return [`no schema for message type ${String(type)}`];
  return validate(message) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}
