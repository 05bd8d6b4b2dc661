/**
 * A real PipelineStore on dynalite for tests. One dynalite serves a whole
 * test file (Jest loads this module once per file) and is stopped after
 * the file's last test; each store gets its own freshly named tables, so
 * tests never see each other's items.
 */
import { randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PipelineStore } from '../../lambda/core/store-port';
import { ensureTables } from '../../lambda/store/create-tables';
import {
  createDocumentClient,
  createDynamoClient,
  createDynamoStore,
} from '../../lambda/store/dynamo-store';
import { type TableNames, tableNamesFromEnv } from '../../lambda/store/tables';
import { type LocalDynamo, startLocalDynamo } from '../../local/dynalite';

export interface TestStore {
  readonly store: PipelineStore;
  readonly client: DynamoDBDocumentClient;
  readonly tables: TableNames;
  readonly endpoint: string;
  /** Releases the client; the shared dynalite stays up for the file. */
  close(): Promise<void>;
}

let shared: Promise<LocalDynamo> | undefined;

afterAll(async () => {
  const running = shared;
  shared = undefined;
  if (running) await (await running).close();
});

/** A store over fresh tables on this file's shared dynalite. */
export async function startTestStore(
  options: { clock?: () => Date } = {},
): Promise<TestStore> {
  shared ??= startLocalDynamo();
  const { endpoint } = await shared;
  const prefix = `t${randomBytes(4).toString('hex')}-`;
  const tables = tableNamesFromEnv({}, prefix);
  const admin = createDynamoClient({ endpoint });
  try {
    await ensureTables(admin, tables);
  } finally {
    admin.destroy();
  }
  const client = createDocumentClient({ endpoint });
  return {
    store: createDynamoStore({ client, tables, clock: options.clock }),
    client,
    tables,
    endpoint,
    async close() {
      client.destroy();
    },
  };
}

/**
 * Registers hooks giving every test of the enclosing describe a fresh
 * store; call the returned function inside a test to get it.
 */
export function withLocalStore(options: { clock?: () => Date } = {}) {
  let current: TestStore | undefined;
  beforeEach(async () => {
    current = await startTestStore(options);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return (): TestStore => {
    if (!current) throw new Error('withLocalStore: use it inside a test');
    return current;
  };
}
