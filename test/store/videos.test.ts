import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { VideoRecord } from '../../lambda/core/model';
import { countItems } from '../helpers/count-items';
import { withLocalStore } from '../helpers/dynalite';

const video = (over: Partial<VideoRecord> = {}): VideoRecord => ({
  videoId: 'vid1',
  sourceId: 'channel:UC1',
  title: 'A video',
  publishedAt: '2024-03-10T08:00:00Z',
  discoveredAt: '2024-03-10T09:00:00.000Z',
  harvestStatus: 'pending',
  ...over,
});

describe('dynamo store: videos', () => {
  const local = withLocalStore();

  it('creates a video once and says whether it was new', async () => {
    const { store, client, tables } = local();

    const first = await store.putVideoIfNew(video());
    const second = await store.putVideoIfNew(video({ title: 'changed' }));

    expect([first, second]).toEqual([true, false]);
    expect(await countItems(client, tables.videos)).toBe(1);
    expect((await store.getVideo('vid1'))?.title).toBe('A video');
  });

  it('reads back the record without helper attributes', async () => {
    const { store } = local();
    const stored = video({ channelId: 'UC1', pagesFetched: 3 });

    await store.putVideoIfNew(stored);

    const read = await store.getVideo('vid1');
    expect(read).toEqual(stored);
    expect(typeof read?.pagesFetched).toBe('number');
    expect(read && 'stopAt' in read).toBe(false);
    expect(await store.getVideo('missing')).toBeUndefined();
  });

  it('merges fields and removes the listed optional ones', async () => {
    const { store } = local();
    await store.putVideoIfNew(video({ pageToken: 'p2', pagesFetched: 1 }));

    await store.updateVideo(
      'vid1',
      { harvestStatus: 'done', commentsStored: 42, stopAt: 'x' },
      ['pageToken', 'pagesFetched'],
    );
    await store.updateVideo('vid1', { commentsStored: 42 });

    expect(await store.getVideo('vid1')).toEqual({
      ...video({ harvestStatus: 'done' }),
      commentsStored: 42,
      stopAt: 'x',
    });
  });

  it('refuses to update a video that is not stored', async () => {
    const { store, client, tables } = local();

    await expect(
      store.updateVideo('ghost', { harvestStatus: 'done' }),
    ).rejects.toThrow(/ghost is not stored/);
    expect(await countItems(client, tables.videos)).toBe(0);
  });

  it('rejects removing a required field, naming it', async () => {
    const { store } = local();
    await store.putVideoIfNew(video());

    await expect(store.updateVideo('vid1', {}, ['title'])).rejects.toThrow(
      /title is not an optional field/,
    );
  });

  it('keeps toHarvest only while the harvest is unfinished', async () => {
    const { store, client, tables } = local();
    await store.putVideoIfNew(video());
    const raw = async () =>
      (
        await client.send(
          new GetCommand({
            TableName: tables.videos,
            Key: { videoId: 'vid1' },
          }),
        )
      ).Item;

    expect((await raw())?.toHarvest).toBe('1');
    await store.updateVideo('vid1', { harvestStatus: 'harvesting' });
    expect((await raw())?.toHarvest).toBe('1');
    await store.updateVideo('vid1', { harvestStatus: 'commentsDisabled' });
    expect(await raw()).not.toHaveProperty('toHarvest');
    expect((await raw())?.publishedDay).toBe('2024-03-10');
  });

  it('lists unfinished videos oldest discovery first, up to the limit', async () => {
    const { store } = local();
    await store.putVideoIfNew(
      video({ videoId: 'c', discoveredAt: '2024-03-03T00:00:00.000Z' }),
    );
    await store.putVideoIfNew(
      video({ videoId: 'a', discoveredAt: '2024-03-01T00:00:00.000Z' }),
    );
    await store.putVideoIfNew(
      video({
        videoId: 'b',
        discoveredAt: '2024-03-02T00:00:00.000Z',
        harvestStatus: 'harvesting',
      }),
    );
    await store.putVideoIfNew(
      video({
        videoId: 'done',
        discoveredAt: '2024-02-01T00:00:00.000Z',
        harvestStatus: 'done',
      }),
    );

    const two = await store.listVideosToHarvest(2);
    await store.updateVideo('a', { harvestStatus: 'notFound' });
    const rest = await store.listVideosToHarvest(10);

    expect(two.map((v) => v.videoId)).toEqual(['a', 'b']);
    expect(rest.map((v) => v.videoId)).toEqual(['b', 'c']);
    expect(rest[0]).not.toHaveProperty('toHarvest');
  });

  it('lists videos published in [since, until) across UTC days', async () => {
    const { store } = local();
    const times = {
      before: '2024-03-09T23:59:59Z',
      atSince: '2024-03-10T06:00:00Z',
      nextDay: '2024-03-11T00:00:00Z',
      lastDay: '2024-03-12T05:59:59Z',
      atUntil: '2024-03-12T06:00:00Z',
    };
    for (const [videoId, publishedAt] of Object.entries(times)) {
      await store.putVideoIfNew(video({ videoId, publishedAt }));
    }

    const found = await store.listVideosPublishedSince(
      '2024-03-10T06:00:00.000Z',
      '2024-03-12T06:00:00.000Z',
    );

    expect(found.map((v) => v.videoId).sort()).toEqual(
      ['atSince', 'lastDay', 'nextDay'].sort(),
    );
  });

  it('rejects a since that is not a time, naming it', async () => {
    const { store } = local();

    await expect(
      store.listVideosPublishedSince('yesterday', '2024-03-12T00:00:00Z'),
    ).rejects.toThrow(/since must be an ISO time.*"yesterday"/);
  });
});
