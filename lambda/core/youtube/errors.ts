/**
 * YouTube's error reasons, mapped to what the pipeline does about them.
 * YouTube returns quotaExceeded, forbidden, accessNotConfigured and
 * commentsDisabled all as HTTP 403, so the mapping branches on
 * `error.errors[0].reason`, never on the status code alone.
 */

/** How the caller should react to an error. */
export type ErrorAction =
  /** Retry later with backoff: the same call may succeed. */
  | 'retry'
  /** Stop calling until the daily quota resets at midnight Pacific. */
  | 'wait-for-quota'
  /** Record on the video and move on: not a failure. */
  | 'skip'
  /** Never retry: a person must fix something. */
  | 'fatal';

export class YouTubeError extends Error {
  override readonly name: string = 'YouTubeError';
  constructor(
    message: string,
    readonly action: ErrorAction,
    /** YouTube's reason (e.g. `quotaExceeded`), or our own for non-API faults. */
    readonly reason: string,
    readonly status?: number,
    /** The API method that failed. */
    readonly method?: string,
  ) {
    super(message);
  }
}

/** The project's daily quota is spent; calls work again at `resetsAt`. */
export class QuotaExceededError extends YouTubeError {
  override readonly name = 'QuotaExceededError';
  constructor(
    message: string,
    readonly resetsAt: Date,
    method?: string,
  ) {
    super(message, 'wait-for-quota', 'quotaExceeded', 403, method);
  }
}

/** Too many requests, or a 5xx: the same call may succeed after backoff. */
export class TransientYouTubeError extends YouTubeError {
  override readonly name = 'TransientYouTubeError';
}

/** The video's owner turned comments off. Recorded on the video. */
export class CommentsDisabledError extends YouTubeError {
  override readonly name = 'CommentsDisabledError';
  constructor(
    readonly videoId: string,
    method?: string,
  ) {
    super(
      `comments are disabled on video ${videoId}`,
      'skip',
      'commentsDisabled',
      403,
      method,
    );
  }
}

/** The video is gone, private, or never existed. Recorded on the video. */
export class VideoNotFoundError extends YouTubeError {
  override readonly name = 'VideoNotFoundError';
  constructor(
    readonly videoId: string,
    method?: string,
  ) {
    super(
      `video ${videoId} was not found`,
      'skip',
      'videoNotFound',
      404,
      method,
    );
  }
}

/** Bad key, API not enabled, bad request, malformed response: fatal. */
export class FatalYouTubeError extends YouTubeError {
  override readonly name = 'FatalYouTubeError';
}
