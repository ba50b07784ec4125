// What SendMessage checks: body characters, attributes, size.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html
import { describe, expect, it } from 'vitest';
import { InvalidMessageContents, InvalidParameterValue, MissingParameter } from '../../../../local/sqs/errors';
import { makeBroker, send } from './queueHarness';

describe('message checks', () => {
  it('takes XML, JSON and any text of the allowed characters, including emoji', () => {
    const { broker } = makeBroker();
    const queue = broker.createQueue('work');
    send(queue, '<a>\t"x"\r\n</a> ✓ 🎉');
    expect(queue.receiveNow(1)[0]!.body).toBe('<a>\t"x"\r\n</a> ✓ 🎉');
  });

  it('refuses an empty body and characters outside the allowed set', () => {
    const { broker } = makeBroker();
    const queue = broker.createQueue('work');
    expect(() => send(queue, '')).toThrow(MissingParameter);
    expect(() => send(queue, 'a\u0000b')).toThrow(InvalidMessageContents);
    expect(() => send(queue, 'lone \uD800 surrogate')).toThrow(InvalidMessageContents);
    expect(() => send(queue, '\uFFFE')).toThrow(InvalidMessageContents);
  });

  it('counts attributes in the size limit', () => {
    const { broker } = makeBroker();
    const queue = broker.createQueue('small', { MaximumMessageSize: '1024' });
    send(queue, 'x'.repeat(1024));
    expect(() => send(queue, 'x'.repeat(1025))).toThrow(/shorter than 1024 bytes/);
    expect(() => send(queue, 'x'.repeat(1000), { messageAttributes: { name: { DataType: 'String', StringValue: 'y'.repeat(20) } } })).toThrow(
      InvalidParameterValue,
    );
  });

  it('checks attribute names, types and values', () => {
    const { broker } = makeBroker();
    const queue = broker.createQueue('work');
    const attempt = (name: string, value: { DataType: string; StringValue?: string; BinaryValue?: Uint8Array }) => () =>
      send(queue, 'b', { messageAttributes: { [name]: value } });
    expect(attempt('AWS.thing', { DataType: 'String', StringValue: 'x' })).toThrow(/name/);
    expect(attempt('a..b', { DataType: 'String', StringValue: 'x' })).toThrow(/name/);
    expect(attempt('ok', { DataType: 'Date', StringValue: 'x' })).toThrow(/type/);
    expect(attempt('ok', { DataType: 'String', StringValue: '' })).toThrow(/non-empty/);
    expect(attempt('ok', { DataType: 'Number', StringValue: 'twelve' })).toThrow(/number/);
    expect(attempt('ok', { DataType: 'Binary' })).toThrow(/non-empty/);
    attempt('ok', { DataType: 'Number.int', StringValue: '-12.5e3' })();
    attempt('ok', { DataType: 'Binary.png', BinaryValue: Uint8Array.of(0, 1, 2) })();
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`a${i}`, { DataType: 'String', StringValue: 'v' }]));
    expect(() => send(queue, 'b', { messageAttributes: eleven })).toThrow(/exceeds the allowed maximum/);
  });
});
