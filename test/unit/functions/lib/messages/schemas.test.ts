// The topics' JSON Schemas agree with the code that writes the messages.
import { describe, expect, it } from 'vitest';
import { INVITE_SOURCES } from '../../../../../functions/lib/messages/newEventInvite';
import { NOTICE_KINDS } from '../../../../../functions/lib/messages/organizerNotice';
import { SCHEMA_VERSION } from '../../../../../functions/lib/messages/topicMessage';
import { INVITE_LIMITS } from '../../../../../resolvers/lib/invites';
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
    expect(topicSchema('NEW_EVENT_INVITE').properties.attendee.properties.source.enum).toEqual([...INVITE_SOURCES]);
  });

  it('describe an invited attendee with the limits inviteAttendees enforces', () => {
    const attendee = topicSchema('NEW_EVENT_INVITE').properties.attendee;
    expect(attendee.additionalProperties).toBe(false);
    expect(attendee.properties.email.maxLength).toBe(INVITE_LIMITS.emailMaxLength);
    expect(attendee.properties.name.maxLength).toBe(INVITE_LIMITS.nameMaxLength);
    for (const [name, property] of Object.entries(attendee.properties as Record<string, { description?: string }>)) {
      expect(property.description, `NEW_EVENT_INVITE.attendee.${name}`).toBeTruthy();
    }
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

  it('refuse an invitation without its attendee’s facts, or with more than the attendee as stored', () => {
    const invite = {
      type: 'NEW_EVENT_INVITE',
      schemaVersion: 1,
      messageId: 'NEW_EVENT_INVITE#e1#o#ada@example.com#2030-01-01T00:00:00.000Z',
      occurredAt: '2030-01-01T00:00:00.000Z',
      organizerId: 'o1',
      eventId: 'e1',
      attendee: { email: 'O#Ada@example.com', name: null, source: 'IMPORT', invitedAt: '2030-01-01T00:00:00.000Z' },
    };
    expect(schemaErrors(invite)).toEqual([]);
    expect(schemaErrors({ ...invite, attendee: { ...invite.attendee, status: 'NEEDS_ACTION' } }).join()).toMatch(/additionalProperty/);
    expect(schemaErrors({ ...invite, attendee: { ...invite.attendee, source: 'FAX' } }).join()).toMatch(/\/attendee\/source/);
    expect(schemaErrors({ ...invite, attendee: { ...invite.attendee, name: '' } }).join()).toMatch(/\/attendee\/name/);
    expect(schemaErrors({ ...invite, attendee: { ...invite.attendee, email: 'not an address' } }).join()).toMatch(/\/attendee\/email/);
    expect(schemaErrors({ ...invite, attendee: { email: 'ada@example.com', name: null, source: 'API' } }).join()).toMatch(/invitedAt/);
    expect(schemaErrors({ ...invite, messageId: 'NEW_EVENT_INVITE#e1' }).join()).toMatch(/messageId/);
    expect(schemaErrors({ ...invite, eventId: undefined }).join()).toMatch(/eventId/);
  });
});
