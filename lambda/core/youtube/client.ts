import { setTimeout as sleep } from 'node:timers/promises';
import type {
  FetchedComment,
  VideoSummary,
  YouTubeApi,
  YouTubeMethod,
} from './api';
import { decodeEntities } from './error-mapping';
import { FatalYouTubeError } from './errors';
import {
  ChannelListSchema,
  type Comment,
  CommentThreadListSchema,
  PlaylistItemListSchema,
  SearchListSchema,
  VideoListSchema,
} from './schemas';
import { callApi, type TransportOptions } from './transport';

export interface YouTubeClientOptions {
  /** The API key; sent as `key=`, never logged nor put into messages. */
  readonly apiKey: string;
  /** e.g. `https://www.googleapis.com/youtube/v3` or the replica's. */
  readonly baseUrl: string;
  /** Per HTTP attempt. @default 15000 */
  readonly timeoutMs?: number;
  /** Retries of one call on 5xx, 429, rate limits and network errors. @default 3 */
  readonly retries?: number;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** Waits between retries; tests inject one that does not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** For the quota reset time. @default () => new Date() */
  readonly clock?: () => Date;
  /** Jitter source in [0, 1). @default Math.random */
  readonly random?: () => number;
  /**
   * Awaited before every HTTP request, retries included, so a quota
   * ledger can charge it. Whatever it throws propagates unchanged.
   */
  readonly beforeCall?: (method: YouTubeMethod) => Promise<void>;
  /** Told the HTTP status of every attempt (0 when none came back). */
  readonly onCall?: (method: YouTubeMethod, status: number) => void;
}

/** Any 2xx proves the key works; this video id is the usual probe. */
const PING_VIDEO_ID = 'dQw4w9WgXcQ';

/** A YouTubeApi over the YouTube Data API v3 (or the local replica). */
export function createYouTubeClient(options: YouTubeClientOptions): YouTubeApi {
  const transport: TransportOptions = {
    apiKey: options.apiKey,
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs ?? 15_000,
    retries: options.retries ?? 3,
    fetch: options.fetch ?? globalThis.fetch,
    sleep: options.sleep ?? sleep,
    clock: options.clock ?? (() => new Date()),
    random: options.random ?? Math.random,
    beforeCall: options.beforeCall,
    onCall: options.onCall,
  };
  const withToken = (params: Record<string, string>, token?: string) =>
    token ? { ...params, pageToken: token } : params;

  return {
    async uploadsPlaylistId(channelId) {
      const body = await callApi(
        transport,
        'channels.list',
        { part: 'contentDetails', id: channelId },
        ChannelListSchema,
      );
      const channel = body.items.find((c) => c.id === channelId);
      const uploads = (channel ?? body.items[0])?.contentDetails
        .relatedPlaylists.uploads;
      if (!uploads) {
        throw new FatalYouTubeError(
          `YouTube has no channel ${channelId}: check sources.channels ` +
            '(a channel id is "UC" followed by 22 characters, as in the ' +
            'channel page URL youtube.com/channel/<id>)',
          'fatal',
          'channelNotFound',
          200,
          'channels.list',
        );
      }
      return uploads;
    },

    async playlistVideos(playlistId, pageToken) {
      const body = await callApi(
        transport,
        'playlistItems.list',
        withToken(
          { part: 'snippet,contentDetails', maxResults: '50', playlistId },
          pageToken,
        ),
        PlaylistItemListSchema,
      );
      const items: VideoSummary[] = [];
      for (const { snippet, contentDetails } of body.items) {
        // Deleted and private uploads keep a playlist entry whose
        // contentDetails has no videoPublishedAt; they have no comments.
        if (contentDetails && !contentDetails.videoPublishedAt) continue;
        items.push({
          videoId: snippet.resourceId.videoId,
          channelId: snippet.videoOwnerChannelId ?? snippet.channelId,
          title: snippet.title,
          // snippet.publishedAt is when it was added to the playlist.
          publishedAt: contentDetails?.videoPublishedAt ?? snippet.publishedAt,
        });
      }
      return { items, nextPageToken: body.nextPageToken };
    },

    async searchVideos(query, publishedAfter, pageToken) {
      const params: Record<string, string> = {
        part: 'snippet',
        type: 'video',
        order: 'date',
        maxResults: '50',
        q: query,
      };
      if (publishedAfter) params.publishedAfter = publishedAfter;
      const body = await callApi(
        transport,
        'search.list',
        withToken(params, pageToken),
        SearchListSchema,
      );
      const items: VideoSummary[] = [];
      for (const { id, snippet } of body.items) {
        if (!id.videoId) continue;
        items.push({
          videoId: id.videoId,
          channelId: snippet.channelId,
          // Search titles arrive HTML-escaped (&#39;, &amp;).
          title: decodeEntities(snippet.title),
          publishedAt: snippet.publishedAt,
        });
      }
      return { items, nextPageToken: body.nextPageToken };
    },

    async commentThreads(videoId, pageToken) {
      const body = await callApi(
        transport,
        'commentThreads.list',
        withToken(
          {
            part: 'snippet,replies',
            videoId,
            maxResults: '100',
            textFormat: 'plainText',
            order: 'time',
          },
          pageToken,
        ),
        CommentThreadListSchema,
      );
      const items: FetchedComment[] = [];
      for (const thread of body.items) {
        const threadVideoId = thread.snippet.videoId ?? videoId;
        const top = thread.snippet.topLevelComment;
        items.push(toFetched(top, threadVideoId));
        for (const reply of thread.replies?.comments ?? []) {
          items.push(toFetched(reply, threadVideoId, top.id));
        }
      }
      return { items, nextPageToken: body.nextPageToken };
    },

    async ping() {
      await callApi(
        transport,
        'videos.list',
        { part: 'id', id: PING_VIDEO_ID },
        VideoListSchema,
      );
    },
  };
}

function toFetched(
  comment: Comment,
  videoId: string,
  threadId?: string,
): FetchedComment {
  const { snippet } = comment;
  const parentId = snippet.parentId ?? threadId;
  return {
    commentId: comment.id,
    videoId: snippet.videoId ?? videoId,
    ...(parentId ? { parentId } : {}),
    // The schema guarantees one of the two; plainText makes textDisplay
    // plain as well.
    text: snippet.textOriginal ?? snippet.textDisplay ?? '',
    publishedAt: snippet.publishedAt,
    ...(snippet.authorChannelId
      ? { authorChannelId: snippet.authorChannelId }
      : {}),
    ...(snippet.likeCount !== undefined
      ? { likeCount: snippet.likeCount }
      : {}),
  };
}
