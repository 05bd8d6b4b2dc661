/**
 * State table access: one pk/sk schema for several kinds of item, with
 * `expiresAt` (epoch seconds) as the TTL attribute.
 *
 * | kind      | pk            | sk                                   | expires  |
 * |-----------|---------------|--------------------------------------|----------|
 * | cursor    | `cursor`      | sourceId                             | never    |
 * | quota     | `quota#<day>` | bucket (`units`, `search`)           | 8 days   |
 * | heartbeat | `heartbeat`   | name                                 | never    |
 * | run       | `run`         | `<startedAt>#<functionId>#<runId>`   | 30 days  |
 * | failure   | `failure`     | `<failedAt>#<functionId>#<runId>`    | 90 days  |
 * | checkpoint| `checkpoint`  | name (e.g. `backfill-extract`)       | never    |
 *
 * Run and failure keys start with their time so a Query reads newest
 * first. They are idempotent by (functionId, runId) only when a retry
 * reuses the same startedAt / failedAt: callers must keep that time from
 * the first attempt (an Inngest step result, say), not take a new one.
 */
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type {
  FailureRecord,
  Heartbeat,
  RunRecord,
  SourceCursor,
} from '../core/model';
import type { QuotaCharge } from '../core/store-port';
import { expiresAfter, isConditionFailed, queryItems } from './dynamo-util';

const QUOTA_DAYS = 8;
const RUN_DAYS = 30;
const FAILURE_DAYS = 90;

function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, expiresAt: _expiresAt, ...rest } = item;
  return rest as T;
}

function checkQuotaCharge({ day, bucket, amount, limit }: QuotaCharge) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    throw new Error(`quota day must be YYYY-MM-DD, got ${JSON.stringify(day)}`);
  }
  if (!bucket) throw new Error('quota bucket must be a non-empty name');
  if (!Number.isFinite(amount) || amount < 0) {
    throw new Error(`quota amount must be a number >= 0, got ${amount}`);
  }
  if (!Number.isFinite(limit)) {
    throw new Error(`quota limit must be a finite number, got ${limit}`);
  }
}

export function stateItems(client: DynamoDBDocumentClient, table: string) {
  async function get<T>(pk: string, sk: string) {
    const { Item } = await client.send(
      new GetCommand({
        TableName: table,
        Key: { pk, sk },
        ConsistentRead: true,
      }),
    );
    return Item ? strip<T>(Item) : undefined;
  }

  async function queryNewest<T>(pk: string, limit: number) {
    const items = await queryItems(
      client,
      {
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
      },
      limit,
    );
    return items.map((item) => strip<T>(item));
  }

  const put = (item: Record<string, unknown>) =>
    client
      .send(new PutCommand({ TableName: table, Item: item }))
      .then(() => {});

  async function advanceCursor(cursor: SourceCursor) {
    try {
      await client.send(
        new PutCommand({
          TableName: table,
          Item: { pk: 'cursor', sk: cursor.sourceId, ...cursor },
          ConditionExpression:
            'attribute_not_exists(pk) OR newestPublishedAt <= :newest',
          ExpressionAttributeValues: { ':newest': cursor.newestPublishedAt },
        }),
      );
    } catch (error) {
      // An older time is a no-op by contract, not a failure.
      if (!isConditionFailed(error)) throw error;
    }
  }

  /**
   * One atomic conditional ADD: DynamoDB evaluates the condition and the
   * increment together, so concurrent workers cannot overspend the limit.
   */
  async function chargeQuota(charge: QuotaCharge) {
    checkQuotaCharge(charge);
    if (charge.amount > charge.limit) return undefined;
    try {
      const result = await client.send(
        new UpdateCommand({
          TableName: table,
          Key: { pk: `quota#${charge.day}`, sk: charge.bucket },
          UpdateExpression:
            'ADD used :amount SET expiresAt = if_not_exists(expiresAt, :exp)',
          ConditionExpression:
            'attribute_not_exists(used) OR used <= :limitMinusAmount',
          ExpressionAttributeValues: {
            ':amount': charge.amount,
            ':limitMinusAmount': charge.limit - charge.amount,
            ':exp': expiresAfter(
              'quota day',
              `${charge.day}T00:00:00Z`,
              QUOTA_DAYS,
            ),
          },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(result.Attributes?.used);
    } catch (error) {
      if (isConditionFailed(error)) return undefined;
      throw error;
    }
  }

  async function getQuotaUsage(day: string) {
    const usage: Record<string, number> = {};
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `quota#${day}` },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        usage[String(item.sk)] = Number(item.used ?? 0);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return usage;
  }

  return {
    getCursor: (sourceId: string) => get<SourceCursor>('cursor', sourceId),
    advanceCursor,
    chargeQuota,
    getQuotaUsage,
    putHeartbeat: (heartbeat: Heartbeat) =>
      put({ pk: 'heartbeat', sk: heartbeat.name, ...heartbeat }),
    getHeartbeat: (name: string) => get<Heartbeat>('heartbeat', name),
    getCheckpoint: async (name: string) =>
      (await get<{ value: string }>('checkpoint', name))?.value,
    putCheckpoint: (name: string, value: string) =>
      put({ pk: 'checkpoint', sk: name, value }),
    clearCheckpoint: (name: string) =>
      client
        .send(
          new DeleteCommand({
            TableName: table,
            Key: { pk: 'checkpoint', sk: name },
          }),
        )
        .then(() => {}),
    putRun: (run: RunRecord) =>
      put({
        pk: 'run',
        sk: `${run.startedAt}#${run.functionId}#${run.runId}`,
        ...run,
        expiresAt: expiresAfter('run.startedAt', run.startedAt, RUN_DAYS),
      }),
    listRecentRuns: (limit: number) => queryNewest<RunRecord>('run', limit),
    putFailure: (failure: FailureRecord) =>
      put({
        pk: 'failure',
        sk: `${failure.failedAt}#${failure.functionId}#${failure.runId}`,
        ...failure,
        expiresAt: expiresAfter(
          'failure.failedAt',
          failure.failedAt,
          FAILURE_DAYS,
        ),
      }),
    listRecentFailures: (limit: number) =>
      queryNewest<FailureRecord>('failure', limit),
  };
}
