import { describe, expect, it } from 'vitest';
import { importObjects } from '../../../../functions/importer/importObjects';

/** One S3 event notification record, as S3 puts it on the queue (key URL-encoded). */
function s3Record(key: string, options: { eventName?: string; size?: number } = {}) {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: 'us-east-1',
    eventTime: '2030-01-06T09:00:00.000Z',
    eventName: options.eventName ?? 'ObjectCreated:Put',
    s3: {
      s3SchemaVersion: '1.0',
      bucket: { name: 'imports-bucket', arn: 'arn:aws:s3:::imports-bucket' },
      object: { key, size: options.size ?? 1234, eTag: 'd41d8cd98f00b204e9800998ecf8427e', sequencer: '0055AED6DCD90281E5' },
    },
  };
}

const notification = (...records: unknown[]) => JSON.stringify({ Records: records });

describe('the import objects an S3 notification names', () => {
  it('reads the event and job from imports/<eventId>/<jobId>.csv, with the object’s size', () => {
    expect(importObjects(notification(s3Record('imports/evt-1/job-1.csv')))).toEqual({ objects: [{ eventId: 'evt-1', jobId: 'job-1', size: 1234 }], ignored: [] });
  });

  it('takes every kind of ObjectCreated (a multipart upload too), in order', () => {
    const body = notification(s3Record('imports/evt-1/job-1.csv'), s3Record('imports/evt-2/job-2.csv', { eventName: 'ObjectCreated:CompleteMultipartUpload', size: 9 }));
    expect(importObjects(body).objects).toEqual([
      { eventId: 'evt-1', jobId: 'job-1', size: 1234 },
      { eventId: 'evt-2', jobId: 'job-2', size: 9 },
    ]);
  });

  it('decodes the key: %XX escapes, and + for a space', () => {
    expect(importObjects(notification(s3Record('imports/evt+1/job%2B1%C3%A9.csv'))).objects).toEqual([{ eventId: 'evt 1', jobId: 'job+1é', size: 1234 }]);
  });

  it('gives a size of null when the record has none', () => {
    const record = s3Record('imports/evt-1/job-1.csv');
    delete (record.s3.object as { size?: number }).size;
    expect(importObjects(notification(record)).objects).toEqual([{ eventId: 'evt-1', jobId: 'job-1', size: null }]);
  });

  it('ignores S3’s test event, sent when the notification is set up', () => {
    const body = JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent', Time: '2030-01-06T09:00:00.000Z', Bucket: 'imports-bucket', RequestId: 'r', HostId: 'h' });
    expect(importObjects(body)).toEqual({ objects: [], ignored: ['S3 test event'] });
  });

  it('ignores other events, keeping the objects created beside them', () => {
    const body = notification(s3Record('imports/evt-1/job-1.csv', { eventName: 'ObjectRemoved:Delete' }), s3Record('imports/evt-2/job-2.csv'));
    expect(importObjects(body)).toEqual({ objects: [{ eventId: 'evt-2', jobId: 'job-2', size: 1234 }], ignored: ['event ObjectRemoved:Delete'] });
  });

  it.each([
    ['other/evt-1/job-1.csv'],
    ['imports/job-1.csv'],
    ['imports/evt-1/job-1.txt'],
    ['imports/evt-1/nested/job-1.csv'],
    ['imports//job-1.csv'],
    ['imports/evt-1/.csv'],
  ])('ignores the key %j, outside imports/<eventId>/<jobId>.csv', (key) => {
    expect(importObjects(notification(s3Record(key)))).toEqual({ objects: [], ignored: [`object key ${JSON.stringify(key)} is not imports/<eventId>/<jobId>.csv`] });
  });

  it('matches the pattern on the decoded key: an encoded slash is a slash', () => {
    expect(importObjects(notification(s3Record('imports/evt-1%2Fx/job-1.csv')))).toEqual({
      objects: [],
      ignored: ['object key "imports/evt-1/x/job-1.csv" is not imports/<eventId>/<jobId>.csv'],
    });
  });

  it('ignores a key that is not valid URL encoding, rather than reading the job from it as it is', () => {
    expect(importObjects(notification(s3Record('imports/evt-1/job%ZZ.csv')))).toEqual({ objects: [], ignored: ['object key "imports/evt-1/job%ZZ.csv" is not URL-encoded text'] });
    expect(importObjects(notification(s3Record('imports/evt+1/job%E9.csv'))).objects).toEqual([]);
  });

  it('ignores a body that is not JSON', () => {
    expect(importObjects('not json')).toEqual({ objects: [], ignored: ['the message is not JSON'] });
    expect(importObjects('')).toEqual({ objects: [], ignored: ['the message is not JSON'] });
  });

  it.each([['{}'], ['null'], ['42'], ['"text"'], ['[]'], ['{"Records":{}}'], ['{"Records":"x"}']])('ignores %s, which has no Records list, without throwing', (body) => {
    expect(importObjects(body)).toEqual({ objects: [], ignored: ['no Records'] });
  });

  it('ignores records of the wrong shape without throwing', () => {
    const body = notification(null, 7, {}, { eventName: 'ObjectCreated:Put' }, { eventName: 'ObjectCreated:Put', s3: { object: { key: 5 } } });
    expect(importObjects(body)).toEqual({
      objects: [],
      ignored: ['event undefined', 'event undefined', 'event undefined', 'object key undefined is not URL-encoded text', 'object key 5 is not URL-encoded text'],
    });
  });

  it('gives nothing, and ignores nothing, for an empty Records list', () => {
    expect(importObjects(notification())).toEqual({ objects: [], ignored: [] });
  });
});
