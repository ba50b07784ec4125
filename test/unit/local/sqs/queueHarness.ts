// A broker on a ManualClock, for the queue semantics tests: time moves only when a test says.
import { ManualClock } from '../../../../local/shared/clock';
import type { Logger } from '../../../../local/shared/logger';
import { SqsBroker } from '../../../../local/sqs/broker';
import type { Queue, SendInput } from '../../../../local/sqs/queue';

export const ACCOUNT = '000000000000';
export const SENDER = 'AIDATESTSENDER';

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export function makeBroker() {
  const clock = new ManualClock();
  const broker = new SqsBroker({ region: 'us-east-1', accountId: ACCOUNT, endpoint: () => 'http://127.0.0.1:4566', clock, logger: silentLogger });
  return { clock, broker };
}

export function send(queue: Queue, body: string, extra: Partial<SendInput> = {}) {
  return queue.send({ body, senderId: SENDER, ...extra });
}
