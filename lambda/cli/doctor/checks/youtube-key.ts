import { check } from '../check';

/** YouTube accepts the key the pipeline uses. */
export const youtubeKeyCheck = check(
  'youtube-key',
  'YouTube accepts the API key',
  ({ youtubeKey, deployment }, say) => {
    if ('skipped' in youtubeKey) return say.skip(youtubeKey.skipped);
    if ('error' in youtubeKey) {
      const where = deployment
        ? 'the youtube-api-key secret (aws secretsmanager put-secret-value)'
        : 'YOUTUBE_API_KEY';
      return say.fail(
        youtubeKey.error,
        `put a YouTube Data API v3 key into ${where}, with the API enabled for its Google Cloud project (APIs & Services > Library)`,
      );
    }
    const { source, quotaStop } = youtubeKey.value;
    if (quotaStop) {
      return say.warn(
        `${source}: not tried, today's quota is spent (${quotaStop})`,
        'nothing to do if expected: the check runs again after midnight Pacific; see docs/runbook.md#quota',
      );
    }
    return say.pass(
      `${source}: accepted by one videos.list call (1 unit, from the operator reserve)`,
    );
  },
);
