import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads a file of test/fixtures/youtube as text. */
export function fixture(name: string): string {
  return readFileSync(
    join(__dirname, '..', '..', 'fixtures', 'youtube', name),
    'utf8',
  );
}

export interface FakeReply {
  readonly status?: number;
  readonly body?: string;
  readonly headers?: Record<string, string>;
  /** Rejects the fetch instead, as a network failure does. */
  readonly fail?: Error;
}

/**
 * A fetch that answers from a queue, last reply repeated, and records
 * every requested URL.
 */
export function fakeFetch(...replies: FakeReply[]) {
  const urls: URL[] = [];
  const fetchFn = (async (input: string | URL | Request) => {
    urls.push(new URL(String(input)));
    const reply = replies.length > 1 ? replies.shift() : replies[0];
    if (!reply) throw new Error('fakeFetch has no reply queued');
    if (reply.fail) throw reply.fail;
    return new Response(reply.body ?? '{}', {
      status: reply.status ?? 200,
      headers: reply.headers,
    });
  }) as typeof fetch;
  return { fetch: fetchFn, urls };
}

/** A sleep that records the waits and returns at once. */
export function fakeSleep() {
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  return { sleep, waits };
}
