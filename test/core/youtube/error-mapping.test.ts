import { createYouTubeClient } from '../../../lambda/core/youtube/client';
import { mapErrorResponse } from '../../../lambda/core/youtube/error-mapping';
import {
  CommentsDisabledError,
  FatalYouTubeError,
  QuotaExceededError,
  TransientYouTubeError,
  VideoNotFoundError,
} from '../../../lambda/core/youtube/errors';
import { fakeFetch, fakeSleep, fixture } from './fake-fetch';

const NOW = new Date('2024-07-04T20:00:00Z');

/** Runs one commentThreads call answered by `body` with `status`. */
async function failWith(status: number, body: string) {
  const fake = fakeFetch({ status, body });
  const client = createYouTubeClient({
    apiKey: 'secret-key',
    baseUrl: 'https://yt.test/youtube/v3',
    fetch: fake.fetch,
    sleep: fakeSleep().sleep,
    clock: () => NOW,
    retries: 2,
  });
  return client.commentThreads('vid12345678').catch((e: unknown) => e);
}

describe('mapErrorResponse', () => {
  it('maps quotaExceeded to a wait until midnight Pacific', async () => {
    const error = await failWith(403, fixture('error.quotaExceeded.json'));
    expect(error).toBeInstanceOf(QuotaExceededError);
    expect((error as QuotaExceededError).resetsAt.toISOString()).toBe(
      '2024-07-05T07:00:00.000Z',
    );
    expect(error).toMatchObject({
      action: 'wait-for-quota',
      method: 'commentThreads.list',
    });
  });

  it('maps dailyLimitExceeded in any case to the quota error', () => {
    const body = fixture('error.quotaExceeded.json').replace(
      'quotaExceeded',
      'DAILYLIMITEXCEEDED',
    );
    const error = mapErrorResponse({
      method: 'search.list',
      status: 403,
      body,
      params: {},
      now: NOW,
    });
    expect(error).toBeInstanceOf(QuotaExceededError);
  });

  it('maps keyInvalid to a fatal error that names the fix', async () => {
    const error = await failWith(400, fixture('error.keyInvalid.json'));
    expect(error).toBeInstanceOf(FatalYouTubeError);
    expect(String((error as Error).message)).toContain(
      'YouTube rejected the API key (keyInvalid): check YOUTUBE_API_KEY / ' +
        'the youtube-api-key secret',
    );
    expect(String((error as Error).message)).not.toContain('secret-key');
  });

  it('recognises the current invalid-key body by its details reason', () => {
    const body = JSON.stringify({
      error: {
        code: 400,
        message: 'API key not valid. Please pass a valid API key.',
        errors: [{ reason: 'badRequest', domain: 'global' }],
        status: 'INVALID_ARGUMENT',
        details: [{ '@type': 'ErrorInfo', reason: 'API_KEY_INVALID' }],
      },
    });
    const error = mapErrorResponse({
      method: 'videos.list',
      status: 400,
      body,
      params: {},
      now: NOW,
    });
    expect(error).toBeInstanceOf(FatalYouTubeError);
    expect(error.message).toContain('check YOUTUBE_API_KEY');
  });

  it('maps accessNotConfigured to a fatal error', async () => {
    const error = await failWith(
      403,
      fixture('error.accessNotConfigured.json'),
    );
    expect(error).toBeInstanceOf(FatalYouTubeError);
    expect(error).toMatchObject({ reason: 'accessNotConfigured', status: 403 });
  });

  it('treats a PERMISSION_DENIED 403 as fatal despite its upper-case reason', async () => {
    const error = await failWith(
      403,
      fixture('error.forbidden.permissionDenied.json'),
    );
    expect(error).toBeInstanceOf(FatalYouTubeError);
    expect(error).toMatchObject({ reason: 'SERVICE_UNAVAILABLE' });
  });

  it('maps missingRequiredParameter to a fatal error with its message', async () => {
    const error = await failWith(
      400,
      fixture('error.missingRequiredParameter.json'),
    );
    expect(error).toBeInstanceOf(FatalYouTubeError);
    expect((error as Error).message).toContain('No filter selected');
  });

  it('maps commentsDisabled to a skip naming the video', async () => {
    const error = await failWith(
      403,
      fixture('error.commentsDisabled.constructed.json'),
    );
    expect(error).toBeInstanceOf(CommentsDisabledError);
    expect(error).toMatchObject({ videoId: 'vid12345678', action: 'skip' });
  });

  it('maps videoNotFound to a skip naming the video', async () => {
    const error = await failWith(
      404,
      fixture('error.videoNotFound.constructed.json'),
    );
    expect(error).toBeInstanceOf(VideoNotFoundError);
    expect(error).toMatchObject({ videoId: 'vid12345678' });
  });

  it('maps a 404 on commentThreads without an envelope to videoNotFound', async () => {
    const error = await failWith(
      404,
      fixture('error.videoNotFound.commentThreads.errors-item.json'),
    );
    expect(error).toBeInstanceOf(VideoNotFoundError);
  });

  it('maps rateLimitExceeded to a transient error once retries run out', async () => {
    const error = await failWith(
      403,
      fixture('error.rateLimitExceeded.constructed.json'),
    );
    expect(error).toBeInstanceOf(TransientYouTubeError);
    expect(error).toMatchObject({
      action: 'retry',
      reason: 'rateLimitExceeded',
    });
    expect((error as Error).message).toContain('gave up after 3 attempts');
  });

  it('maps an HTML 502 to a transient error and other 4xx to fatal', () => {
    const common = { method: 'videos.list' as const, params: {}, now: NOW };
    expect(
      mapErrorResponse({ ...common, status: 502, body: '<html>bad</html>' }),
    ).toBeInstanceOf(TransientYouTubeError);
    expect(
      mapErrorResponse({ ...common, status: 429, body: '' }),
    ).toBeInstanceOf(TransientYouTubeError);
    const teapot = mapErrorResponse({ ...common, status: 418, body: '' });
    expect(teapot).toBeInstanceOf(FatalYouTubeError);
    expect(teapot.reason).toBe('http418');
  });

  it('retries a backendError with reason in any case', () => {
    const body = JSON.stringify({
      error: { code: 503, errors: [{ reason: 'SERVICE_UNAVAILABLE' }] },
    });
    const error = mapErrorResponse({
      method: 'search.list',
      status: 503,
      body,
      params: {},
      now: NOW,
    });
    expect(error.action).toBe('retry');
  });
});
