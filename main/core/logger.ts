// The core's logger: one line per message, tagged with its source by the caller (`[engine]`, `[bridge]`).

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  warn: (message) => console.warn(message),
  error: (message, error) =>
    console.error(message, error instanceof Error ? (error.stack ?? error.message) : (error ?? '')),
};

/** For tests and quiet runs: keeps nothing. */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
