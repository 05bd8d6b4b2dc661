import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { watchdogMarks } from '../../lambda/ops/watchdog-marks';

const conditionFailed = () =>
  Object.assign(new Error('The conditional request failed'), {
    name: 'ConditionalCheckFailedException',
  });

describe('watchdogMarks', () => {
  const documents = DynamoDBDocumentClient.from(
    new DynamoDBClient({ region: 'eu-west-1' }),
  );
  const mock = mockClient(documents);
  const marks = watchdogMarks(documents, 'state-table');

  beforeEach(() => mock.reset());

  it('claims a stall episode with one conditional write', async () => {
    mock.on(PutCommand).resolves({});
    await expect(marks.claimStall('heartbeat:t1')).resolves.toBe(true);
    expect(mock.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: 'state-table',
      Item: { pk: 'watchdog', sk: 'stall', episode: 'heartbeat:t1' },
      ConditionExpression: 'attribute_not_exists(pk) OR episode <> :episode',
      ExpressionAttributeValues: { ':episode': 'heartbeat:t1' },
    });
  });

  it('declines an episode already claimed', async () => {
    mock.on(PutCommand).rejects(conditionFailed());
    await expect(marks.claimStall('heartbeat:t1')).resolves.toBe(false);
  });

  it('passes other errors on', async () => {
    mock.on(PutCommand).rejects(new Error('throttled'));
    await expect(marks.claimStall('heartbeat:t1')).rejects.toThrow('throttled');
  });

  it('releases only the episode it claimed', async () => {
    mock.on(DeleteCommand).rejects(conditionFailed());
    await expect(marks.releaseStall('heartbeat:t1')).resolves.toBeUndefined();
    expect(mock.commandCalls(DeleteCommand)[0]?.args[0].input).toMatchObject({
      Key: { pk: 'watchdog', sk: 'stall' },
      ConditionExpression: 'episode = :episode',
    });
  });

  it('keeps the first check time once written', async () => {
    mock.on(GetCommand).resolves({ Item: { at: '2026-01-01T00:00:00Z' } });
    await expect(marks.firstCheckAt('2026-02-02T00:00:00Z')).resolves.toBe(
      '2026-01-01T00:00:00Z',
    );
    expect(mock.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('writes the first check time when there is none', async () => {
    mock.on(GetCommand).resolves({});
    mock.on(PutCommand).resolves({});
    await expect(marks.firstCheckAt('2026-02-02T00:00:00Z')).resolves.toBe(
      '2026-02-02T00:00:00Z',
    );
    expect(mock.commandCalls(PutCommand)[0]?.args[0].input).toMatchObject({
      Item: { pk: 'watchdog', sk: 'first-check', at: '2026-02-02T00:00:00Z' },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('uses the time another check wrote first', async () => {
    mock
      .on(GetCommand)
      .resolvesOnce({})
      .resolves({ Item: { at: '2026-01-01T00:00:00Z' } });
    mock.on(PutCommand).rejects(conditionFailed());
    await expect(marks.firstCheckAt('2026-02-02T00:00:00Z')).resolves.toBe(
      '2026-01-01T00:00:00Z',
    );
  });
});
