/**
 * What the pipeline needs from the YouTube Data API v3, as plain data.
 * The client in ./client.ts implements it over fetch; tests and the offline
 * run point it at the local replica by base URL.
 */

/** API methods, as named in the quota cost table. */
export type YouTubeMethod =
  | 'channels.list'
  | 'playlistItems.list'
  | 'search.list'
  | 'videos.list'
  | 'commentThreads.list';

export interface VideoSummary {
  readonly videoId: string;
  readonly channelId?: string;
  readonly title: string;
  readonly publishedAt: string;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextPageToken?: string;
}

export interface FetchedComment {
  readonly commentId: string;
  readonly videoId: string;
  readonly parentId?: string;
  /** textOriginal when YouTube gives it, else the plain-text textDisplay. */
  readonly text: string;
  readonly publishedAt: string;
  readonly authorChannelId?: string;
  readonly likeCount?: number;
}

export interface YouTubeApi {
  /** The uploads playlist id of a channel (channels.list, contentDetails). */
  uploadsPlaylistId(channelId: string): Promise<string>;
  /** One page (up to 50) of a playlist, newest first for uploads. */
  playlistVideos(
    playlistId: string,
    pageToken?: string,
  ): Promise<Page<VideoSummary>>;
  /** One page (up to 50) of videos matching `query`, newest first. */
  searchVideos(
    query: string,
    publishedAfter: string | undefined,
    pageToken?: string,
  ): Promise<Page<VideoSummary>>;
  /**
   * One page (up to 100) of comment threads, plain text, newest first.
   * Top-level comments and the replies included with them, flattened.
   */
  commentThreads(
    videoId: string,
    pageToken?: string,
  ): Promise<Page<FetchedComment>>;
  /** Checks the key with the cheapest call (videos.list, 1 unit). */
  ping(): Promise<void>;
}
