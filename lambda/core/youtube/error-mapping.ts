import { nextPacificMidnight } from '../pacific-time';
import type { YouTubeMethod } from './api';
import {
  CommentsDisabledError,
  FatalYouTubeError,
  QuotaExceededError,
  TransientYouTubeError,
  VideoNotFoundError,
  type YouTubeError,
} from './errors';
import { ErrorEnvelopeSchema } from './schemas';

/** What the mapping needs to know about one failed HTTP response. */
export interface FailedResponse {
  readonly method: YouTubeMethod;
  readonly status: number;
  /** The raw body: usually Google's error envelope, maybe HTML or empty. */
  readonly body: string;
  /** The request's query parameters (the key already removed). */
  readonly params: Readonly<Record<string, string>>;
  readonly now: Date;
}

const QUOTA = new Set(['quotaexceeded', 'dailylimitexceeded']);
const RATE_LIMIT = new Set(['ratelimitexceeded', 'userratelimitexceeded']);
const SERVER_SIDE = new Set([
  'backenderror',
  'internalerror',
  'service_unavailable',
  'serviceunavailable',
  'unavailable',
]);

/** Fixes for the reasons an operator must act on, by lowercase reason. */
const FATAL_FIX: Record<string, string> = {
  keyinvalid:
    'YouTube rejected the API key (keyInvalid): check YOUTUBE_API_KEY / ' +
    'the youtube-api-key secret',
  accessnotconfigured:
    'YouTube Data API v3 is not enabled for the key’s Google Cloud project ' +
    '(accessNotConfigured): enable it in the Cloud console, wait a few ' +
    'minutes, then retry',
  forbidden:
    'YouTube refused the request (forbidden): check the key’s API, IP and ' +
    'referrer restrictions in the Cloud console',
  permission_denied:
    'YouTube refused the request (PERMISSION_DENIED): check the key’s API, ' +
    'IP and referrer restrictions in the Cloud console',
};

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** Decodes the HTML entities YouTube uses in search titles and messages. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
    const lower = String(name).toLowerCase();
    if (!lower.startsWith('#')) return NAMED_ENTITIES[lower] ?? whole;
    const code = lower.startsWith('#x')
      ? Number.parseInt(lower.slice(2), 16)
      : Number.parseInt(lower.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Plain text of an HTML error message, for logs and operators. */
export function plainMessage(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, '')).trim();
}

function parseEnvelope(body: string) {
  try {
    const parsed = ErrorEnvelopeSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data.error : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Maps a non-2xx response to a typed error. YouTube sends quotaExceeded,
 * forbidden, accessNotConfigured and commentsDisabled all as 403, so this
 * branches on `errors[0].reason` (any case) first, then on the envelope's
 * `status`, and only last on the HTTP status. A 403 whose envelope says
 * PERMISSION_DENIED is fatal even when its reason reads SERVICE_UNAVAILABLE
 * (as in test/fixtures/youtube/error.forbidden.permissionDenied.json):
 * retrying a refusal only spends quota.
 */
export function mapErrorResponse(failed: FailedResponse): YouTubeError {
  const { method, status, params } = failed;
  const envelope = parseEnvelope(failed.body);
  const keyRejected = envelope?.details?.some(
    (d) => d.reason === 'API_KEY_INVALID',
  );
  const reason = keyRejected
    ? 'keyInvalid'
    : (envelope?.errors[0]?.reason ?? envelope?.status ?? `http${status}`);
  const key = reason.toLowerCase();
  const envelopeStatus = envelope?.status?.toLowerCase();
  const said = plainMessage(
    envelope?.errors[0]?.message ?? envelope?.message ?? '',
  );
  const detail = `YouTube ${method} failed with HTTP ${status} (${reason})${
    said ? `: ${said}` : ''
  }`;

  if (QUOTA.has(key)) {
    const resetsAt = nextPacificMidnight(failed.now);
    return new QuotaExceededError(
      `YouTube daily quota is spent (${reason} on ${method}); calls work ` +
        `again at ${resetsAt.toISOString()} (midnight Pacific). Raise the ` +
        'project’s quota or lower quota.dailyUnits in the settings',
      resetsAt,
      method,
    );
  }
  if (key === 'commentsdisabled') {
    return new CommentsDisabledError(params.videoId ?? '(unknown)', method);
  }
  if (
    key === 'videonotfound' ||
    (status === 404 && method === 'commentThreads.list')
  ) {
    return new VideoNotFoundError(params.videoId ?? params.id ?? '', method);
  }
  if (RATE_LIMIT.has(key)) {
    return new TransientYouTubeError(detail, 'retry', reason, status, method);
  }
  const fix = FATAL_FIX[key] ?? FATAL_FIX[envelopeStatus ?? ''];
  if (fix) {
    return new FatalYouTubeError(
      `${fix}. ${detail}`,
      'fatal',
      reason,
      status,
      method,
    );
  }
  if (status === 429 || status >= 500 || SERVER_SIDE.has(key)) {
    return new TransientYouTubeError(detail, 'retry', reason, status, method);
  }
  return new FatalYouTubeError(
    `${detail}. This request will not succeed as sent: check the ` +
      'parameters named above',
    'fatal',
    reason,
    status,
    method,
  );
}
