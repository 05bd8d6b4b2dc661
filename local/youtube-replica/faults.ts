import type { YouTubeMethod } from '../../lambda/core/youtube/api';
import { errorBody, reasonOf, statusOf } from './error-bodies';

/** A failure the replica answers with instead of the real response. */
export interface Fault {
  readonly method: YouTubeMethod;
  /**
   * @default statusOf(reason) with a reason, 200 with a raw body,
   * else 500
   */
  readonly status?: number;
  /** YouTube's reason, e.g. `quotaExceeded`, sent in the envelope. */
  readonly reason?: string;
  /** A raw body sent as is, e.g. malformed JSON. */
  readonly body?: string;
  /** Seconds, sent as the Retry-After header. */
  readonly retryAfter?: number;
  /** How many matching calls it answers. @default 1 */
  readonly times?: number;
  /** Only calls whose URL this accepts. */
  readonly match?: (url: URL) => boolean;
}

/** What the replica sends for a fault. */
export interface FaultReply {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, string>;
}

/** Injected faults, consumed in the order they were injected. */
export class FaultQueue {
  private readonly pending: { fault: Fault; left: number }[] = [];

  add(fault: Fault): void {
    this.pending.push({ fault, left: fault.times ?? 1 });
  }

  clear(): void {
    this.pending.length = 0;
  }

  /** The reply of the first fault matching this call, consuming one use. */
  take(method: YouTubeMethod, url: URL): FaultReply | undefined {
    const index = this.pending.findIndex(
      (p) => p.fault.method === method && (p.fault.match?.(url) ?? true),
    );
    const entry = this.pending[index];
    if (!entry) return undefined;
    entry.left -= 1;
    if (entry.left <= 0) this.pending.splice(index, 1);
    return reply(entry.fault);
  }
}

function reply({ status, reason, body, retryAfter }: Fault): FaultReply {
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
  if (body !== undefined) return { status: status ?? 200, body, headers };
  const code = status ?? (reason ? statusOf(reason) : 500);
  return {
    status: code,
    body: errorBody(reason ?? reasonOf(code), { status: code }),
    headers,
  };
}
