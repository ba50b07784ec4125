import { describe, expect, it } from 'vitest';
import { handshakeProtocols, parseMessage, reconnectDelay, startMessage, stopMessage } from '../../../dashboard/realtime';

describe('realtime messages', () => {
  it('carries the auth headers as base64url JSON in a header- subprotocol next to graphql-ws', () => {
    const auth = { host: 'api.example.com:4000', Authorization: 'eyJ.a+b/c==' };
    const [name, header] = handshakeProtocols(auth);
    expect(name).toBe('graphql-ws');
    expect(header).toMatch(/^header-[A-Za-z0-9_-]+$/); // no + / = : not allowed in a subprotocol
    expect(JSON.parse(Buffer.from(header!.slice('header-'.length), 'base64url').toString('utf8'))).toEqual(auth);
  });

  it('encodes non-ASCII header values as UTF-8', () => {
    const [, header] = handshakeProtocols({ host: 'h', 'x-name': 'Zoë' });
    expect(JSON.parse(Buffer.from(header!.slice('header-'.length), 'base64url').toString('utf8'))).toEqual({ host: 'h', 'x-name': 'Zoë' });
  });

  it('starts a subscription with the query and variables as a JSON string and the auth in extensions', () => {
    const message = JSON.parse(startMessage('s1', 'subscription S($e: ID!) { onX(eventId: $e) { id } }', { e: 'ev' }, { host: 'h', Authorization: 't' }));
    expect(message).toEqual({
      id: 's1',
      type: 'start',
      payload: { data: expect.any(String), extensions: { authorization: { host: 'h', Authorization: 't' } } },
    });
    expect(JSON.parse(message.payload.data)).toEqual({ query: 'subscription S($e: ID!) { onX(eventId: $e) { id } }', variables: { e: 'ev' } });
    expect(JSON.parse(stopMessage('s1'))).toEqual({ id: 's1', type: 'stop' });
  });

  it('reads server frames and ignores anything else', () => {
    expect(parseMessage('{"type":"data","id":"s1","payload":{"data":{"x":1}}}')).toEqual({ type: 'data', id: 's1', payload: { data: { x: 1 } } });
    expect(parseMessage('not json')).toBeNull();
    expect(parseMessage('{"no":"type"}')).toBeNull();
    expect(parseMessage(new Uint8Array([1]))).toBeNull();
  });
});

describe('the reconnect schedule', () => {
  const ceiling = (attempt: number) => reconnectDelay(attempt, () => 0.999999);
  const floor = (attempt: number) => reconnectDelay(attempt, () => 0);

  it('doubles from half a second and stops growing at ten seconds', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20, 1000].map(ceiling)).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000, 10000, 10000]);
  });

  it('waits between half and all of the step, so pages do not all come back at once', () => {
    expect([0, 1, 2, 6].map(floor)).toEqual([250, 500, 1000, 5000]);
    expect(reconnectDelay(2, () => 0.5)).toBe(1500);
  });
});
