/**
 * Small helpers shared by the store's table modules: condition failures,
 * partition counts, UTC days and opaque paging keys.
 */
import {
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';

type Item = Record<string, unknown>;

/**
 * The items a Query finds, following LastEvaluatedKey until the result
 * ends or `limit` items are read (a Query returns at most 1 MB a page).
 */
export async function queryItems(
  client: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey' | 'Limit'>,
  limit = Number.POSITIVE_INFINITY,
): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const left = limit - items.length;
    const page = await client.send(
      new QueryCommand({
        ...input,
        ExclusiveStartKey: startKey,
        ...(Number.isFinite(left) ? { Limit: left } : {}),
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey && items.length < limit);
  return items;
}

/** Parallel conditional puts per call: enough to hide latency, not to throttle. */
export const PUT_CONCURRENCY = 16;

const DAY_MS = 86_400_000;

/** True when DynamoDB refused a write because its condition was false. */
export function isConditionFailed(error: unknown): boolean {
  return (
    error instanceof Error && error.name === 'ConditionalCheckFailedException'
  );
}

/**
 * The number of items under one partition key, paging through a Query
 * with Select COUNT (DynamoDB counts at most 1 MB of items a request).
 */
export async function countPartition(
  client: DynamoDBDocumentClient,
  table: string,
  keyName: string,
  keyValue: string,
): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: '#key = :key',
        ExpressionAttributeNames: { '#key': keyName },
        ExpressionAttributeValues: { ':key': keyValue },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

/** Milliseconds of an ISO time, or an error naming the field. */
export function parseTime(field: string, value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new Error(
      `${field} must be an ISO time such as 2024-05-01T12:00:00Z, ` +
        `got ${JSON.stringify(value)}`,
    );
  }
  return ms;
}

/** The UTC day (YYYY-MM-DD) of an ISO time. */
export function utcDay(field: string, iso: string): string {
  return new Date(parseTime(field, iso)).toISOString().slice(0, 10);
}

/** Every UTC day that overlaps [fromMs, toMs), oldest first. */
export function utcDaysOverlapping(fromMs: number, toMs: number): string[] {
  const days: string[] = [];
  if (!(fromMs < toMs)) return days;
  let dayStart = Math.floor(fromMs / DAY_MS) * DAY_MS;
  while (dayStart < toMs) {
    days.push(new Date(dayStart).toISOString().slice(0, 10));
    dayStart += DAY_MS;
  }
  return days;
}

/** Epoch seconds `days` days after an ISO time, for a TTL attribute. */
export function expiresAfter(field: string, iso: string, days: number) {
  return Math.floor((parseTime(field, iso) + days * DAY_MS) / 1000);
}

/** A DynamoDB LastEvaluatedKey as an opaque string for callers. */
export function encodePageKey(key: Record<string, unknown> | undefined) {
  return key
    ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')
    : undefined;
}

/** The inverse of encodePageKey, or an error naming the bad key. */
export function decodePageKey(
  startKey: string | undefined,
): Record<string, unknown> | undefined {
  if (startKey === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(
      Buffer.from(startKey, 'base64url').toString('utf8'),
    );
    if (key && typeof key === 'object' && !Array.isArray(key)) {
      return key as Record<string, unknown>;
    }
  } catch {
    // Falls through to the error below, which says what to pass instead.
  }
  throw new Error(
    `startKey ${JSON.stringify(startKey)} is not a key returned as nextKey ` +
      'by scanComments; pass a nextKey unchanged, or omit it to start over',
  );
}
