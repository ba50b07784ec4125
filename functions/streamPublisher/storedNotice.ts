// A notice item written by a resolver (a refused request, with the reason in plain words),
// published as it is stored: the resolver chose the words.
import type { NoticeRecord } from '../../resolvers/lib/records';
import { ORGANIZER_NOTICE, organizerNoticeMessageId, type OrganizerNoticeMessage } from '../lib/messages/organizerNotice';
import { SCHEMA_VERSION } from '../lib/messages/topicMessage';

export function storedNotice(notice: NoticeRecord): OrganizerNoticeMessage {
  return {
    type: ORGANIZER_NOTICE,
    schemaVersion: SCHEMA_VERSION,
    messageId: organizerNoticeMessageId(notice.id),
    occurredAt: notice.createdAt,
    organizerId: notice.organizerId,
    kind: notice.kind,
    subject: notice.subject,
    message: notice.message,
    details: notice.details ?? {},
  };
}
