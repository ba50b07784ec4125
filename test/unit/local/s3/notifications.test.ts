// Bucket notifications: event types with wildcards, prefix/suffix key filters, the event
// record's documented shape, both configuration forms (CloudFormation and the API).
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
import { describe, expect, it } from 'vitest';
import { eventKey, eventMatches, eventRecord, keyMatches, matchingRules, notificationRules, testEvent } from '../../../../local/s3/notifications';
import { S3Error } from '../../../../local/s3/errors';

describe('event matching', () => {
  it('matches a wildcard event type to each of its events, and exact types only to themselves', () => {
    expect(eventMatches('s3:ObjectCreated:*', 'ObjectCreated:Put')).toBe(true);
    expect(eventMatches('s3:ObjectCreated:*', 'ObjectCreated:CompleteMultipartUpload')).toBe(true);
    expect(eventMatches('s3:ObjectCreated:*', 'ObjectRemoved:Delete')).toBe(false);
    expect(eventMatches('s3:ObjectCreated:Copy', 'ObjectCreated:Put')).toBe(false);
    expect(eventMatches('s3:ObjectRemoved:Delete', 'ObjectRemoved:Delete')).toBe(true);
  });

  it('filters keys on prefix and suffix together', () => {
    const rule = { prefix: 'uploads/', suffix: '.csv' };
    expect(keyMatches(rule, 'uploads/guests.csv')).toBe(true);
    expect(keyMatches(rule, 'uploads/guests.txt')).toBe(false);
    expect(keyMatches(rule, 'other/guests.csv')).toBe(false);
    expect(keyMatches({}, 'anything')).toBe(true);
  });

  it('accepts URL-encoded filter values for keys with special characters, as S3 asks for them', () => {
    expect(keyMatches({ prefix: 'guest+lists/' }, 'guest lists/a.csv')).toBe(true);
    expect(keyMatches({ prefix: 'guest lists/' }, 'guest lists/a.csv')).toBe(true);
  });

  it('URL-encodes event keys like a form (space as +)', () => {
    expect(eventKey('red flower.jpg')).toBe('red+flower.jpg');
    expect(eventKey('inbound/ü+x')).toBe('inbound/%C3%BC%2Bx');
    expect(eventKey('year=2030/it (1).csv')).toBe('year%3D2030/it+%281%29.csv');
  });
});

describe('configurations', () => {
  it("reads CloudFormation's form (one Event per entry, S3Key.Rules)", () => {
    const rules = notificationRules({
      QueueConfigurations: [{ Event: 's3:ObjectCreated:*', Queue: 'arn:aws:sqs:us-east-1:000000000000:q', Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: 'imports/' }] } } }],
      LambdaConfigurations: [{ Event: 's3:ObjectRemoved:*', Function: 'arn:aws:lambda:us-east-1:000000000000:function:f' }],
    });
    expect(rules).toEqual([
      expect.objectContaining({ kind: 'queue', arn: 'arn:aws:sqs:us-east-1:000000000000:q', events: ['s3:ObjectCreated:*'], prefix: 'imports/' }),
      expect.objectContaining({ kind: 'function', arn: 'arn:aws:lambda:us-east-1:000000000000:function:f', events: ['s3:ObjectRemoved:*'] }),
    ]);
    expect(rules[0]!.id).toMatch(/^.{32}$/);
  });

  it("reads the API's form that CDK's custom resource passes (Events[], Key.FilterRules, LambdaFunctionArn)", () => {
    const rules = notificationRules({
      TopicConfigurations: [{ Id: 'csv', TopicArn: 'arn:aws:sns:us-east-1:000000000000:t', Events: ['s3:ObjectCreated:Put'], Filter: { Key: { FilterRules: [{ Name: 'Suffix', Value: '.csv' }] } } }],
      LambdaFunctionConfigurations: [{ LambdaFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:f', Events: ['s3:ObjectCreated:Copy'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'mail/' }] } } }],
    });
    expect(rules.map((r) => [r.id, r.kind, r.suffix, r.prefix])).toEqual([
      ['csv', 'topic', '.csv', undefined],
      [rules[1]!.id, 'function', undefined, 'mail/'],
    ]);
    expect(matchingRules(rules, 'ObjectCreated:Put', 'mail/a.csv').map((r) => r.kind)).toEqual(['topic']);
    expect(matchingRules(rules, 'ObjectCreated:Copy', 'mail/a.eml').map((r) => r.kind)).toEqual(['function']);
    expect(matchingRules(rules, 'ObjectCreated:Copy', 'other/a.eml')).toEqual([]);
  });

  it('refuses overlapping configurations and repeated rule types, as S3 does', () => {
    const overlap = () =>
      notificationRules({
        QueueConfigurations: [
          { QueueArn: 'arn:q1', Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'a/' }] } } },
          { QueueArn: 'arn:q2', Events: ['s3:ObjectCreated:Put'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'a/b/' }] } } },
        ],
      });
    expect(overlap).toThrow(S3Error);
    expect(overlap).toThrow('Configuration is ambiguously defined. Cannot have overlapping suffixes in two rules if the prefixes are overlapping for the same event type.');
    expect(() => notificationRules({ QueueConfigurations: [{ QueueArn: 'arn:q1', Events: ['s3:ObjectRemoved:*'] }, { QueueArn: 'arn:q2', Events: ['s3:ObjectRemoved:*'] }] })).toThrow(
      'Configurations overlap. Configurations on the same bucket cannot share a common event type.',
    );
    expect(() =>
      notificationRules({
        QueueConfigurations: [
          { QueueArn: 'arn:q1', Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'a/' }] } } },
          { QueueArn: 'arn:q2', Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'b/' }] } } },
        ],
      }),
    ).not.toThrow();
    expect(() =>
      notificationRules({ QueueConfigurations: [{ QueueArn: 'arn:q', Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'a' }, { Name: 'prefix', Value: 'b' }] } } }] }),
    ).toThrow(/more than one prefix/);
  });
});

