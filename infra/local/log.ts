/**
 * The local runtime's own log: one short line per event for a developer's terminal. Request and
 * message bodies never appear in it (they may carry personal data); handlers log through their
 * own structured logger.
 */
export interface LocalLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

const time = (): string => new Date().toISOString().slice(11, 23);

export const consoleLogger: LocalLogger = {
  info: (message) => console.log(`${time()} ${message}`),
  warn: (message) => console.warn(`${time()} WARN ${message}`),
  error: (message, error) => {
    console.error(`${time()} ERROR ${message}`);
    if (error !== undefined) console.error(error);
  },
};

export const silentLogger: LocalLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** Keeps what was logged, for tests that assert on it. */
export const memoryLogger = (): LocalLogger & { readonly lines: string[]; readonly errors: unknown[] } => {
  const lines: string[] = [];
  const errors: unknown[] = [];
  return {
    lines,
    errors,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m, e) => {
      lines.push(`error ${m}`);
      if (e !== undefined) errors.push(e);
    },
  };
};
