import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { FailureRecord, RunRecord } from '../../lambda/core/model';
import { countItems } from '../helpers/count-items';
import { withLocalStore } from '../helpers/dynalite';

const run = (over: Partial<RunRecord> = {}): RunRecord => ({
  functionId: 'discover-videos',
  runId: 'run-1',
  startedAt: '2024-03-10T08:00:00.000Z',
  endedAt: '2024-03-10T08:01:00.000Z',
  outcome: 'succeeded',
  summary: { videos: 12, source: 'channel:UC1', partial: false },
  ...over,
});

const failure = (over: Partial<FailureRecord> = {}): FailureRecord => ({
  functionId: 'harvest-comments',
  runId: 'run-9',
  failedAt: '2024-03-10T09:00:00.000Z',
  event: 'pipeline/video.discovered',
  error: 'quota exhausted',
  attempts: 4,
  ...over,
});

describe('dynamo store: state', () => {
  const local = withLocalStore();

  it('moves a cursor forward only, an equal time refreshing updatedAt', async () => {
    const { store } = local();
    const cursor = (newestPublishedAt: string, updatedAt: string) => ({
      sourceId: 'channel:UC1',
      newestPublishedAt,
      updatedAt,
    });

    expect(await store.getCursor('channel:UC1')).toBeUndefined();
    await store.advanceCursor(cursor('2024-03-10T00:00:00Z', 'u1'));
    await store.advanceCursor(cursor('2024-03-09T00:00:00Z', 'u2'));
    expect(await store.getCursor('channel:UC1')).toEqual(
      cursor('2024-03-10T00:00:00Z', 'u1'),
    );
    await store.advanceCursor(cursor('2024-03-10T00:00:00Z', 'u3'));
    expect(await store.getCursor('channel:UC1')).toEqual(
      cursor('2024-03-10T00:00:00Z', 'u3'),
    );
    await store.advanceCursor(cursor('2024-03-11T00:00:00Z', 'u4'));
    expect(await store.getCursor('channel:UC1')).toEqual(
      cursor('2024-03-11T00:00:00Z', 'u4'),
    );
  });

  it('charges quota up to the limit and refuses past it', async () => {
    const { store } = local();
    const charge = (amount: number, bucket = 'units') =>
      store.chargeQuota({ day: '2024-03-10', bucket, amount, limit: 250 });

    expect(await charge(100)).toBe(100);
    expect(await charge(150)).toBe(250);
    expect(await charge(1)).toBeUndefined();
    expect(await charge(0)).toBe(250);
    expect(await charge(300, 'search')).toBeUndefined();
    expect(await charge(100, 'search')).toBe(100);
    expect(await store.getQuotaUsage('2024-03-10')).toEqual({
      units: 250,
      search: 100,
    });
    expect(await store.getQuotaUsage('2024-03-11')).toEqual({});
  });

  it('never overspends under 50 concurrent charges', async () => {
    const { store } = local();

    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        store.chargeQuota({
          day: '2024-03-10',
          bucket: 'units',
          amount: 7,
          limit: 100,
        }),
      ),
    );

    const accepted = results.filter((r) => r !== undefined);
    expect(accepted).toHaveLength(14);
    expect(new Set(accepted).size).toBe(14);
    expect(Math.max(...(accepted as number[]))).toBe(98);
    expect(await store.getQuotaUsage('2024-03-10')).toEqual({ units: 98 });
  });

  it('lets quota items expire 8 days after their day', async () => {
    const { store, client, tables } = local();
    await store.chargeQuota({
      day: '2024-03-10',
      bucket: 'units',
      amount: 1,
      limit: 10,
    });

    const { Item } = await client.send(
      new GetCommand({
        TableName: tables.state,
        Key: { pk: 'quota#2024-03-10', sk: 'units' },
      }),
    );

    expect(Item?.expiresAt).toBe(Date.parse('2024-03-18T00:00:00Z') / 1000);
  });

  it('rejects a malformed quota charge, naming the field', async () => {
    const { store } = local();
    const base = { day: '2024-03-10', bucket: 'units', amount: 1, limit: 9 };

    await expect(
      store.chargeQuota({ ...base, day: '10/03/2024' }),
    ).rejects.toThrow(/quota day must be YYYY-MM-DD/);
    await expect(store.chargeQuota({ ...base, amount: -1 })).rejects.toThrow(
      /quota amount must be a number >= 0/,
    );
  });

  it('keeps the latest heartbeat per name', async () => {
    const { store } = local();
    const beat = { name: 'discovery', at: '2024-03-10T08:00:00Z', runId: 'r1' };

    await store.putHeartbeat(beat);
    await store.putHeartbeat({ ...beat, at: '2024-03-10T09:00:00Z' });

    expect(await store.getHeartbeat('discovery')).toEqual({
      ...beat,
      at: '2024-03-10T09:00:00Z',
    });
    expect(await store.getHeartbeat('other')).toBeUndefined();
  });

  it('stores a run once however often it is put, newest first', async () => {
    const { store, client, tables } = local();

    await store.putRun(run());
    await store.putRun(run());
    await store.putRun(
      run({ runId: 'run-2', startedAt: '2024-03-10T10:00:00.000Z' }),
    );
    await store.putRun(
      run({ runId: 'run-0', startedAt: '2024-03-09T10:00:00.000Z' }),
    );

    expect(await countItems(client, tables.state)).toBe(3);
    const recent = await store.listRecentRuns(2);
    expect(recent.map((r) => r.runId)).toEqual(['run-2', 'run-1']);
    expect(recent[1]).toEqual(run());
    expect(typeof recent[1]?.summary.videos).toBe('number');
  });

  it('stores a failure once however often it is put, newest first', async () => {
    const { store, client, tables } = local();

    await store.putFailure(failure());
    await store.putFailure(failure());
    await store.putFailure(
      failure({ runId: 'run-10', failedAt: '2024-03-11T09:00:00.000Z' }),
    );

    expect(await countItems(client, tables.state)).toBe(2);
    const recent = await store.listRecentFailures(10);
    expect(recent.map((f) => f.runId)).toEqual(['run-10', 'run-9']);
    expect(recent[1]).toEqual(failure());
  });

  it('expires runs after 30 days and failures after 90', async () => {
    const { store, client, tables } = local();
    await store.putRun(run());
    await store.putFailure(failure());
    const raw = async (pk: string, sk: string) =>
      (
        await client.send(
          new GetCommand({ TableName: tables.state, Key: { pk, sk } }),
        )
      ).Item?.expiresAt;

    const runSk = '2024-03-10T08:00:00.000Z#discover-videos#run-1';
    const failureSk = '2024-03-10T09:00:00.000Z#harvest-comments#run-9';
    expect(await raw('run', runSk)).toBe(
      Date.parse('2024-04-09T08:00:00.000Z') / 1000,
    );
    expect(await raw('failure', failureSk)).toBe(
      Date.parse('2024-06-08T09:00:00.000Z') / 1000,
    );
  });

  it('keeps, replaces and clears a named checkpoint', async () => {
    const { store } = local();
    expect(await store.getCheckpoint('job')).toBeUndefined();
    await store.putCheckpoint('job', 'page-1');
    await store.putCheckpoint('job', 'page-2');
    expect(await store.getCheckpoint('job')).toBe('page-2');
    await store.clearCheckpoint('job');
    await store.clearCheckpoint('job');
    expect(await store.getCheckpoint('job')).toBeUndefined();
  });
});
