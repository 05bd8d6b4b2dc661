/**
 * Google's error envelope as the YouTube Data API v3 sends it, for the
 * reasons the replica answers with. Shapes follow the captures in
 * test/fixtures/youtube (HTML in messages, `status` only in newer bodies).
 */

interface ReasonShape {
  readonly code: number;
  readonly domain: string;
  readonly message: string;
  /** google.rpc status; omitted where the captures omit it. */
  readonly status?: string;
  readonly location?: string;
}

const PARAM = (name: string, doc: string) =>
  `The video identified by the <code><a href="/youtube/v3/docs/${doc}#${name}">${name}</a></code> parameter`;

const REASONS: Record<string, ReasonShape> = {
  quotaExceeded: {
    code: 403,
    domain: 'youtube.quota',
    message:
      'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
  },
  rateLimitExceeded: {
    code: 403,
    domain: 'youtube.quota',
    message:
      'The request cannot be completed because you have exceeded your rate limit.',
  },
  userRateLimitExceeded: {
    code: 429,
    domain: 'usageLimits',
    message: 'Too many requests.',
    status: 'RESOURCE_EXHAUSTED',
  },
  commentsDisabled: {
    code: 403,
    domain: 'youtube.commentThread',
    message: `${PARAM('videoId', 'commentThreads/list')} has disabled comments.`,
    location: 'videoId',
  },
  videoNotFound: {
    code: 404,
    domain: 'youtube.commentThread',
    message: `${PARAM('videoId', 'commentThreads/list')} could not be found.`,
    location: 'videoId',
  },
  playlistNotFound: {
    code: 404,
    domain: 'youtube.playlistItem',
    message:
      "The playlist identified with the request's <code>playlistId</code> parameter cannot be found.",
    location: 'playlistId',
  },
  keyInvalid: {
    code: 400,
    domain: 'usageLimits',
    message: 'API key not valid. Please pass a valid API key.',
    status: 'INVALID_ARGUMENT',
  },
  forbidden: {
    code: 403,
    domain: 'global',
    message: 'The request is missing a valid API key.',
    status: 'PERMISSION_DENIED',
  },
  backendError: {
    code: 500,
    domain: 'global',
    message: 'Backend Error',
    status: 'INTERNAL',
  },
  SERVICE_UNAVAILABLE: {
    code: 503,
    domain: 'global',
    message: 'The service is currently unavailable.',
    status: 'UNAVAILABLE',
  },
  invalidPageToken: {
    code: 400,
    domain: 'youtube.parameter',
    message: 'The request specifies an invalid page token.',
    location: 'pageToken',
  },
  invalidParameter: {
    code: 400,
    domain: 'youtube.parameter',
    message: 'Invalid value for a parameter.',
  },
  missingRequiredParameter: {
    code: 400,
    domain: 'youtube.parameter',
    message: 'No filter selected.',
    location: '',
  },
  notFound: {
    code: 404,
    domain: 'global',
    message: 'Not Found',
  },
};

/** The usual HTTP status of a reason (500 for reasons not listed). */
export function statusOf(reason: string): number {
  return REASONS[reason]?.code ?? 500;
}

/** A reason for a bare status, as YouTube would send it. */
export function reasonOf(status: number): string {
  if (status === 429) return 'userRateLimitExceeded';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  if (status >= 500) return 'backendError';
  if (status === 404) return 'notFound';
  if (status === 403) return 'forbidden';
  return 'invalidParameter';
}

/** The JSON error envelope for `reason`, optionally with a message. */
export function errorBody(
  reason: string,
  options: { status?: number; message?: string } = {},
): string {
  const shape = REASONS[reason];
  const message = options.message ?? shape?.message ?? reason;
  const item: Record<string, string> = {
    message,
    domain: shape?.domain ?? 'global',
    reason,
  };
  if (shape?.location !== undefined) {
    item.location = shape.location;
    item.locationType = 'parameter';
  }
  return JSON.stringify({
    error: {
      code: options.status ?? shape?.code ?? 500,
      message,
      errors: [item],
      ...(shape?.status ? { status: shape.status } : {}),
    },
  });
}
