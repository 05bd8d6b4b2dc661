import type { Logger } from 'inngest';
import type { Log } from '../core/deps';

/**
 * The core's logger over the one Inngest hands a function. Inngest's logger
 * stays silent while a run replays memoized steps, so each line is written
 * once per run rather than once per request. `fields` (function id, video
 * id) go on every line; Inngest's child logger adds the run id.
 */
export function functionLog(
  logger: Logger,
  fields: Record<string, unknown>,
): Log {
  // Object first: the order Inngest's own loggers expect.
  return {
    info: (message, context) => logger.info({ ...fields, ...context }, message),
    warn: (message, context) => logger.warn({ ...fields, ...context }, message),
    error: (message, context) =>
      logger.error({ ...fields, ...context }, message),
  };
}
