import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTables } from '../../lambda/store/create-tables';
import { TABLE_IDS, tableNamesFromEnv } from '../../lambda/store/tables';
import { type LocalDynamo, startLocalDynamo } from '../../local/dynalite';

describe('ensureTables', () => {
  let dynamo: LocalDynamo;
  let client: DynamoDBClient;

  beforeAll(async () => {
    dynamo = await startLocalDynamo();
    client = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  afterAll(async () => {
    client.destroy();
    await dynamo.close();
  });

  it('creates every table on demand with ALL-projected indexes', async () => {
    const names = tableNamesFromEnv({}, 'create-');

    await ensureTables(client, names);

    const videos = await client.send(
      new DescribeTableCommand({ TableName: names.videos }),
    );
    expect(videos.Table?.TableStatus).toBe('ACTIVE');
    expect(videos.Table?.BillingModeSummary?.BillingMode).toBe(
      'PAY_PER_REQUEST',
    );
    expect(
      videos.Table?.GlobalSecondaryIndexes?.map((index) => [
        index.IndexName,
        index.Projection?.ProjectionType,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['byPublishedDay', 'ALL'],
        ['byHarvestPending', 'ALL'],
      ]),
    );
    for (const id of TABLE_IDS) {
      const { Table } = await client.send(
        new DescribeTableCommand({ TableName: names[id] }),
      );
      expect(Table?.TableStatus).toBe('ACTIVE');
    }
  });

  it('succeeds again when the tables already exist', async () => {
    const names = tableNamesFromEnv({}, 'again-');
    await ensureTables(client, names);

    await expect(ensureTables(client, names)).resolves.toBeUndefined();
  });
});
