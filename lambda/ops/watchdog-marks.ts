import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
} from '@aws-sdk/lib-dynamodb';
import { WATCHDOG_PK } from './watchdog-keys';

/**
 * The watchdog's own items in the state table, all under `pk = watchdog`
 * (the only partition its IAM policy lets it write):
 * - `sk = first-check`: when it first found no heartbeat, attribute `at`.
 * - `sk = stall`: the stall episode already alerted, attribute `episode`.
 */

const isConditionFailed = (error: unknown) =>
  (error as { name?: string }).name === 'ConditionalCheckFailedException';

export function watchdogMarks(client: DynamoDBDocumentClient, table: string) {
  const firstCheckKey = { pk: WATCHDOG_PK, sk: 'first-check' };
  const readFirstCheck = async () => {
    const { Item } = await client.send(
      new GetCommand({
        TableName: table,
        Key: firstCheckKey,
        ConsistentRead: true,
      }),
    );
    return typeof Item?.at === 'string' ? Item.at : undefined;
  };

  return {
    /** Keeps the first `now` it is given and returns the kept time. */
    async firstCheckAt(now: string): Promise<string> {
      const kept = await readFirstCheck();
      if (kept) return kept;
      try {
        await client.send(
          new PutCommand({
            TableName: table,
            Item: { ...firstCheckKey, at: now },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return now;
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        // Another check wrote it between our read and write: use theirs.
        return (await readFirstCheck()) ?? now;
      }
    },

    /**
     * One conditional write decides who alerts: it succeeds only when the
     * recorded episode is a different one (or none), so two overlapping
     * checks cannot both send the diagnosis.
     */
    async claimStall(episode: string): Promise<boolean> {
      try {
        await client.send(
          new PutCommand({
            TableName: table,
            Item: { pk: WATCHDOG_PK, sk: 'stall', episode },
            ConditionExpression:
              'attribute_not_exists(pk) OR episode <> :episode',
            ExpressionAttributeValues: { ':episode': episode },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailed(error)) return false;
        throw error;
      }
    },

    async releaseStall(episode: string): Promise<void> {
      try {
        await client.send(
          new DeleteCommand({
            TableName: table,
            Key: { pk: WATCHDOG_PK, sk: 'stall' },
            ConditionExpression: 'episode = :episode',
            ExpressionAttributeValues: { ':episode': episode },
          }),
        );
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
      }
    },
  };
}
