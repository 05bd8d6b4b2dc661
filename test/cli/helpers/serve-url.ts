/**
 * The real serve handler (lambda/serve.ts) behind a URL on 127.0.0.1: each
 * HTTP request becomes a Function URL event, as Lambda makes it, so the
 * doctor's fetch reaches the Inngest SDK exactly as in AWS.
 */
import '../../helpers/inngest-als';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHandler } from '../../../lambda/serve';
import { functionUrlEvent, lambdaContext } from '../../helpers/inngest-signing';

export interface ServeUrl {
  /** `http://127.0.0.1:<port>/`, for the FunctionUrl output. */
  readonly url: string;
  close(): Promise<void>;
}

/** Serves a handler built now, from the process environment. */
export async function startServeUrl(): Promise<ServeUrl> {
  const handler = createHandler(process.env, { metrics: { emit() {} } });
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string') headers[name] = value;
      }
      const result = await handler(
        functionUrlEvent({
          method: request.method as 'GET' | 'POST' | 'PUT',
          query: Object.fromEntries(url.searchParams),
          body: text ? JSON.parse(text) : undefined,
          headers,
        }),
        lambdaContext,
      );
      const out: Record<string, string> = {};
      for (const [name, value] of Object.entries(result.headers ?? {})) {
        out[name] = String(value);
      }
      response.writeHead(result.statusCode ?? 500, out);
      response.end(result.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
