import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTables } from '../../lambda/store/create-tables';
import {
  createDocumentClient,
  createDynamoStore,
} from '../../lambda/store/dynamo-store';
import { tableNamesFromEnv } from '../../lambda/store/tables';
import { startLocalDynamo } from '../../local/dynalite';

const tables = tableNamesFromEnv({});

async function openStore(endpoint: string) {
  const admin = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTables(admin, tables);
  admin.destroy();
  const client = createDocumentClient({ endpoint });
  return { client, store: createDynamoStore({ client, tables }) };
}

describe('startLocalDynamo', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dynalite-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and keeps data in memory by default', async () => {
    const first = await startLocalDynamo();
    const a = await openStore(first.endpoint);
    await a.store.putHeartbeat({ name: 'n', at: 't', runId: 'r' });
    a.client.destroy();
    await first.close();

    const second = await startLocalDynamo();
    const b = await openStore(second.endpoint);
    const beat = await b.store.getHeartbeat('n');
    b.client.destroy();
    await second.close();

    expect(first.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(beat).toBeUndefined();
  });

  it('keeps data across a restart when given a path', async () => {
    const path = join(dir, 'nested', 'dynalite');
    const first = await startLocalDynamo({ path });
    const a = await openStore(first.endpoint);
    await a.store.putHeartbeat({ name: 'n', at: 't', runId: 'r' });
    a.client.destroy();
    await first.close();

    const second = await startLocalDynamo({ path });
    const b = await openStore(second.endpoint);
    const beat = await b.store.getHeartbeat('n');
    b.client.destroy();
    await second.close();

    expect(beat).toEqual({ name: 'n', at: 't', runId: 'r' });
  });

  it('closes more than once without failing', async () => {
    const dynamo = await startLocalDynamo();

    await dynamo.close();
    await expect(dynamo.close()).resolves.toBeUndefined();
  });
});
