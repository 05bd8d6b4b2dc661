import { NonRetriableError, RetryAfterError } from 'inngest';
import { QuotaBudgetExhaustedError } from '../../lambda/core/quota';
import { SettingsError } from '../../lambda/core/settings';
import {
  FatalYouTubeError,
  QuotaExceededError,
  TransientYouTubeError,
} from '../../lambda/core/youtube/errors';
import { toInngestError } from '../../lambda/inngest/errors';
import { ConfigurationError } from '../../lambda/inngest/runtime';

const midnight = new Date('2026-03-11T07:00:00.000Z');

describe('toInngestError', () => {
  it('ends the run without retries when a setting is missing, naming it', () => {
    const error = toInngestError(
      new ConfigurationError('YOUTUBE_API_KEY', 'not set; set it'),
    );

    expect(error).toBeInstanceOf(NonRetriableError);
    expect((error as Error).message).toContain('YOUTUBE_API_KEY: not set');
  });

  it('ends the run without retries on invalid settings', () => {
    const error = toInngestError(new SettingsError(['quota.dailyUnits: bad']));

    expect(error).toBeInstanceOf(NonRetriableError);
    expect((error as Error).message).toContain('quota.dailyUnits: bad');
  });

  it("waits for the reset when YouTube's quota is spent", () => {
    const error = toInngestError(
      new QuotaExceededError('quota spent', midnight, 'commentThreads.list'),
    );

    expect(error).toBeInstanceOf(RetryAfterError);
    expect((error as RetryAfterError).retryAfter).toBe(midnight.toISOString());
  });

  it("waits for the reset when the pipeline's own day budget is spent", () => {
    const error = toInngestError(
      new QuotaBudgetExhaustedError('units', 'day', midnight),
    );

    expect(error).toBeInstanceOf(RetryAfterError);
  });

  it('ends the run without retries on a fatal YouTube error, saying why', () => {
    const error = toInngestError(
      new FatalYouTubeError(
        'the API key is invalid',
        'fatal',
        'keyInvalid',
        400,
        'videos.list',
      ),
    );

    expect(error).toBeInstanceOf(NonRetriableError);
    expect((error as Error).message).toMatch(
      /YouTube videos\.list refused \(keyInvalid\): the API key is invalid/,
    );
  });

  it('leaves transient errors to Inngest backoff', () => {
    const transient = new TransientYouTubeError(
      'HTTP 503',
      'retry',
      'backendError',
      503,
    );

    expect(toInngestError(transient)).toBe(transient);
  });
});
