// The execution log of one invocation and the tail Invoke returns with LogType Tail.
// https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html
// https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
import { describe, expect, it } from 'vitest';
import { billedDurationMs, executionLog, logTail, reportLine } from '../../../../local/lambda/invocationLog';

const report = { requestId: 'r-1', durationMs: 12.3456, memorySizeMb: 256, maxMemoryUsedMb: 71 };

describe('invocation log', () => {
  it('writes START, the lines, END and REPORT', () => {
    expect(executionLog({ requestId: 'r-1', lines: ['a', 'b'], report })).toBe(
      'START RequestId: r-1 Version: $LATEST\na\nb\nEND RequestId: r-1\n' +
        'REPORT RequestId: r-1\tDuration: 12.35 ms\tBilled Duration: 13 ms\tMemory Size: 256 MB\tMax Memory Used: 71 MB\t\n',
    );
  });

  it('reports Init Duration on a cold start only, and bills it', () => {
    expect(reportLine({ ...report, initDurationMs: 150.5 })).toContain('\tBilled Duration: 163 ms\t');
    expect(reportLine({ ...report, initDurationMs: 150.5 })).toContain('\tInit Duration: 150.50 ms\t');
    expect(reportLine(report)).not.toContain('Init Duration');
  });

  it('bills in 1 ms increments, cold starts with their INIT phase', () => {
    expect(billedDurationMs(10.2, 150.5)).toBe(161);
    expect(billedDurationMs(0.2)).toBe(1);
    expect(billedDurationMs(100)).toBe(100);
    expect(billedDurationMs(100.01)).toBe(101);
  });

  it('returns the last 4 KB, base64', () => {
    const lines = Array.from({ length: 500 }, (_, i) => `line ${i}`);
    const tail = Buffer.from(logTail({ requestId: 'r-1', lines, report }), 'base64').toString('utf8');
    expect(Buffer.byteLength(tail)).toBe(4096);
    expect(tail.endsWith(`${reportLine(report)}\n`)).toBe(true);
    expect(tail).toContain('line 499\n');
    expect(tail).not.toContain('START');
  });
});
