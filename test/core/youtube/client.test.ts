import { createYouTubeClient } from '../../../lambda/core/youtube/client';
import { FatalYouTubeError } from '../../../lambda/core/youtube/errors';
import { CommentSchema } from '../../../lambda/core/youtube/schemas';
import { fakeFetch, fixture } from './fake-fetch';

const BASE = 'https://yt.test/youtube/v3';

function clientFor(body: string, status = 200) {
  const fake = fakeFetch({ status, body });
  const client = createYouTubeClient({
    apiKey: 'k-123',
    baseUrl: BASE,
    fetch: fake.fetch,
    retries: 0,
  });
  return { client, urls: fake.urls };
}

describe('createYouTubeClient', () => {
  it('reads the uploads playlist id and sends the documented parameters', async () => {
    const { client, urls } = clientFor(
      fixture('channels.list.contentDetails.json'),
    );
    await expect(
      client.uploadsPlaylistId('UC_x5XG1OV2P6uZZ5FSM9Ttw'),
    ).resolves.toBe('UU_x5XG1OV2P6uZZ5FSM9Ttw');
    const url = urls[0];
    expect(url?.pathname).toBe('/youtube/v3/channels');
    expect(Object.fromEntries(url?.searchParams ?? [])).toEqual({
      part: 'contentDetails',
      id: 'UC_x5XG1OV2P6uZZ5FSM9Ttw',
      key: 'k-123',
    });
  });

  it('throws channelNotFound naming the id when items is absent', async () => {
    const { client } = clientFor(fixture('channels.list.unknown-id.json'));
    const error = await client
      .uploadsPlaylistId('UCaaaaaaaaaaaaaaaaaaaaaa')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FatalYouTubeError);
    expect(error).toMatchObject({ reason: 'channelNotFound' });
    expect(String(error)).toContain('UCaaaaaaaaaaaaaaaaaaaaaa');
    expect(String(error)).toContain('sources.channels');
  });

  it('maps uploads playlist items to videos with the video publish time', async () => {
    const { client, urls } = clientFor(
      fixture('playlistItems.list.uploads.json'),
    );
    const page = await client.playlistVideos('UU_x5XG1OV2P6uZZ5FSM9Ttw', 'T1');
    expect(page.nextPageToken).toBe('EAAaBlBUOkNBVQ');
    expect(page.items).toHaveLength(5);
    expect(page.items[0]).toEqual({
      videoId: 'wysukDrMdqU',
      channelId: 'UC_x5XG1OV2P6uZZ5FSM9Ttw',
      title: "What's new in Google Home in less than 1 minute",
      publishedAt: '2023-05-11T00:20:46Z',
    });
    expect(urls[0]?.searchParams.get('part')).toBe('snippet,contentDetails');
    expect(urls[0]?.searchParams.get('maxResults')).toBe('50');
    expect(urls[0]?.searchParams.get('pageToken')).toBe('T1');
  });

  it('reads a last playlist page without contentDetails or nextPageToken', async () => {
    const { client } = clientFor(fixture('playlistItems.list.last-page.json'));
    const page = await client.playlistVideos(
      'PLOU2XLYxmsIKpaV8h0AGE05so0fAwwfTw',
    );
    expect(page.nextPageToken).toBeUndefined();
    expect(page.items.map((v) => v.publishedAt)).toEqual([
      '2019-11-23T00:45:05.000Z',
      '2019-11-23T00:48:01.000Z',
      '2019-11-23T00:49:59.000Z',
    ]);
  });

  it('returns no videos for an empty playlist', async () => {
    const { client } = clientFor(fixture('playlistItems.list.empty.json'));
    await expect(client.playlistVideos('UUx')).resolves.toEqual({
      items: [],
      nextPageToken: undefined,
    });
  });

  it('skips playlist entries of deleted videos', async () => {
    const body = JSON.parse(fixture('playlistItems.list.uploads.json'));
    delete body.items[1].contentDetails.videoPublishedAt;
    const { client } = clientFor(JSON.stringify(body));
    const page = await client.playlistVideos('UU_x5XG1OV2P6uZZ5FSM9Ttw');
    expect(page.items.map((v) => v.videoId)).not.toContain('hleLlcHwQLM');
    expect(page.items).toHaveLength(4);
  });

  it('searches newest first after a time and unescapes titles', async () => {
    const { client, urls } = clientFor(fixture('search.list.videos.json'));
    const page = await client.searchVideos('flutter', '2024-01-01T00:00:00Z');
    expect(page.nextPageToken).toBe('CAUQAA');
    expect(page.items[1]).toEqual({
      videoId: 'lVQ1EKR1v1I',
      channelId: 'UC_x5XG1OV2P6uZZ5FSM9Ttw',
      title: "YouTube's API and The News",
      publishedAt: '2011-09-12T20:55:45.000Z',
    });
    expect(Object.fromEntries(urls[0]?.searchParams ?? [])).toMatchObject({
      part: 'snippet',
      type: 'video',
      order: 'date',
      maxResults: '50',
      q: 'flutter',
      publishedAfter: '2024-01-01T00:00:00Z',
    });
  });

  it('omits publishedAfter when none is given', async () => {
    const { client, urls } = clientFor(fixture('search.list.videos.json'));
    await client.searchVideos('flutter', undefined);
    expect(urls[0]?.searchParams.has('publishedAfter')).toBe(false);
  });

  it('flattens comment threads with their replies in plain text', async () => {
    const { client, urls } = clientFor(
      fixture('commentThreads.list.with-replies.json'),
    );
    const page = await client.commentThreads('D-lhorsDlUQ');
    expect(page.nextPageToken).toBeUndefined();
    expect(page.items).toHaveLength(6);
    expect(page.items[0]).toMatchObject({
      commentId: 'UgydxWWoeA7F1OdqypJ4AaABAg',
      videoId: 'D-lhorsDlUQ',
      text: 'Actions.ai',
      authorChannelId: 'UCe9i1nJCcevTa6KJa55KYog',
      likeCount: 0,
    });
    expect(page.items[0]?.parentId).toBeUndefined();
    expect(page.items[1]).toMatchObject({
      commentId: 'UgydxWWoeA7F1OdqypJ4AaABAg.8wWQ3tdHcFx8xcDheui-qb',
      parentId: 'UgydxWWoeA7F1OdqypJ4AaABAg',
      text: '#',
    });
    expect(Object.fromEntries(urls[0]?.searchParams ?? [])).toMatchObject({
      part: 'snippet,replies',
      videoId: 'D-lhorsDlUQ',
      maxResults: '100',
      textFormat: 'plainText',
      order: 'time',
    });
  });

  it('keeps the next page token of a comment page', async () => {
    const { client } = clientFor(
      fixture('commentThreads.list.by-video.has-next-page.json'),
    );
    const page = await client.commentThreads('F1UP7wRCPH8');
    expect(page.nextPageToken).toMatch(/^QURTSl9p/);
    expect(page.items[0]?.text).toBe('Google.com');
  });

  it('falls back to the requested video id and textDisplay', async () => {
    const body = JSON.parse(
      fixture('commentThreads.list.all-threads-related-to-channel.json'),
    );
    delete body.items[3].snippet.topLevelComment.snippet.textOriginal;
    const { client } = clientFor(JSON.stringify(body));
    const page = await client.commentThreads('asked-for');
    expect(page.items.map((c) => c.videoId)).toEqual([
      'JE8xdDp5B8Q',
      'JE8xdDp5B8Q',
      'asked-for',
      'asked-for',
    ]);
    expect(page.items[3]?.text).toBe(
      body.items[3].snippet.topLevelComment.snippet.textDisplay,
    );
  });

  it('pings with videos.list and accepts an empty answer', async () => {
    for (const name of [
      'videos.list.unknown-id.json',
      'videos.list.statistics.json',
    ]) {
      const { client, urls } = clientFor(fixture(name));
      await expect(client.ping()).resolves.toBeUndefined();
      expect(urls[0]?.pathname).toBe('/youtube/v3/videos');
      expect(urls[0]?.searchParams.get('part')).toBe('id');
    }
  });
});

describe('CommentSchema', () => {
  it('parses every comment of the comments.list and insert fixtures', () => {
    const comments = [
      ...JSON.parse(fixture('comments.list.by-id.json')).items,
      ...JSON.parse(fixture('comments.list.replies.page1.json')).items,
      ...JSON.parse(fixture('comments.list.replies.last-page.json')).items,
      JSON.parse(fixture('commentThreads.insert.response.2022.json')).snippet
        .topLevelComment,
    ];
    for (const comment of comments) {
      expect(CommentSchema.safeParse(comment).success).toBe(true);
    }
  });
});
