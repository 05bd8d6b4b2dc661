import type { YouTubeMethod } from '../../../lambda/core/youtube/api';
import { createYouTubeClient } from '../../../lambda/core/youtube/client';
import {
  FatalYouTubeError,
  TransientYouTubeError,
} from '../../../lambda/core/youtube/errors';
import { type FakeReply, fakeFetch, fakeSleep, fixture } from './fake-fetch';

const OK = { body: fixture('videos.list.unknown-id.json') };
const BUSY = { status: 503, body: '' };

function setup(retries: number, ...replies: FakeReply[]) {
  const fake = fakeFetch(...replies);
  const sleeper = fakeSleep();
  const charged: YouTubeMethod[] = [];
  const statuses: number[] = [];
  const client = createYouTubeClient({
    apiKey: 'AIza-secret',
    baseUrl: 'https://yt.test/youtube/v3/',
    fetch: fake.fetch,
    sleep: sleeper.sleep,
    random: () => 0.5,
    clock: () => new Date('2024-01-01T00:00:00Z'),
    retries,
    beforeCall: async (method) => {
      charged.push(method);
    },
    onCall: (_method, status) => statuses.push(status),
  });
  return { client, waits: sleeper.waits, charged, statuses, urls: fake.urls };
}

describe('callApi', () => {
  it('retries 5xx with growing jittered waits, charging every attempt', async () => {
    const t = setup(3, BUSY, BUSY, BUSY, OK);
    await t.client.ping();
    expect(t.waits).toEqual([750, 1500, 3000]);
    expect(t.charged).toEqual(Array(4).fill('videos.list'));
    expect(t.statuses).toEqual([503, 503, 503, 200]);
  });

  it('throws a transient error once retries are spent', async () => {
    const t = setup(1, BUSY);
    const error = await t.client.ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientYouTubeError);
    expect(t.waits).toHaveLength(1);
    expect(t.charged).toHaveLength(2);
  });

  it('waits at least as long as Retry-After on a 429', async () => {
    const t = setup(2, { status: 429, headers: { 'retry-after': '7' } }, OK);
    await t.client.ping();
    expect(t.waits).toEqual([7000]);
  });

  it('gives up at once when Retry-After is longer than a minute', async () => {
    const t = setup(5, { status: 429, headers: { 'retry-after': '3600' } });
    const error = await t.client.ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientYouTubeError);
    expect(t.waits).toEqual([]);
  });

  it('retries network failures and timeouts, reporting status 0', async () => {
    const timeout = new DOMException('timed out', 'TimeoutError');
    const t = setup(
      2,
      { fail: new TypeError('fetch failed') },
      { fail: timeout },
      OK,
    );
    await t.client.ping();
    expect(t.statuses).toEqual([0, 0, 200]);
  });

  it('keeps the key out of network error messages', async () => {
    const t = setup(0, { fail: new TypeError('fetch failed') });
    const error = (await t.client.ping().catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(TransientYouTubeError);
    expect(error.message).toContain('key=REDACTED');
    expect(error.message).not.toContain('AIza-secret');
  });

  it('propagates a beforeCall refusal unchanged and sends nothing', async () => {
    const refusal = new Error('ledger: budget spent');
    const fake = fakeFetch(OK);
    const client = createYouTubeClient({
      apiKey: 'k',
      baseUrl: 'https://yt.test/youtube/v3',
      fetch: fake.fetch,
      beforeCall: async () => {
        throw refusal;
      },
    });
    await expect(client.ping()).rejects.toBe(refusal);
    expect(fake.urls).toHaveLength(0);
  });

  it('does not retry fatal errors', async () => {
    const t = setup(3, { status: 400, body: fixture('error.keyInvalid.json') });
    await expect(t.client.ping()).rejects.toBeInstanceOf(FatalYouTubeError);
    expect(t.charged).toHaveLength(1);
  });

  it('rejects a body that is not JSON as malformedResponse', async () => {
    const t = setup(3, { body: '{"items": [' });
    const error = await t.client.ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FatalYouTubeError);
    expect(error).toMatchObject({
      reason: 'malformedResponse',
      method: 'videos.list',
    });
    expect(t.charged).toHaveLength(1);
  });

  it('names the first bad field of a body that fails the schema', async () => {
    const body = JSON.parse(fixture('commentThreads.list.with-replies.json'));
    body.items[2].snippet.topLevelComment.snippet.publishedAt = 'yesterday';
    const t = setup(0, { body: JSON.stringify(body) });
    const error = (await t.client
      .commentThreads('D-lhorsDlUQ')
      .catch((e: unknown) => e)) as FatalYouTubeError;
    expect(error.reason).toBe('malformedResponse');
    expect(error.message).toContain('commentThreads.list');
    expect(error.message).toContain(
      'items.2.snippet.topLevelComment.snippet.publishedAt',
    );
  });

  it('joins the base URL without doubling slashes', async () => {
    const t = setup(0, OK);
    await t.client.ping();
    expect(t.urls[0]?.pathname).toBe('/youtube/v3/videos');
  });
});