describe('event record', () => {
  const context = { requestId: 'C3D13FE58DE4C810', hostId: 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD', sourceIp: '127.0.0.1', principalId: 'AWS:AIDALOCALDEVELOPER000' };

  it('has the documented fields, the URL-encoded key, the unquoted ETag and the bucket tags', () => {
    const record = eventRecord(
      { bucket: 'inbound-mail', eventName: 'ObjectCreated:Put', key: 'emails/a b', size: 5, etag: '5d41402abc4b2a76b9719d911017c592', sequencer: '0055AED6DCD90281E5', context },
      'csv',
      { region: 'us-east-1', ownerPrincipalId: 'A3LOCALBUCKETOWNER', awsGeneratedTags: { 'aws:cloudformation:logical-id': 'Inbound' } },
      '2030-01-01T00:00:00.000Z',
    );
    expect(record).toEqual({
      eventVersion: '2.5',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventTime: '2030-01-01T00:00:00.000Z',
      eventName: 'ObjectCreated:Put',
      userIdentity: { principalId: 'AWS:AIDALOCALDEVELOPER000' },
      requestParameters: { sourceIPAddress: '127.0.0.1' },
      responseElements: { 'x-amz-request-id': 'C3D13FE58DE4C810', 'x-amz-id-2': context.hostId },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'csv',
        bucket: {
          name: 'inbound-mail',
          ownerIdentity: { principalId: 'A3LOCALBUCKETOWNER' },
          arn: 'arn:aws:s3:::inbound-mail',
          awsGeneratedTags: { 'aws:cloudformation:logical-id': 'Inbound' },
        },
        object: { key: 'emails/a+b', size: 5, eTag: '5d41402abc4b2a76b9719d911017c592', sequencer: '0055AED6DCD90281E5' },
      },
    });
  });

  it('carries only key and sequencer for deletions', () => {
    const record = eventRecord({ bucket: 'b', eventName: 'ObjectRemoved:Delete', key: 'k', sequencer: '01', context }, 'id', { region: 'us-east-1', ownerPrincipalId: 'o' }, 't');
    expect(record.s3.object).toEqual({ key: 'k', sequencer: '01' });
    expect(record.s3.bucket).not.toHaveProperty('awsGeneratedTags');
  });

  it('has the flat s3:TestEvent shape S3 sends when a configuration is set', () => {
    expect(testEvent('b', 'T', 'R', 'H')).toEqual({ Service: 'Amazon S3', Event: 's3:TestEvent', Time: 'T', Bucket: 'b', RequestId: 'R', HostId: 'H' });
  });
});
