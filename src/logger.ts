import type { Config } from './config.js';

export type Logger = {
  debug: (message: string) => void;
  info: (message: string) => void;
  warn: (message: string) => void;
  error: (message: string, error?: unknown) => void;
};

const levels = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/** A small leveled logger writing to stderr, so stdout stays free for command output. */
export function createLogger(level: Config['logLevel']): Logger {
  const threshold = levels.indexOf(level);
  const write = (at: (typeof levels)[number]) => (message: string) => {
    if (levels.indexOf(at) >= threshold) process.stderr.write(`[lekgotla] ${at}: ${message}\n`);
  };
  const error = write('error');
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: (message, cause) =>
      error(cause instanceof Error ? `${message}: ${cause.stack ?? cause.message}` : message),
  };
}
