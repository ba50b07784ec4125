import { BadRequestException, MessageRejected, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { isPermanent } from '../../../../../functions/lib/errors';
import { classifySendError, isThrottling } from '../../../../../functions/lib/aws/sesErrors';

const meta = { $metadata: {} };

describe('classifySendError', () => {
  it('makes SES’s refusals of the message permanent, by class or by name', () => {
    expect(isPermanent(classifySendError(new MessageRejected({ message: 'Email address is not verified.', ...meta })))).toBe(true);
    expect(isPermanent(classifySendError(new BadRequestException({ message: 'Missing final @domain', ...meta })))).toBe(true);
    expect(isPermanent(classifySendError(Object.assign(new Error('x'), { name: 'MessageRejected' })))).toBe(true);
  });

  it('leaves throttling, quotas, network and unknown errors as they are: retried', () => {
    const throttled = new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', ...meta });
    expect(classifySendError(throttled)).toBe(throttled);
    for (const name of ['LimitExceededException', 'SendingPausedException', 'TimeoutError', 'InternalFailure']) {
      expect(isPermanent(classifySendError(Object.assign(new Error(name), { name })))).toBe(false);
    }
    expect(classifySendError('odd')).toBe('odd');
  });
});

describe('isThrottling', () => {
  it('is true of the sending-rate refusal (by class, name or HTTP 429) and false of the daily quota and others', () => {
    expect(isThrottling(new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', ...meta }))).toBe(true);
    expect(isThrottling(Object.assign(new Error('x'), { name: 'Throttling' }))).toBe(true);
    expect(isThrottling(Object.assign(new Error('x'), { name: 'Odd', $metadata: { httpStatusCode: 429 } }))).toBe(true);
    expect(isThrottling(Object.assign(new Error('x'), { name: 'LimitExceededException' }))).toBe(false);
    expect(isThrottling(new MessageRejected({ message: 'no', ...meta }))).toBe(false);
    expect(isThrottling(undefined)).toBe(false);
  });
});
