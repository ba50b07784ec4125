// One invocation's execution log as Lambda writes it to CloudWatch: START, the function's
// own lines, END and the REPORT line; and the tail Invoke returns for `LogType: Tail`.
// Log lines: https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html
// Tail: "The last 4 KB of the execution log, which is base64-encoded"
// (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html#API_Invoke_ResponseSyntax).

/** Invoke returns at most this many bytes of the log with LogType Tail. */
export const LOG_TAIL_BYTES = 4 * 1024;

export type InvocationReport = {
  requestId: string;
  durationMs: number;
  memorySizeMb: number;
  /**
   * Locally: the environment's V8 heap in use after the invocation, the largest seen so far
   * (Lambda measures the whole sandbox; a worker thread has no memory of its own to measure).
   */
  maxMemoryUsedMb: number;
  /** Only on the first invocation of an execution environment (a cold start). */
  initDurationMs?: number;
};

export type InvocationLog = {
  requestId: string;
  /** What the function wrote during this invocation, one entry per log event. */
  lines: string[];
  report: InvocationReport;
};

/**
 * Lambda bills in 1 ms increments (https://aws.amazon.com/lambda/pricing/), and since
 * 1 August 2025 the INIT phase of a cold start too, for zip functions on managed runtimes
 * (https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/).
 */
export function billedDurationMs(durationMs: number, initDurationMs = 0): number {
  return Math.max(1, Math.ceil(durationMs + initDurationMs));
}

export function reportLine(report: InvocationReport): string {
  const fields = [
    `REPORT RequestId: ${report.requestId}`,
    `Duration: ${report.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${billedDurationMs(report.durationMs, report.initDurationMs)} ms`,
    `Memory Size: ${report.memorySizeMb} MB`,
    `Max Memory Used: ${report.maxMemoryUsedMb} MB`,
  ];
  if (report.initDurationMs !== undefined) fields.push(`Init Duration: ${report.initDurationMs.toFixed(2)} ms`);
  return `${fields.join('\t')}\t`;
}

/** The invocation's whole execution log, START to REPORT. */
export function executionLog(log: InvocationLog): string {
  const lines = [
    `START RequestId: ${log.requestId} Version: $LATEST`,
    ...log.lines,
    `END RequestId: ${log.requestId}`,
    reportLine(log.report),
  ];
  return `${lines.join('\n')}\n`;
}

/** The X-Amz-Log-Result value: the last 4 KB of the execution log, base64. */
export function logTail(log: InvocationLog): string {
  const bytes = Buffer.from(executionLog(log), 'utf8');
  return bytes.subarray(Math.max(0, bytes.length - LOG_TAIL_BYTES)).toString('base64');
}
