import type { Replica } from '../../../local/youtube-replica';
import { CHANNEL, KEY, replicaWithClient } from './helpers';

let replica: Replica;

beforeAll(async () => {
  ({ replica } = await replicaWithClient());
});
afterAll(() => replica.close());

/** The value at a dotted path of parsed JSON, e.g. `items.0.id`. */
function at(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node !== null && typeof node === 'object'
          ? (node as Record<string, unknown>)[key]
          : undefined,
      value,
    );
}

async function get(path: string, params: Record<string, string>) {
  const url = new URL(`${replica.baseUrl}/${path}`);
  for (const [k, v] of Object.entries({ key: KEY, ...params })) {
    url.searchParams.set(k, v);
  }
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('replica response shapes', () => {
  it('leaves items out for unknown channels and sends counts as strings', async () => {
    const unknown = await get('channels', { part: 'id', id: 'UCnope' });
    expect(unknown.status).toBe(200);
    expect(at(unknown.body, 'items')).toBeUndefined();
    expect(at(unknown.body, 'pageInfo.totalResults')).toBe(0);
    const known = await get('channels', {
      part: 'snippet,contentDetails,statistics',
      id: CHANNEL,
    });
    expect(at(known.body, 'items.0.statistics.viewCount')).toEqual(
      expect.any(String),
    );
    expect(
      at(known.body, 'items.0.contentDetails.relatedPlaylists.likes'),
    ).toBe('');
  });

  it('omits nextPageToken on the last page and adds prevPageToken later', async () => {
    const params = {
      part: 'snippet',
      playlistId: `UU${CHANNEL.slice(2)}`,
      maxResults: '50',
    };
    let page = await get('playlistItems', params);
    expect(at(page.body, 'prevPageToken')).toBeUndefined();
    let token = at(page.body, 'nextPageToken');
    while (typeof token === 'string') {
      page = await get('playlistItems', { ...params, pageToken: token });
      expect(at(page.body, 'prevPageToken')).toEqual(expect.any(String));
      token = at(page.body, 'nextPageToken');
    }
    expect(Object.keys(page.body as object)).not.toContain('nextPageToken');
    expect(at(page.body, 'items.0.snippet.publishedAt')).toMatch(/:\d\dZ$/);
  });

  it('answers unknown videos with 200 and an empty list', async () => {
    const answer = await get('videos', { part: 'id', id: 'dQw4w9WgXcQ' });
    expect(answer).toMatchObject({ status: 200, body: { items: [] } });
  });

  it('sends error envelopes with the reason YouTube uses', async () => {
    const reason = 'error.errors.0.reason';
    const missing = await get('commentThreads', { part: 'snippet' });
    expect(missing.status).toBe(400);
    expect(at(missing.body, reason)).toBe('missingRequiredParameter');
    const notFound = await get('playlistItems', {
      part: 'snippet',
      playlistId: 'PLnothing',
    });
    expect(notFound.status).toBe(404);
    expect(at(notFound.body, reason)).toBe('playlistNotFound');
    const badToken = await get('search', { q: 'x', pageToken: '!!' });
    expect(at(badToken.body, reason)).toBe('invalidPageToken');
  });

  it('rejects maxResults above the method cap', async () => {
    const answer = await get('commentThreads', {
      part: 'snippet',
      videoId: 'aaaaaaaaaaa',
      maxResults: '101',
    });
    expect(answer.status).toBe(400);
  });

  it('sends comments with an object authorChannelId and numeric likes', async () => {
    const world = replica.world;
    const videos = world.uploads(`UU${CHANNEL.slice(2)}`) ?? [];
    const open = videos.find((v) => {
      const c = world.comments(v.videoId);
      return c.kind === 'open' && c.threads.length > 20;
    });
    const answer = await get('commentThreads', {
      part: 'snippet',
      videoId: open?.videoId ?? '',
      maxResults: '100',
    });
    const top = 'items.0.snippet.topLevelComment.snippet';
    expect(at(answer.body, `${top}.authorChannelId.value`)).toMatch(/^UC/);
    expect(at(answer.body, `${top}.likeCount`)).toEqual(expect.any(Number));
    expect(at(answer.body, 'pageInfo.totalResults')).toBe(
      (at(answer.body, 'items') as unknown[]).length,
    );
  });
});
