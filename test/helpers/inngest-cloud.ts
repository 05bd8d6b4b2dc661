/**
 * A stand-in for Inngest Cloud's API on 127.0.0.1: it takes the SDK's
 * sync registrations (POST /fn/register) and its sent events
 * (POST /e/<event key>), and keeps both for assertions. Point the SDK at
 * it with INNGEST_BASE_URL.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A function as the SDK registers it. */
export interface RegisteredFunction {
  readonly id: string;
  readonly name?: string;
  readonly triggers: { event?: string; expression?: string; cron?: string }[];
  readonly concurrency?: unknown;
  readonly steps: Record<
    string,
    { retries?: { attempts: number }; runtime: { url: string } }
  >;
}

export interface Registration {
  readonly headers: IncomingHttpHeaders;
  readonly body: {
    readonly appName: string;
    readonly url: string;
    readonly framework: string;
    readonly functions: RegisteredFunction[];
  };
}

/** An event as the SDK sends it. */
export interface SentEvent {
  readonly name: string;
  readonly data: Record<string, unknown>;
  readonly id?: string;
  readonly ts?: number;
}

export interface FakeInngestCloud {
  /** `http://127.0.0.1:<port>/`, for INNGEST_BASE_URL. */
  readonly url: string;
  readonly registrations: Registration[];
  /** Every event batch received, with the key it was sent with. */
  readonly sent: { key: string; events: SentEvent[] }[];
  /** Called with each batch of events as it arrives. */
  onEvents?: (events: SentEvent[]) => void;
  close(): Promise<void>;
}

export async function startFakeInngestCloud(): Promise<FakeInngestCloud> {
  let nextId = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.method === 'POST' && path === '/fn/register') {
        cloud.registrations.push({
          headers: request.headers,
          body: JSON.parse(text),
        });
        return reply(200, { ok: true, modified: true });
      }
      const eventKey = /^\/e\/([^/]+)$/.exec(path)?.[1];
      if (request.method === 'POST' && eventKey) {
        const events = JSON.parse(text) as SentEvent[];
        cloud.sent.push({ key: decodeURIComponent(eventKey), events });
        cloud.onEvents?.(events);
        const ids = events.map(() => `evt-${++nextId}`);
        return reply(200, { ids, status: 200 });
      }
      reply(404, { error: `no route for ${request.method} ${path}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const cloud: FakeInngestCloud = {
    url: `http://127.0.0.1:${port}/`,
    registrations: [],
    sent: [],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return cloud;
}
