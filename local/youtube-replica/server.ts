import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { YouTubeMethod } from '../../lambda/core/youtube/api';
import { createWorld, type World } from '../world/world';
import { errorBody } from './error-bodies';
import { type Fault, FaultQueue } from './faults';
import { HANDLERS } from './handlers';
import { QuotaBook, type ReplicaQuotaOptions } from './quota';

export interface ReplicaOptions {
  /** Seed of the generated world (ignored when `world` is given). @default 'replica' */
  readonly seed?: string | number;
  /** The replica's clock: what is published and the quota day. @default real time */
  readonly now?: () => Date;
  /** A world built elsewhere, e.g. shared with a test. */
  readonly world?: World;
  readonly quota?: ReplicaQuotaOptions;
  /** When set, any other key gets 400 keyInvalid. */
  readonly apiKeys?: readonly string[];
}

/** One request the replica answered, for assertions. */
export interface ReplicaCall {
  readonly method: YouTubeMethod | 'unknown';
  /** Query parameters without the key. */
  readonly params: Record<string, string>;
  readonly status: number;
  /** Whether an injected fault answered it. */
  readonly injected: boolean;
}

export interface Replica {
  /** Ends with `/youtube/v3`, like the real API's base URL. */
  readonly baseUrl: string;
  readonly world: World;
  readonly calls: ReplicaCall[];
  /** Queues a fault; faults are consumed in the order injected. */
  inject(fault: Fault): void;
  clearFaults(): void;
  /** Units `key` used today (Pacific day of the replica's clock). */
  quotaUsed(key: string): number;
  /** search.list calls `key` made today in the split model. */
  searchCallsUsed(key: string): number;
  close(): Promise<void>;
}

/**
 * Starts a local stand-in for the YouTube Data API v3 on 127.0.0.1 and a
 * free port, serving channels, playlistItems, search, videos and
 * commentThreads list calls from a generated world, with YouTube's quota
 * costs and error envelopes.
 */
export async function startReplica(
  options: ReplicaOptions = {},
): Promise<Replica> {
  const now = options.now ?? (() => new Date());
  const world =
    options.world ?? createWorld({ seed: options.seed ?? 'replica', now });
  const quota = new QuotaBook(options.quota ?? {}, now);
  const faults = new FaultQueue();
  const calls: ReplicaCall[] = [];
  const keys = options.apiKeys ? new Set(options.apiKeys) : undefined;

  function answer(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const route = /^\/youtube\/v3\/(\w+)\/?$/.exec(url.pathname)?.[1];
    const entry = route ? HANDLERS[route] : undefined;
    const key = url.searchParams.get('key') ?? '';
    url.searchParams.delete('key');
    const params = Object.fromEntries(url.searchParams);
    const send = (
      status: number,
      body: string,
      injected = false,
      headers = {},
    ) => {
      calls.push({
        method: entry?.method ?? 'unknown',
        params,
        status,
        injected,
      });
      response.writeHead(status, {
        'content-type': 'application/json; charset=UTF-8',
        ...headers,
      });
      response.end(body);
    };

    if (request.method !== 'GET' || !entry) {
      return send(404, errorBody('notFound'));
    }
    const fault = faults.take(entry.method, url);
    if (fault) return send(fault.status, fault.body, true, fault.headers);
    if (!key) return send(403, errorBody('forbidden'));
    if (keys && !keys.has(key)) return send(400, errorBody('keyInvalid'));
    if (!quota.charge(key, entry.method)) {
      return send(403, errorBody('quotaExceeded'));
    }
    const reply = entry.handle(world, url.searchParams);
    send(reply.status, reply.body);
  }

  const server = createServer((request, response) => {
    try {
      answer(request, response);
    } catch (error) {
      // A replica bug must look like a 500 to the client, not a hang.
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(errorBody('backendError', { message: String(error) }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/youtube/v3`,
    world,
    calls,
    inject: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    quotaUsed: (key) => quota.usedToday(key, 'units'),
    searchCallsUsed: (key) => quota.usedToday(key, 'search'),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
