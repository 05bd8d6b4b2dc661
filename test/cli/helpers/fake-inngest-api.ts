/**
 * A stand-in for Inngest's REST API (v1) and event API on 127.0.0.1, with
 * the shapes Inngest documents: `{ data: [...], cursor }` for events,
 * `{ data: [...] }` for an event's runs, `{ ids, status }` for sent
 * events. It answers 401 to any bearer but the signing key it is given.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiEvent {
  readonly internal_id: string;
  readonly name: string;
  readonly data: Record<string, unknown>;
  readonly ts: number;
}

export interface ApiRun {
  readonly run_id: string;
  readonly function_id: string;
  readonly status: string;
  readonly run_started_at?: string;
  readonly ended_at?: string;
  readonly output?: unknown;
}

export interface FakeInngestApi {
  readonly url: string;
  readonly events: ApiEvent[];
  /** Runs by event id; a function is asked on every poll. */
  readonly runs: Map<string, ApiRun[] | ((poll: number) => ApiRun[])>;
  /** Every sent batch, with its key and environment header. */
  readonly sent: { key: string; env?: string; events: unknown[] }[];
  /** Every REST request, with its environment header. */
  readonly requests: { path: string; env?: string }[];
  close(): Promise<void>;
}

export async function startFakeInngestApi(
  signingKey: string,
): Promise<FakeInngestApi> {
  const polls = new Map<string, number>();
  let nextId = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const env = request.headers['x-inngest-env'] as string | undefined;
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      const key = /^\/e\/([^/]+)$/.exec(url.pathname)?.[1];
      if (request.method === 'POST' && key) {
        const events = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        api.sent.push({ key: decodeURIComponent(key), env, events });
        return reply(200, {
          ids: events.map(() => `01EVENT${++nextId}`),
          status: 200,
        });
      }
      api.requests.push({ path: url.pathname, env });
      if (request.headers.authorization !== `Bearer ${signingKey}`) {
        return reply(401, { error: 'unauthorized' });
      }
      if (url.pathname === '/v1/events') {
        const name = url.searchParams.get('name');
        const after = Date.parse(url.searchParams.get('received_after') ?? '');
        const data = api.events.filter(
          (e) => e.name === name && !(e.ts < after),
        );
        return reply(200, { data, metadata: {} });
      }
      const eventId = /^\/v1\/events\/([^/]+)\/runs$/.exec(url.pathname)?.[1];
      if (eventId) {
        const poll = (polls.get(eventId) ?? 0) + 1;
        polls.set(eventId, poll);
        const runs = api.runs.get(eventId) ?? [];
        return reply(200, {
          data: typeof runs === 'function' ? runs(poll) : runs,
        });
      }
      reply(404, { error: `no route for ${request.method} ${url.pathname}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const api: FakeInngestApi = {
    url: `http://127.0.0.1:${port}`,
    events: [],
    runs: new Map(),
    sent: [],
    requests: [],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return api;
}
