// Prefixed, levelled log lines for the local runtime: `[appsync] ...`. Quiet in tests
// unless LOCAL_LOG is set; `npm run dev` logs at info.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

let threshold: LogLevel = (process.env.LOCAL_LOG as LogLevel | undefined) ?? 'info';

export function setLogLevel(level: LogLevel) {
  threshold = level;
}

export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export function createLogger(name: string): Logger {
  const emit = (level: LogLevel, message: string, details: unknown[]) => {
    if (ORDER[level] < ORDER[threshold]) return;
    const line = `[${name}] ${message}`;
    if (level === 'error' || level === 'warn') console.error(line, ...details);
    else console.log(line, ...details);
  };
  return {
    debug: (m, ...d) => emit('debug', m, d),
    info: (m, ...d) => emit('info', m, d),
    warn: (m, ...d) => emit('warn', m, d),
    error: (m, ...d) => emit('error', m, d),
  };
}
