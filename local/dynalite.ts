/**
 * dynalite, an in-process DynamoDB, for offline runs and tests. In memory
 * by default; with `path` it keeps its LevelDB files there so data
 * survives a restart (`npm start` uses `.data/dynalite`).
 */
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface DynaliteOptions {
  path?: string;
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
}

// dynalite ships no type declarations; this is the one function it exports.
const dynalite = require('dynalite') as (options: DynaliteOptions) => Server;

export interface LocalDynamo {
  /** `http://127.0.0.1:<port>`, for createDocumentClient's endpoint. */
  readonly endpoint: string;
  /** Stops the server and closes the database (flushing it to disk). */
  close(): Promise<void>;
}

export interface LocalDynamoOptions {
  /**
   * Directory for the LevelDB files; created when missing.
   * @default none: data lives in memory and is lost on close
   */
  readonly path?: string;
}

/** Starts dynalite on 127.0.0.1 on a free port. */
export async function startLocalDynamo(
  options: LocalDynamoOptions = {},
): Promise<LocalDynamo> {
  if (options.path) await mkdir(options.path, { recursive: true });
  // Tables become ACTIVE at once: nothing gains from dynalite's 500 ms.
  const server = dynalite({
    path: options.path,
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error?: Error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets of SDK clients would hold close() open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
