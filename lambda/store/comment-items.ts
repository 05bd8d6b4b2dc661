/**
 * Comments table access. Items are CommentRecords plus `storedAt` (ISO
 * time the pipeline stored them); that attribute is not read back.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import type { CommentRecord } from '../core/model';
import { mapLimit } from '../core/util/map-limit';
import {
  countPartition,
  decodePageKey,
  encodePageKey,
  isConditionFailed,
  PUT_CONCURRENCY,
} from './dynamo-util';

/** BatchGetItem takes at most 100 keys a request. */
const BATCH_GET_MAX = 100;
/** Retries of unprocessed keys before giving up (about 13 s in all). */
const UNPROCESSED_RETRIES = 8;

function fromItem(item: Record<string, unknown>): CommentRecord {
  const { storedAt: _storedAt, ...comment } = item;
  return comment as unknown as CommentRecord;
}

export function commentItems(
  client: DynamoDBDocumentClient,
  table: string,
  clock: () => Date,
) {
  /**
   * One conditional PutItem a comment rather than BatchWriteItem, which
   * cannot take a condition and so could not say which comments were new.
   */
  async function putComments(comments: readonly CommentRecord[]) {
    const unique = new Map<string, CommentRecord>();
    for (const comment of comments) {
      unique.set(`${comment.videoId}#${comment.commentId}`, comment);
    }
    const storedAt = clock().toISOString();
    const created = await mapLimit(
      [...unique.values()],
      PUT_CONCURRENCY,
      async (comment) => {
        try {
          await client.send(
            new PutCommand({
              TableName: table,
              Item: { ...comment, storedAt },
              ConditionExpression: 'attribute_not_exists(commentId)',
            }),
          );
          return comment.commentId;
        } catch (error) {
          if (isConditionFailed(error)) return undefined;
          throw error;
        }
      },
    );
    return created.filter((id): id is string => id !== undefined);
  }

  async function getChunk(videoId: string, commentIds: readonly string[]) {
    const found: Record<string, unknown>[] = [];
    let keys: Record<string, unknown>[] = commentIds.map((commentId) => ({
      videoId,
      commentId,
    }));
    for (let attempt = 0; keys.length > 0; attempt++) {
      if (attempt > UNPROCESSED_RETRIES) {
        throw new Error(
          `getComments: DynamoDB left ${keys.length} keys of video ` +
            `${videoId} unprocessed after ${UNPROCESSED_RETRIES} retries; ` +
            'the table is throttled, try again later',
        );
      }
      // Backoff before retrying leftovers: they mean the table is throttled.
      if (attempt > 0) await sleep(50 * 2 ** (attempt - 1));
      const result = await client.send(
        new BatchGetCommand({
          RequestItems: { [table]: { Keys: keys, ConsistentRead: true } },
        }),
      );
      found.push(...(result.Responses?.[table] ?? []));
      keys = result.UnprocessedKeys?.[table]?.Keys ?? [];
    }
    return found;
  }

  /** The stored comments among `commentIds`, in the order asked. */
  async function getComments(videoId: string, commentIds: readonly string[]) {
    const ids = [...new Set(commentIds)];
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += BATCH_GET_MAX) {
      chunks.push(ids.slice(i, i + BATCH_GET_MAX));
    }
    const byId = new Map<string, CommentRecord>();
    for (const chunk of chunks) {
      for (const item of await getChunk(videoId, chunk)) {
        const comment = fromItem(item);
        byId.set(comment.commentId, comment);
      }
    }
    return ids
      .map((id) => byId.get(id))
      .filter((c): c is CommentRecord => c !== undefined);
  }

  async function scanComments(pageSize: number, startKey?: string) {
    const page = await client.send(
      new ScanCommand({
        TableName: table,
        Limit: pageSize,
        ExclusiveStartKey: decodePageKey(startKey),
      }),
    );
    return {
      comments: (page.Items ?? []).map(fromItem),
      nextKey: encodePageKey(page.LastEvaluatedKey),
    };
  }

  const countComments = (videoId: string) =>
    countPartition(client, table, 'videoId', videoId);

  return { putComments, getComments, scanComments, countComments };
}
