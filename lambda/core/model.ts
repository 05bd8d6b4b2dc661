/**
 * The pipeline's records, as the core sees them. The store persists these;
 * nothing here knows about DynamoDB or Inngest.
 */

/** Where videos come from: a channel's uploads, or a search query. */
export type Source =
  | { readonly kind: 'channel'; readonly channelId: string }
  | { readonly kind: 'search'; readonly query: string };

/** Stable id of a source, used as the key of its discovery cursor. */
export function sourceId(source: Source): string {
  return source.kind === 'channel'
    ? `channel:${source.channelId}`
    : `search:${source.query.trim().toLowerCase()}`;
}

/** Why a video has no (more) comments to harvest. */
export type HarvestStatus =
  | 'pending'
  | 'harvesting'
  | 'done'
  | 'commentsDisabled'
  | 'notFound';

export interface VideoRecord {
  readonly videoId: string;
  readonly sourceId: string;
  readonly channelId?: string;
  readonly title: string;
  /** ISO time YouTube says the video was published. */
  readonly publishedAt: string;
  /** ISO time this pipeline first saw it. */
  readonly discoveredAt: string;
  readonly harvestStatus: HarvestStatus;
  /** Page token of the next page to fetch while a harvest is under way. */
  readonly pageToken?: string;
  /** Pages fetched by the harvest under way (resets when it completes). */
  readonly pagesFetched?: number;
  /**
   * Newest comment time stored by the last completed harvest: a re-harvest
   * stops when it reaches a comment this old or older.
   */
  readonly stopAt?: string;
  /** Newest comment time seen by the harvest under way. */
  readonly pendingStopAt?: string;
  readonly commentsStored?: number;
  readonly lastHarvestedAt?: string;
}

export interface CommentRecord {
  readonly videoId: string;
  readonly commentId: string;
  /** Top-level comment id for replies; absent on top-level comments. */
  readonly parentId?: string;
  readonly text: string;
  readonly publishedAt: string;
  readonly authorChannelId?: string;
  readonly likeCount?: number;
}

/** One place where a domain is mentioned: a comment, and the link seen. */
export interface MentionRecord {
  readonly domain: string;
  readonly videoId: string;
  readonly commentId: string;
  /** The text matched in the comment, e.g. `https://www.example.com/a`. */
  readonly link: string;
  readonly seenAt: string;
}

export interface DomainRecord {
  /** ASCII (punycode), lowercase registrable domain. */
  readonly domain: string;
  readonly firstSeenAt: string;
  readonly firstVideoId: string;
  readonly firstCommentId: string;
  readonly sampleLink: string;
  /** True for link shorteners such as bit.ly: counted, but flagged. */
  readonly shortener: boolean;
}

/** A discovery cursor: the newest publish time seen for a source. */
export interface SourceCursor {
  readonly sourceId: string;
  readonly newestPublishedAt: string;
  readonly updatedAt: string;
}

export type RunOutcome = 'succeeded' | 'failed' | 'partial';

/** One finished run of a pipeline function or of a local cycle. */
export interface RunRecord {
  readonly functionId: string;
  readonly runId: string;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly outcome: RunOutcome;
  /** Short readable summary: counts, or why it stopped. */
  readonly summary: Record<string, number | string | boolean>;
}

export interface FailureRecord {
  readonly functionId: string;
  readonly runId: string;
  readonly failedAt: string;
  readonly event: string;
  readonly error: string;
  readonly attempts: number;
}

/** Proof of life written after each successful discovery. */
export interface Heartbeat {
  readonly name: string;
  readonly at: string;
  readonly runId: string;
}
