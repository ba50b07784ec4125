// An SQS action as the wire layer runs it: input and output in the JSON protocol's shapes (the
// query protocol translates to and from them), semantics delegated to the broker and queues.
import type { SqsBroker } from '../broker';
import type { Input } from './input';

export type OperationContext = {
  broker: SqsBroker;
  /** SenderId of messages this caller sends: its IAM user id. */
  senderId: string;
  /** Aborted when the client goes away (ends long polls). */
  signal: AbortSignal;
};

export type Operation = (input: Input, context: OperationContext) => Record<string, unknown> | Promise<Record<string, unknown>>;
