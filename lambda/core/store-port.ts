import type {
  CommentRecord,
  DomainRecord,
  FailureRecord,
  Heartbeat,
  MentionRecord,
  RunRecord,
  SourceCursor,
  VideoRecord,
} from './model';

/** A quota bucket of one Pacific-time day. */
export interface QuotaCharge {
  /** Pacific-time day, YYYY-MM-DD. */
  readonly day: string;
  /** `units` (the shared pool) or `search` (search.list calls, 2026 model). */
  readonly bucket: string;
  readonly amount: number;
  /** The charge fails rather than push the bucket past this. */
  readonly limit: number;
}

/**
 * Everything the pipeline keeps. Every write is idempotent: repeating it
 * leaves the same state, and the methods that create say whether they did.
 * Implemented by lambda/store over DynamoDB (and dynalite offline).
 */
export interface PipelineStore {
  /** Creates the video unless it exists. True when it was new. */
  putVideoIfNew(video: VideoRecord): Promise<boolean>;
  getVideo(videoId: string): Promise<VideoRecord | undefined>;
  /** Merges the given fields into an existing video. */
  updateVideo(
    videoId: string,
    fields: Partial<Omit<VideoRecord, 'videoId'>>,
    /** Clears these optional fields (e.g. the page token when done). */
    remove?: ReadonlyArray<keyof VideoRecord>,
  ): Promise<void>;
  /** Videos whose harvest has not finished, oldest discovery first. */
  listVideosToHarvest(limit: number): Promise<VideoRecord[]>;
  /** Videos published at or after `since` (ISO), by published-day index. */
  listVideosPublishedSince(
    since: string,
    until: string,
  ): Promise<VideoRecord[]>;

  /** Stores comments, skipping those already stored. Returns the new ids. */
  putComments(comments: readonly CommentRecord[]): Promise<string[]>;
  getComments(
    videoId: string,
    commentIds: readonly string[],
  ): Promise<CommentRecord[]>;
  /** Number of comments stored for a video. */
  countComments(videoId: string): Promise<number>;
  /** Every stored comment, a page at a time (for backfills). */
  scanComments(
    pageSize: number,
    startKey?: string,
  ): Promise<{ comments: CommentRecord[]; nextKey?: string }>;

  /** Records a mention unless recorded. True when it was new. */
  putMentionIfNew(mention: MentionRecord): Promise<boolean>;
  /** Creates the domain unless known. True when it was new. */
  putDomainIfNew(domain: DomainRecord): Promise<boolean>;
  getDomain(domain: string): Promise<DomainRecord | undefined>;
  /** Number of distinct comments mentioning the domain. */
  countMentions(domain: string): Promise<number>;
  /** Domains first seen in [from, to), by first-seen-day index (a Query). */
  listNewDomains(from: string, to: string): Promise<DomainRecord[]>;

  getCursor(sourceId: string): Promise<SourceCursor | undefined>;
  /**
   * Moves the cursor forward only: an older time never overwrites it, an
   * equal one refreshes `updatedAt` (which paces search sources).
   */
  advanceCursor(cursor: SourceCursor): Promise<void>;

  /**
   * Adds `amount` to the day's bucket unless that would pass `limit`.
   * Returns the new total, or undefined when the charge was refused.
   */
  chargeQuota(charge: QuotaCharge): Promise<number | undefined>;
  /** Amount used in each bucket of the day. */
  getQuotaUsage(day: string): Promise<Record<string, number>>;

  /** Where a long job such as a backfill got to, by job name. */
  getCheckpoint(name: string): Promise<string | undefined>;
  putCheckpoint(name: string, value: string): Promise<void>;
  clearCheckpoint(name: string): Promise<void>;

  putHeartbeat(heartbeat: Heartbeat): Promise<void>;
  getHeartbeat(name: string): Promise<Heartbeat | undefined>;
  /** Idempotent by (functionId, runId). */
  putRun(run: RunRecord): Promise<void>;
  listRecentRuns(limit: number): Promise<RunRecord[]>;
  /** Idempotent by (functionId, runId). */
  putFailure(failure: FailureRecord): Promise<void>;
  listRecentFailures(limit: number): Promise<FailureRecord[]>;
}
