/**
 * Creates the pipeline's tables from TABLES on a local DynamoDB (dynalite).
 * In AWS the CDK stack creates them; this is for offline runs and tests.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import {
  type KeyDefinition,
  TABLE_IDS,
  TABLES,
  type TableDefinition,
  type TableNames,
} from './tables';

/** How long to wait for a table to become ACTIVE before giving up. */
const ACTIVE_TIMEOUT_MS = 120_000;

const keySchema = (partition: KeyDefinition, sort?: KeyDefinition) => [
  { AttributeName: partition.name, KeyType: 'HASH' as const },
  ...(sort ? [{ AttributeName: sort.name, KeyType: 'RANGE' as const }] : []),
];

function attributeDefinitions(table: TableDefinition): AttributeDefinition[] {
  const keys = [table.partitionKey, table.sortKey];
  for (const index of table.indexes)
    keys.push(index.partitionKey, index.sortKey);
  const byName = new Map<string, AttributeDefinition>();
  for (const key of keys) {
    if (key)
      byName.set(key.name, {
        AttributeName: key.name,
        AttributeType: key.type,
      });
  }
  return [...byName.values()];
}

async function createTable(
  client: DynamoDBClient,
  table: TableDefinition,
  name: string,
) {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributeDefinitions(table),
        KeySchema: keySchema(table.partitionKey, table.sortKey),
        GlobalSecondaryIndexes: table.indexes.length
          ? table.indexes.map((index) => ({
              IndexName: index.indexName,
              KeySchema: keySchema(index.partitionKey, index.sortKey),
              Projection: { ProjectionType: 'ALL' },
            }))
          : undefined,
      }),
    );
  } catch (error) {
    // Already there: creating is idempotent.
    if (!(error instanceof Error && error.name === 'ResourceInUseException')) {
      throw error;
    }
  }
}

async function waitUntilActive(client: DynamoDBClient, name: string) {
  const deadline = Date.now() + ACTIVE_TIMEOUT_MS;
  for (let delay = 20; ; delay = Math.min(delay * 2, 2000)) {
    const { Table } = await client.send(
      new DescribeTableCommand({ TableName: name }),
    );
    const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every(
      (index) => index.IndexStatus === 'ACTIVE',
    );
    if (Table?.TableStatus === 'ACTIVE' && indexesActive) return;
    if (Date.now() > deadline) {
      throw new Error(
        `table ${name} is still ${Table?.TableStatus} after ` +
          `${ACTIVE_TIMEOUT_MS / 1000} s; check the DynamoDB endpoint`,
      );
    }
    await sleep(delay);
  }
}

/**
 * Turns on TTL where the definition asks for it. dynalite has no TTL API
 * (it answers UnknownOperationException) and never expires items, so
 * there the call is skipped; AWS says ValidationException when TTL is
 * already on, which is the state wanted.
 */
async function enableTtl(
  client: DynamoDBClient,
  attribute: string,
  name: string,
) {
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: name,
        TimeToLiveSpecification: { AttributeName: attribute, Enabled: true },
      }),
    );
  } catch (error) {
    const known =
      error instanceof Error &&
      (error.name === 'UnknownOperationException' ||
        error.name === 'ValidationException');
    if (!known) throw error;
  }
}

/** Creates every missing table and waits until all are ACTIVE. */
export async function ensureTables(
  client: DynamoDBClient,
  names: TableNames,
): Promise<void> {
  await Promise.all(
    TABLE_IDS.map(async (id) => {
      const table = TABLES[id];
      await createTable(client, table, names[id]);
      await waitUntilActive(client, names[id]);
      if (table.ttlAttribute) {
        await enableTtl(client, table.ttlAttribute, names[id]);
      }
    }),
  );
}
