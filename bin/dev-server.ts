/**
 * `npm run dev`: serves the pipeline's Inngest functions on
 * http://localhost:3000/api/inngest in dev mode, over the same offline
 * environment as the CLI (dynalite under .data/ and the local YouTube
 * replica, unless the usual variables point elsewhere), for Inngest's dev
 * server to drive:
 *
 *   npx inngest-cli@latest dev -u http://localhost:3000/api/inngest
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from 'inngest/node';
import { openEnvironment } from '../lambda/cli/environment';
import type { Log } from '../lambda/core/deps';
import { createPipelineClient } from '../lambda/inngest/client';
import { createPipelineFunctions } from '../lambda/inngest/functions';
import { noAlerts } from '../lambda/inngest/runtime';
import { runtimeFromContext } from '../lambda/runtime/pipeline-runtime';

export const SERVE_PATH = '/api/inngest';

export interface DevServer {
  readonly url: string;
  readonly description: string;
  close(): Promise<void>;
}

/** Starts the dev endpoint; `port` 0 picks a free one. */
export async function startDevServer(options: {
  env: NodeJS.ProcessEnv;
  port: number;
  host?: string;
  log: Log;
}): Promise<DevServer> {
  const environment = await openEnvironment({
    env: options.env,
    log: options.log,
  });
  // Dev mode: no signing key needed, events go to the local dev server.
  const client = createPipelineClient({ isDev: true });
  const runtime = runtimeFromContext(environment.context, {
    // Metrics are a CloudWatch concern; locally the logs say enough.
    metrics: { emit() {} },
    alerts: noAlerts,
  });
  const inngest = serve({
    client,
    functions: createPipelineFunctions(client, runtime),
  });
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === SERVE_PATH) return inngest(request, response);
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end(`Inngest functions are served at ${SERVE_PATH}\n`);
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}${SERVE_PATH}`,
    description: environment.description,
    async close() {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await environment.close();
    },
  };
}

const consoleLog: Log = {
  info: (message, context) => console.log(message, context ?? ''),
  warn: (message, context) => console.warn(message, context ?? ''),
  error: (message, context) => console.error(message, context ?? ''),
};

async function main(): Promise<void> {
  const dev = await startDevServer({
    env: process.env,
    port: Number(process.env.PORT ?? 3000),
    // HOST=0.0.0.0 when the Inngest dev server runs in a container.
    host: process.env.HOST,
    log: consoleLog,
  });
  console.log(
    [
      `Inngest functions served in dev mode at ${dev.url}`,
      dev.description,
      '',
      "Run Inngest's dev server against it (it needs network access):",
      `  npx inngest-cli@latest dev -u ${dev.url}`,
      'then open http://localhost:8288 and send pipeline/discovery.requested.',
      'Ctrl-C stops it.',
    ].join('\n'),
  );
  const stop = () => {
    dev.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
