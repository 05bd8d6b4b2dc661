/**
 * The store's raw write rate, as a yardstick for the pipeline's bench:
 * plain unconditional PutItem of comment-sized items, with the same
 * parallelism putComments uses, so the two numbers compare directly.
 */
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mapLimit } from '../core/util/map-limit';
import { PUT_CONCURRENCY } from './dynamo-util';

/** About the size of a typical YouTube comment with its metadata. */
const SAMPLE_TEXT =
  'Great video! I wrote more about this at example.com. '.repeat(5);

/**
 * Puts `count` comment-shaped items into `tableName` (a comments table:
 * key videoId + commentId) and returns the rate in items per second.
 * Items go under one bench-only video id so they are easy to spot.
 */
export async function measureRawPutRate(
  client: DynamoDBDocumentClient,
  tableName: string,
  count: number,
): Promise<number> {
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`count must be a whole number >= 1, got ${count}`);
  }
  const run = Date.now().toString(36);
  const indexes = Array.from({ length: count }, (_, i) => i);
  const started = performance.now();
  await mapLimit(indexes, PUT_CONCURRENCY, (i) =>
    client.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          videoId: 'raw-write-bench',
          commentId: `${run}-${i}`,
          text: SAMPLE_TEXT,
          publishedAt: new Date(0).toISOString(),
          authorChannelId: 'UCrawwritebench000000000',
          likeCount: i,
          storedAt: new Date().toISOString(),
        },
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  return count / Math.max(seconds, 1e-6);
}
