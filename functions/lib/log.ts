// One JSON object per line on stdout/stderr, so that CloudWatch Logs Insights can query the
// fields. Log identifiers, not personal data.

type Level = 'INFO' | 'WARN' | 'ERROR';

const WRITE: Record<Level, (line: string) => void> = {
  INFO: (line) => console.info(line),
  WARN: (line) => console.warn(line),
  ERROR: (line) => console.error(line),
};

export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  WRITE[level](JSON.stringify({ level, message, ...fields }));
}
