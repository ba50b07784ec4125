// Whether a stream record changes an event's counts, and what onRsvpCountsChanged then
// pushes (pure). Only a MODIFY of an event item (keys.eventKey) can: answers, invitations
// and removals move `counts` in the same transaction as the attendee; other changes to the
// event (its title, its cancellation) leave the counts as they were and push nothing.
import type { MutationPublishRsvpCountsArgs } from '../../generated/graphql';
import type { AttendeeCountsRecord } from '../../resolvers/lib/records';
import { MalformedInputError } from '../lib/errors';
import type { ChangeRecord } from '../lib/stream/streamRecord';

/** What publishRsvpCounts takes: the counts after the change. */
export type RsvpCountsChange = MutationPublishRsvpCountsArgs;

export const COUNT_FIELDS = ['invited', 'needsAction', 'accepted', 'declined', 'tentative'] as const satisfies readonly (keyof AttendeeCountsRecord)[];

/**
 * The counts to push, or null when the record leaves them as they were.
 * @param receivedAt when the record arrived: `changedAt` for a record that does not say when
 * DynamoDB made the change.
 */
export function countsChange(change: ChangeRecord, receivedAt: string): RsvpCountsChange | null {
  if (change.kind !== 'event' || change.eventName !== 'MODIFY') return null;
  const where = `MODIFY of ${change.keys.pk} / ${change.keys.sk} (stream record ${change.sequenceNumber})`;
  if (!change.oldImage || !change.newImage) throw new MalformedInputError(`${where}: the stream must carry both images (NEW_AND_OLD_IMAGES).`);
  const before = countsOf(change.oldImage, `${where}, OldImage`);
  const after = countsOf(change.newImage, `${where}, NewImage`);
  if (COUNT_FIELDS.every((field) => before[field] === after[field])) return null;
  const eventId = change.newImage.id;
  if (typeof eventId !== 'string' || eventId.length === 0) throw new MalformedInputError(`${where}, NewImage: id must be a non-empty string.`);
  return { eventId, ...after, changedAt: change.changedAt ?? receivedAt };
}

/**
 * An image's counts. A missing map or field is 0, as DynamoDB's ADD takes it (the counts
 * resolvers keep are ADDs); anything else than an integer is malformed.
 */
export function countsOf(image: Record<string, unknown>, where: string): AttendeeCountsRecord {
  const counts = image.counts ?? {};
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) throw new MalformedInputError(`${where}: counts must be a map.`);
  const read = (field: (typeof COUNT_FIELDS)[number]) => {
    const value = (counts as Record<string, unknown>)[field] ?? 0;
    if (!Number.isInteger(value)) throw new MalformedInputError(`${where}: counts.${field} must be an integer.`);
    return value as number;
  };
  return { invited: read('invited'), needsAction: read('needsAction'), accepted: read('accepted'), declined: read('declined'), tentative: read('tentative') };
}
