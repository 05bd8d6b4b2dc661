import type { Log } from '../core/deps';

/**
 * The CLI's logger: one JSON line per entry on stderr, so stdout stays
 * clean for tables and machine output. Info is shown only when verbose.
 */
export function cliLog(stderr: NodeJS.WritableStream, verbose: boolean): Log {
  const write =
    (level: string) => (message: string, context?: Record<string, unknown>) =>
      stderr.write(
        `${JSON.stringify({ level, message, ...context, time: new Date().toISOString() })}\n`,
      );
  return {
    info: verbose ? write('info') : () => {},
    warn: write('warn'),
    error: write('error'),
  };
}
