/**
 * Videos table access. Each item is a VideoRecord plus two index helpers:
 * `publishedDay` (UTC YYYY-MM-DD of publishedAt, for byPublishedDay) and
 * `toHarvest` = "1" only while harvestStatus is pending or harvesting, so
 * the byHarvestPending index is sparse and holds just the work to do.
 */
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { HarvestStatus, VideoRecord } from '../core/model';
import {
  isConditionFailed,
  parseTime,
  queryItems,
  utcDay,
  utcDaysOverlapping,
} from './dynamo-util';

const HARVEST_PENDING = '1';

/** Fields a caller may clear with updateVideo's `remove`. */
const REMOVABLE = new Set<keyof VideoRecord>([
  'channelId',
  'pageToken',
  'pagesFetched',
  'stopAt',
  'pendingStopAt',
  'commentsStored',
  'lastHarvestedAt',
]);

const isUnfinished = (status: HarvestStatus) =>
  status === 'pending' || status === 'harvesting';

function toItem(video: VideoRecord): Record<string, unknown> {
  return {
    ...video,
    publishedDay: utcDay('video.publishedAt', video.publishedAt),
    toHarvest: isUnfinished(video.harvestStatus) ? HARVEST_PENDING : undefined,
  };
}

function fromItem(item: Record<string, unknown>): VideoRecord {
  const { publishedDay: _day, toHarvest: _pending, ...video } = item;
  return video as unknown as VideoRecord;
}

export function videoItems(client: DynamoDBDocumentClient, table: string) {
  async function putVideoIfNew(video: VideoRecord): Promise<boolean> {
    try {
      await client.send(
        new PutCommand({
          TableName: table,
          Item: toItem(video),
          ConditionExpression: 'attribute_not_exists(videoId)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailed(error)) return false;
      throw error;
    }
  }

  async function getVideo(videoId: string) {
    const { Item } = await client.send(
      new GetCommand({
        TableName: table,
        Key: { videoId },
        ConsistentRead: true,
      }),
    );
    return Item ? fromItem(Item) : undefined;
  }

  async function updateVideo(
    videoId: string,
    fields: Partial<Omit<VideoRecord, 'videoId'>>,
    remove: ReadonlyArray<keyof VideoRecord> = [],
  ): Promise<void> {
    const set: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(fields)) {
      if (value !== undefined && name !== 'videoId') set[name] = value;
    }
    const unset = new Set<string>();
    for (const name of remove) {
      if (!REMOVABLE.has(name)) {
        throw new Error(
          `updateVideo remove: ${name} is not an optional field; ` +
            `remove only ${[...REMOVABLE].join(', ')}`,
        );
      }
      if (name in set) {
        throw new Error(
          `updateVideo: ${name} is both set and removed; pick one`,
        );
      }
      unset.add(name);
    }
    const status = set.harvestStatus as HarvestStatus | undefined;
    if (status !== undefined) {
      if (isUnfinished(status)) set.toHarvest = HARVEST_PENDING;
      else unset.add('toHarvest');
    }
    if (typeof set.publishedAt === 'string') {
      set.publishedDay = utcDay('fields.publishedAt', set.publishedAt);
    }
    if (Object.keys(set).length === 0 && unset.size === 0) return;

    const names: Record<string, string> = { '#id': 'videoId' };
    const values: Record<string, unknown> = {};
    const setParts = Object.entries(set).map(([name, value], i) => {
      names[`#s${i}`] = name;
      values[`:s${i}`] = value;
      return `#s${i} = :s${i}`;
    });
    const removeParts = [...unset].map((name, i) => {
      names[`#r${i}`] = name;
      return `#r${i}`;
    });
    const expression = [
      setParts.length ? `SET ${setParts.join(', ')}` : '',
      removeParts.length ? `REMOVE ${removeParts.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    try {
      await client.send(
        new UpdateCommand({
          TableName: table,
          Key: { videoId },
          UpdateExpression: expression,
          // Without it an update of an unknown id would create a partial video.
          ConditionExpression: 'attribute_exists(#id)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: setParts.length ? values : undefined,
        }),
      );
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
      throw new Error(
        `updateVideo: video ${videoId} is not stored; ` +
          'create it with putVideoIfNew first',
      );
    }
  }

  /**
   * Reads the sparse index, which AWS updates eventually: a video whose
   * harvest just finished may still be listed for a moment, so callers
   * check harvestStatus before working on it.
   */
  async function listVideosToHarvest(limit: number) {
    const items = await queryItems(
      client,
      {
        TableName: table,
        IndexName: 'byHarvestPending',
        KeyConditionExpression: 'toHarvest = :pending',
        ExpressionAttributeValues: { ':pending': HARVEST_PENDING },
        ScanIndexForward: true,
      },
      limit,
    );
    return items.map(fromItem);
  }

  /** Videos with since <= publishedAt < until, one Query per UTC day. */
  async function listVideosPublishedSince(since: string, until: string) {
    const fromMs = parseTime('since', since);
    const toMs = parseTime('until', until);
    const videos: VideoRecord[] = [];
    for (const day of utcDaysOverlapping(fromMs, toMs)) {
      const items = await queryItems(client, {
        TableName: table,
        IndexName: 'byPublishedDay',
        KeyConditionExpression: 'publishedDay = :day',
        ExpressionAttributeValues: { ':day': day },
      });
      for (const item of items) {
        // Compared as times, not strings: YouTube omits milliseconds.
        const at = Date.parse(String(item.publishedAt));
        if (at >= fromMs && at < toMs) videos.push(fromItem(item));
      }
    }
    return videos;
  }

  return {
    putVideoIfNew,
    getVideo,
    updateVideo,
    listVideosToHarvest,
    listVideosPublishedSince,
  };
}
