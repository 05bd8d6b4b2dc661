import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { Logger } from 'inngest';
import { SERVICE_NAME } from '../metric-names';

type Level = 'info' | 'warn' | 'error' | 'debug';
type Attributes = Record<string, unknown>;

/**
 * Powertools Logger in the shape Inngest expects of a logger. Inngest
 * calls it object first (`error({ err }, 'message')`, pino's order) while
 * Powertools takes the message first; both orders are accepted here and
 * written as one JSON line with the fields merged. `child` lets Inngest tag
 * every line of a run with its run id and event name.
 */
export class PowertoolsInngestLogger implements Logger {
  constructor(private readonly target: PowertoolsLogger) {}

  info(...args: unknown[]): void {
    this.write('info', args);
  }

  warn(...args: unknown[]): void {
    this.write('warn', args);
  }

  error(...args: unknown[]): void {
    this.write('error', args);
  }

  debug(...args: unknown[]): void {
    this.write('debug', args);
  }

  /** A logger adding `fields` to every line. */
  child(fields: Attributes): PowertoolsInngestLogger {
    const child = this.target.createChild();
    child.appendPersistentKeys(fields);
    return new PowertoolsInngestLogger(child);
  }

  private write(level: Level, args: readonly unknown[]): void {
    const { message, attributes } = splitArgs(args);
    if (Object.keys(attributes).length === 0) {
      this.target[level](message);
    } else {
      this.target[level](message, attributes);
    }
  }
}

/** The service's JSON logger; the level comes from POWERTOOLS_LOG_LEVEL. */
export function createLogger(): PowertoolsInngestLogger {
  return new PowertoolsInngestLogger(
    new PowertoolsLogger({ serviceName: SERVICE_NAME }),
  );
}

/**
 * The first string is the message; objects are merged into the fields;
 * errors and other values are kept under `error` and `values`.
 */
export function splitArgs(args: readonly unknown[]): {
  message: string;
  attributes: Attributes;
} {
  let message: string | undefined;
  const attributes: Attributes = {};
  const values: unknown[] = [];
  for (const arg of args) {
    if (typeof arg === 'string' && message === undefined) message = arg;
    else if (arg instanceof Error) attributes.error = arg;
    else if (isRecord(arg)) Object.assign(attributes, renameErr(arg));
    else values.push(arg);
  }
  if (values.length > 0) attributes.values = values;
  return { message: message ?? '(no message)', attributes };
}

/** Inngest logs errors as `{ err }`; Powertools formats `error`. */
function renameErr(fields: Attributes): Attributes {
  if (!('err' in fields)) return fields;
  const { err, ...rest } = fields;
  return { ...rest, error: err };
}

function isRecord(value: unknown): value is Attributes {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
