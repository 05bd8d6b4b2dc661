import type { YouTubeMethod } from '../../lambda/core/youtube/api';
import type { World, WorldVideo } from '../world/world';
import { errorBody } from './error-bodies';
import { type PageOf, paginate } from './paging';
import {
  channelResource,
  etag,
  playlistItemResource,
  searchResultResource,
  threadResource,
  videoResource,
} from './resources';

/** A status and a JSON body, before the server writes them. */
export interface Reply {
  readonly status: number;
  readonly body: string;
}

type Handler = (world: World, params: URLSearchParams) => Reply;

const ok = (body: unknown): Reply => ({
  status: 200,
  body: JSON.stringify(body),
});
const fail = (reason: string, message?: string): Reply => {
  const body = errorBody(reason, message ? { message } : {});
  return { status: JSON.parse(body).error.code, body };
};

const partsOf = (params: URLSearchParams) =>
  new Set((params.get('part') ?? '').split(',').map((p) => p.trim()));

/** maxResults within [min, cap], or the default when absent. */
function maxResults(params: URLSearchParams, fallback: number, cap: number) {
  const raw = params.get('maxResults');
  if (raw === null) return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= cap ? n : undefined;
}

const videoPosition = (v: WorldVideo) => ({
  at: v.publishedAt.getTime(),
  id: v.videoId,
});

function missing(name: string): Reply {
  return fail(
    'missingRequiredParameter',
    `No filter selected. Expected one of: ${name}`,
  );
}

const badMax = (cap: number) =>
  fail(
    'invalidParameter',
    `Invalid value for maxResults. Values must be within the range: [1, ${cap}]`,
  );

function listBody<T>(
  kind: string,
  page: PageOf<T>,
  items: unknown[],
  total: number,
) {
  return {
    kind,
    etag: etag(`${kind}|${JSON.stringify(items).length}|${page.nextPageToken}`),
    ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
    ...(page.prevPageToken ? { prevPageToken: page.prevPageToken } : {}),
    items,
    pageInfo: { totalResults: total, resultsPerPage: items.length },
  };
}

const channelsList: Handler = (world, params) => {
  const ids = params.get('id');
  if (!ids) return missing('id, forHandle, forUsername, mine');
  const parts = partsOf(params);
  const items = ids
    .split(',')
    .map((id) => world.channel(id.trim()))
    .filter((c) => c !== undefined)
    .map((c) => channelResource(c, parts));
  // For unknown ids YouTube leaves `items` out entirely (2022 capture).
  return ok({
    kind: 'youtube#channelListResponse',
    etag: etag(`channels|${ids}`),
    pageInfo: { totalResults: items.length, resultsPerPage: 5 },
    ...(items.length > 0 ? { items } : {}),
  });
};

const playlistItemsList: Handler = (world, params) => {
  const playlistId = params.get('playlistId');
  if (!playlistId) return missing('id, playlistId');
  const max = maxResults(params, 5, 50);
  if (max === undefined) return badMax(50);
  const videos = world.uploads(playlistId);
  if (!videos) return fail('playlistNotFound');
  const token = params.get('pageToken') ?? undefined;
  const page = paginate(videos, videoPosition, max, token);
  if (!page) return fail('invalidPageToken');
  const parts = partsOf(params);
  const items = page.items.map((v) =>
    playlistItemResource(v, playlistId, videos.indexOf(v), parts),
  );
  return ok(
    listBody('youtube#playlistItemListResponse', page, items, videos.length),
  );
};

const searchList: Handler = (world, params) => {
  const max = maxResults(params, 5, 50);
  if (max === undefined) return badMax(50);
  const after = params.get('publishedAfter');
  const afterDate = after ? new Date(after) : undefined;
  if (afterDate && Number.isNaN(afterDate.getTime())) {
    return fail(
      'invalidParameter',
      `Invalid value for publishedAfter: ${after}`,
    );
  }
  const videos = world.search(params.get('q') ?? '', afterDate);
  const page = paginate(
    videos,
    videoPosition,
    max,
    params.get('pageToken') ?? undefined,
  );
  if (!page) return fail('invalidPageToken');
  const items = page.items.map(searchResultResource);
  return ok({
    ...listBody('youtube#searchListResponse', page, items, videos.length),
    regionCode: 'US',
  });
};

const videosList: Handler = (world, params) => {
  const ids = params.get('id');
  if (!ids) return missing('id, chart, myRating');
  const parts = partsOf(params);
  const items = ids
    .split(',')
    .map((id) => world.video(id.trim()))
    .filter((v) => v !== undefined)
    .map((v) => videoResource(v, parts));
  // Unknown ids are a 200 with `items: []`, not a 404.
  return ok({
    kind: 'youtube#videoListResponse',
    etag: etag(`videos|${ids}`),
    items,
    pageInfo: { totalResults: items.length, resultsPerPage: items.length },
  });
};

const commentThreadsList: Handler = (world, params) => {
  const videoId = params.get('videoId');
  if (!videoId) return missing('id, videoId, allThreadsRelatedToChannelId');
  const max = maxResults(params, 20, 100);
  if (max === undefined) return badMax(100);
  const video = world.video(videoId);
  const state = world.comments(videoId);
  if (!video || state.kind === 'notFound') return fail('videoNotFound');
  if (state.kind === 'disabled') return fail('commentsDisabled');
  const page = paginate(
    state.threads,
    (t) => ({ at: t.top.publishedAt.getTime(), id: t.top.commentId }),
    max,
    params.get('pageToken') ?? undefined,
  );
  if (!page) return fail('invalidPageToken');
  const withReplies = partsOf(params).has('replies');
  const plain = params.get('textFormat') === 'plainText';
  const items = page.items.map((t) =>
    threadResource(t, video, withReplies, plain),
  );
  // totalResults counts this page only, as YouTube's does.
  return ok(
    listBody('youtube#commentThreadListResponse', page, items, items.length),
  );
};

/** The handler of each method, by the path after `/youtube/v3/`. */
export const HANDLERS: Record<
  string,
  { method: YouTubeMethod; handle: Handler }
> = {
  channels: { method: 'channels.list', handle: channelsList },
  playlistItems: { method: 'playlistItems.list', handle: playlistItemsList },
  search: { method: 'search.list', handle: searchList },
  videos: { method: 'videos.list', handle: videosList },
  commentThreads: { method: 'commentThreads.list', handle: commentThreadsList },
};
