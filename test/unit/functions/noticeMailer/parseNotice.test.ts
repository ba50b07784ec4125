import { describe, expect, it } from 'vitest';
import { MalformedInputError } from '../../../../functions/lib/errors';
import { parseNotice } from '../../../../functions/noticeMailer/parseNotice';
import { makeNoticeMessage } from '../../../helpers/notices';
import { schemaErrors } from '../../../helpers/topicSchemas';

describe('parseNotice', () => {
  it('reads a notice the schema accepts', () => {
    const notice = makeNoticeMessage();
    expect(schemaErrors(notice)).toEqual([]);
    expect(parseNotice(JSON.stringify(notice))).toEqual(notice);
  });

  it('refuses what is not an organizer notice, naming what is wrong', () => {
    const bad = (value: unknown) => () => parseNotice(typeof value === 'string' ? value : JSON.stringify(value));
    expect(bad('{')).toThrow(MalformedInputError);
    expect(bad([1])).toThrow(/not a JSON object/);
    expect(bad({ ...makeNoticeMessage(), type: 'EVENT_UPDATED' })).toThrow(/type must be ORGANIZER_NOTICE/);
    expect(bad({ ...makeNoticeMessage(), schemaVersion: 2 })).toThrow(/schemaVersion/);
    expect(bad({ ...makeNoticeMessage(), organizerId: ' ' })).toThrow(/organizerId/);
    expect(bad({ ...makeNoticeMessage(), kind: 'OTHER' })).toThrow(/kind/);
    expect(bad({ ...makeNoticeMessage(), details: null })).toThrow(/details/);
  });
});
