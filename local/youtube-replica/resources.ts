import { makeRng } from '../world/rng';
import type {
  WorldChannel,
  WorldComment,
  WorldThread,
  WorldVideo,
} from '../world/world';

/**
 * YouTube resources as JSON, in the field shapes of the captures in
 * test/fixtures/youtube: counts as strings in statistics, numbers in
 * comments, `authorChannelId` as an object, bare etags, whole seconds.
 */

const ETAG_CHARS =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A bare etag, stable for the same content. */
export function etag(of: string): string {
  const rng = makeRng(`etag|${of}`);
  return Array.from(
    { length: 27 },
    () => ETAG_CHARS[Math.floor(rng() * 64)],
  ).join('');
}

/** `2024-05-01T10:00:00Z`: the current API sends no milliseconds. */
export const time = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Escapes as YouTube does in titles and HTML text. */
export const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const thumbs = (videoId: string, sizes: readonly string[]) => {
  const dims: Record<string, [string, number, number]> = {
    default: ['default', 120, 90],
    medium: ['mqdefault', 320, 180],
    high: ['hqdefault', 480, 360],
    standard: ['sddefault', 640, 480],
  };
  return Object.fromEntries(
    sizes.map((size) => {
      const [file, width, height] = dims[size] ?? ['default', 120, 90];
      const url = `https://i.ytimg.com/vi/${videoId}/${file}.jpg`;
      return [size, { url, width, height }];
    }),
  );
};

export function channelResource(channel: WorldChannel, parts: Set<string>) {
  const rng = makeRng(`stats|${channel.channelId}`);
  return {
    kind: 'youtube#channel',
    etag: etag(channel.channelId),
    id: channel.channelId,
    ...(parts.has('snippet')
      ? {
          snippet: {
            title: channel.title,
            description: `Videos from ${channel.title}.`,
            publishedAt: time(channel.publishedAt),
            localized: { title: channel.title, description: '' },
          },
        }
      : {}),
    ...(parts.has('contentDetails')
      ? {
          contentDetails: {
            relatedPlaylists: { likes: '', uploads: channel.uploadsPlaylistId },
          },
        }
      : {}),
    ...(parts.has('statistics')
      ? {
          statistics: {
            viewCount: String(Math.floor(rng() * 1e8)),
            subscriberCount: String(Math.floor(rng() * 1e6)),
            hiddenSubscriberCount: false,
            videoCount: String(Math.floor(rng() * 2000)),
          },
        }
      : {}),
  };
}

export function playlistItemResource(
  video: WorldVideo,
  playlistId: string,
  position: number,
  parts: Set<string>,
) {
  return {
    kind: 'youtube#playlistItem',
    etag: etag(`${playlistId}.${video.videoId}`),
    id: Buffer.from(`${playlistId}.${video.videoId}`).toString('base64'),
    ...(parts.has('snippet')
      ? {
          snippet: {
            publishedAt: time(video.publishedAt),
            channelId: video.channelId,
            title: video.title,
            description: '',
            thumbnails: thumbs(video.videoId, ['default', 'medium', 'high']),
            channelTitle: video.channelTitle,
            playlistId,
            position,
            resourceId: { kind: 'youtube#video', videoId: video.videoId },
            videoOwnerChannelTitle: video.channelTitle,
            videoOwnerChannelId: video.channelId,
          },
        }
      : {}),
    ...(parts.has('contentDetails')
      ? {
          contentDetails: {
            videoId: video.videoId,
            videoPublishedAt: time(video.publishedAt),
          },
        }
      : {}),
  };
}

export function searchResultResource(video: WorldVideo) {
  return {
    kind: 'youtube#searchResult',
    etag: etag(`search.${video.videoId}`),
    id: { kind: 'youtube#video', videoId: video.videoId },
    snippet: {
      publishedAt: time(video.publishedAt),
      channelId: video.channelId,
      title: escapeHtml(video.title),
      description: '',
      thumbnails: thumbs(video.videoId, ['default', 'medium', 'high']),
      channelTitle: video.channelTitle,
      liveBroadcastContent: 'none',
      publishTime: time(video.publishedAt),
    },
  };
}

export function videoResource(video: WorldVideo, parts: Set<string>) {
  const rng = makeRng(`stats|${video.videoId}`);
  return {
    kind: 'youtube#video',
    etag: etag(video.videoId),
    id: video.videoId,
    ...(parts.has('snippet')
      ? {
          snippet: {
            publishedAt: time(video.publishedAt),
            ...(video.channelId ? { channelId: video.channelId } : {}),
            title: video.title,
            description: '',
            thumbnails: thumbs(video.videoId, ['default', 'medium', 'high']),
            ...(video.channelTitle ? { channelTitle: video.channelTitle } : {}),
            liveBroadcastContent: 'none',
          },
        }
      : {}),
    ...(parts.has('statistics')
      ? {
          statistics: {
            viewCount: String(Math.floor(rng() * 1e6)),
            likeCount: String(Math.floor(rng() * 1e4)),
            favoriteCount: '0',
            commentCount: String(Math.floor(rng() * 300)),
          },
        }
      : {}),
  };
}

function commentResource(
  comment: WorldComment,
  videoId: string,
  channelId: string | undefined,
  plainText: boolean,
) {
  const display = plainText
    ? comment.text
    : escapeHtml(comment.text).replace(/\n/g, '<br>');
  return {
    kind: 'youtube#comment',
    etag: etag(comment.commentId),
    id: comment.commentId,
    snippet: {
      ...(channelId ? { channelId } : {}),
      videoId,
      textDisplay: display,
      ...(comment.hasOriginal ? { textOriginal: comment.text } : {}),
      ...(comment.parentId ? { parentId: comment.parentId } : {}),
      authorDisplayName: comment.authorName,
      authorProfileImageUrl: `https://yt3.ggpht.com/ytc/${comment.authorChannelId}=s48-c-k-c0x00ffffff-no-rj`,
      authorChannelUrl: `http://www.youtube.com/${comment.authorName}`,
      authorChannelId: { value: comment.authorChannelId },
      canRate: true,
      viewerRating: 'none',
      likeCount: comment.likeCount,
      publishedAt: time(comment.publishedAt),
      updatedAt: time(comment.publishedAt),
    },
  };
}

export function threadResource(
  thread: WorldThread,
  video: WorldVideo,
  withReplies: boolean,
  plainText: boolean,
) {
  const { videoId, channelId } = video;
  const comment = (c: WorldComment) =>
    commentResource(c, videoId, channelId, plainText);
  return {
    kind: 'youtube#commentThread',
    etag: etag(`thread.${thread.top.commentId}`),
    id: thread.top.commentId,
    snippet: {
      ...(channelId ? { channelId } : {}),
      videoId,
      topLevelComment: comment(thread.top),
      canReply: true,
      totalReplyCount: thread.replies.length,
      isPublic: true,
    },
    // YouTube includes at most a handful of replies with a thread; the
    // rest are read with comments.list parentId.
    ...(withReplies && thread.replies.length > 0
      ? { replies: { comments: thread.replies.slice(0, 5).map(comment) } }
      : {}),
  };
}
