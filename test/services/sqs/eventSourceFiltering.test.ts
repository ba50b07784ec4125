// FilterCriteria on SQS: patterns on the body, as JSON when the pattern's body is an object and
// as a plain string when it is a list of conditions; a body in the other format never matches.
// Messages no filter matches are deleted without invoking the function.
// https://docs.aws.amazon.com/lambda/latest/dg/with-sqs-filtering.html
// https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html
import { afterEach, describe, expect, it } from 'vitest';
import { sqsRecordMatches } from '../../../local/lambda/eventSources/sqsFilter';
import type { SqsRecord } from '../../../local/lambda/eventSources/sqsRecord';
import { mappingTemplate, settle, startRig, type EventSourceRig } from './eventSourceHarness';

let rig: EventSourceRig | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

const record = (body: string, attributes: Record<string, string> = {}): SqsRecord => ({
  messageId: 'id',
  receiptHandle: 'h',
  body,
  attributes: { ApproximateReceiveCount: '1', ...attributes },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:q',
  awsRegion: 'us-east-1',
});

describe('SQS event filtering', () => {
  it('matches JSON bodies against object patterns', () => {
    const filters = [{ body: { RequestCode: ['BBBB'] } }];
    expect(sqsRecordMatches(filters, record('{"RecordNumber": 1234, "RequestCode": "BBBB"}'))).toBe(true);
    expect(sqsRecordMatches(filters, record('{"RequestCode": "AAAA"}'))).toBe(false);
    // Plain string body, JSON pattern: dropped.
    expect(sqsRecordMatches(filters, record('RequestCode BBBB'))).toBe(false);
  });

  it('matches plain string bodies against condition lists, and drops JSON bodies for them', () => {
    const filters = [{ body: [{ prefix: 'invite:' }] }];
    expect(sqsRecordMatches(filters, record('invite:42'))).toBe(true);
    expect(sqsRecordMatches(filters, record('reply:42'))).toBe(false);
    expect(sqsRecordMatches(filters, record('{"invite": "42"}'))).toBe(false);
  });

  it('ORs filters, and supports numeric, anything-but and exists rules', () => {
    const filters = [{ body: { amount: [{ numeric: ['>', 10, '<=', 20] }] } }, { body: { status: [{ 'anything-but': ['done'] }], id: [{ exists: true }] } }];
    expect(sqsRecordMatches(filters, record('{"amount": 15}'))).toBe(true);
    expect(sqsRecordMatches(filters, record('{"amount": 25}'))).toBe(false);
    expect(sqsRecordMatches(filters, record('{"status": "open", "id": 1}'))).toBe(true);
    expect(sqsRecordMatches(filters, record('{"status": "done", "id": 1}'))).toBe(false);
    expect(sqsRecordMatches(filters, record('{"status": "open"}'))).toBe(false);
  });

  it('matches metadata fields when the pattern has no body', () => {
    expect(sqsRecordMatches([{ attributes: { ApproximateReceiveCount: ['1'] } }], record('x'))).toBe(true);
    expect(sqsRecordMatches([{ attributes: { ApproximateReceiveCount: ['2'] } }], record('x'))).toBe(false);
  });

  it('invokes only with matching messages and deletes the others', async () => {
    const pattern = JSON.stringify({ body: { type: ['invite'] } });
    rig = startRig(mappingTemplate({ FilterCriteria: { Filters: [{ Pattern: pattern }] } }), undefined, {
      sendBeforeStart: ['{"type":"invite","id":1}', '{"type":"reply","id":2}', 'plain text', '{"type":"invite","id":3}'],
    });
    await settle();
    expect(rig.fn.batches().flat()).toEqual(['{"type":"invite","id":1}', '{"type":"invite","id":3}']);
    expect(rig.reports[0]!.filteredOut).toBe(2);
    expect(rig.queue('Work').counts()).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('does not invoke when the filters drop the whole batch', async () => {
    const pattern = JSON.stringify({ body: { type: ['invite'] } });
    rig = startRig(mappingTemplate({ FilterCriteria: { Filters: [{ Pattern: pattern }] } }), undefined, { sendBeforeStart: ['{"type":"reply"}'] });
    await settle();
    expect(rig.fn.invocations).toHaveLength(0);
    expect(rig.queue('Work').counts()).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('refuses a filter that is not a JSON object', () => {
    expect(() => startRig(mappingTemplate({ FilterCriteria: { Filters: [{ Pattern: '{not json' }] } }))).toThrow(/filter 1 is not JSON/);
  });
});
