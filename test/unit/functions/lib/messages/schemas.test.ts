// The topics' JSON Schemas agree with the code that writes the messages.
import { describe, expect, it } from 'vitest';
import { NOTICE_KINDS } from '../../../../../functions/lib/messages/organizerNotice';
import { SCHEMA_VERSION } from '../../../../../functions/lib/messages/topicMessage';
import { ATTENDEE_VISIBLE_FIELDS } from '../../../../../resolvers/lib/records';
import { EVENT_LIMITS } from '../../../../../resolvers/lib/validateEvent';
import { schemaErrors, topicSchema, TOPIC_SCHEMA_FILES, type TopicMessageType } from '../../../../helpers/topicSchemas';

const TYPES = Object.keys(TOPIC_SCHEMA_FILES) as TopicMessageType[];

describe('the topic schemas', () => {
  it('are draft 2020-12, strict at the top, described, and compile under ajv’s strict mode', () => {
    for (const type of TYPES) {
      const schema = topicSchema(type);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.additionalProperties).toBe(false);
      expect(schema.description).toBeTruthy();
      expect(schema.properties.type.const).toBe(type);
      expect(schema.properties.schemaVersion.const).toBe(SCHEMA_VERSION);
      for (const [name, property] of Object.entries(schema.properties as Record<string, { description?: string; $ref?: string }>)) {
        expect(property.description ?? property.$ref, `${type}.${name}`).toBeTruthy();
      }
      expect(schemaErrors({ type })).not.toEqual([]);
    }
  });

  it('describe the same event view for updates and cancellations, with the limits of the API', () => {
    const updated = topicSchema('EVENT_UPDATED').$defs.eventView;
    expect(topicSchema('EVENT_CANCELLATION_REQUEST').$defs.eventView).toEqual(updated);
    expect(updated.properties.title.maxLength).toBe(EVENT_LIMITS.titleMaxLength);
    expect(updated.properties.description.maxLength).toBe(EVENT_LIMITS.descriptionMaxLength);
    expect(updated.properties.location.maxLength).toBe(EVENT_LIMITS.locationMaxLength);
    expect(updated.properties).not.toHaveProperty('notes');
  });

  it('name exactly the attendee-visible fields and the notice kinds the code knows', () => {
    const updated = topicSchema('EVENT_UPDATED');
    expect(updated.properties.changedFields.items.enum).toEqual([...ATTENDEE_VISIBLE_FIELDS]);
    expect(Object.keys(updated.properties.previous.properties)).toEqual([...ATTENDEE_VISIBLE_FIELDS]);
    expect(topicSchema('ORGANIZER_NOTICE').properties.kind.enum).toEqual([...NOTICE_KINDS]);
  });

  it('refuse what consumers must never see: unknown fields, a wrong status, details a kind always has missing', () => {
    const notice = {
      type: 'ORGANIZER_NOTICE',
      schemaVersion: 1,
      messageId: 'ORGANIZER_NOTICE#n1',
      occurredAt: '2030-01-01T00:00:00.000Z',
      organizerId: 'o1',
      kind: 'LIMIT_REACHED',
      subject: 's',
      message: 'm',
      details: { limit: 'maxActiveEvents', value: 2, current: 2 },
    };
    expect(schemaErrors(notice)).toEqual([]);
    expect(schemaErrors({ ...notice, email: 'ada@example.com' }).join()).toMatch(/additionalProperty/);
    expect(schemaErrors({ ...notice, details: { limit: 'maxActiveEvents' } }).join()).toMatch(/value/);
    expect(schemaErrors({ ...notice, occurredAt: 'yesterday' }).join()).toMatch(/date-time/);
    expect(schemaErrors({ ...notice, schemaVersion: 2 }).join()).toMatch(/schemaVersion/);
  });
});
