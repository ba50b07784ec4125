import { describe, expect, it } from 'vitest';
import { perPayload } from '../../../../../local/appsync/realtime/perPayload';

describe('perPayload', () => {
  it('computes once for the same result handed to one subscriber after another', () => {
    let runs = 0;
    const bytes = perPayload((json) => {
      runs += 1;
      return Buffer.byteLength(json);
    });
    const json = JSON.stringify({ data: { onRsvpCountsChanged: { eventId: 'é1' } } });
    for (let i = 0; i < 1000; i += 1) expect(bytes(json)).toBe(Buffer.byteLength(json));
    expect(runs).toBe(1);
  });

  it('computes again for another result, and gives the same answer for the same text', () => {
    const parsed = perPayload((json) => JSON.parse(json) as unknown);
    expect(parsed('{"data":1}')).toEqual({ data: 1 });
    expect(parsed('{"data":2}')).toEqual({ data: 2 });
    expect(parsed(['{"data":', '2}'].join(''))).toEqual({ data: 2 });
  });
});
