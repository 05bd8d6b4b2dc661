import type { DomainRecord, MentionRecord } from '../../lambda/core/model';
import { countItems } from '../helpers/count-items';
import { withLocalStore } from '../helpers/dynalite';

const domain = (name: string, firstSeenAt: string): DomainRecord => ({
  domain: name,
  firstSeenAt,
  firstVideoId: 'vid1',
  firstCommentId: 'c1',
  sampleLink: `https://${name}/a`,
  shortener: false,
});

const mention = (over: Partial<MentionRecord> = {}): MentionRecord => ({
  domain: 'example.com',
  videoId: 'vid1',
  commentId: 'c1',
  link: 'https://example.com/a',
  seenAt: '2024-03-10T08:00:00.000Z',
  ...over,
});

describe('dynamo store: domains and mentions', () => {
  const local = withLocalStore();

  it('creates a domain once and reads it back as stored', async () => {
    const { store, client, tables } = local();
    const first = domain('example.com', '2024-03-10T08:00:00.000Z');

    const created = await store.putDomainIfNew(first);
    const again = await store.putDomainIfNew({
      ...first,
      firstSeenAt: '2024-03-11T08:00:00.000Z',
    });

    expect([created, again]).toEqual([true, false]);
    expect(await store.getDomain('example.com')).toEqual(first);
    expect(await store.getDomain('unknown.org')).toBeUndefined();
    expect(await countItems(client, tables.domains)).toBe(1);
  });

  it('counts each comment once per domain', async () => {
    const { store, client, tables } = local();

    const results = [
      await store.putMentionIfNew(mention()),
      await store.putMentionIfNew(mention({ link: 'https://example.com/b' })),
      await store.putMentionIfNew(mention({ commentId: 'c2' })),
      await store.putMentionIfNew(mention({ videoId: 'vid2' })),
      await store.putMentionIfNew(mention({ domain: 'other.org' })),
    ];

    expect(results).toEqual([true, false, true, true, true]);
    expect(await store.countMentions('example.com')).toBe(3);
    expect(await store.countMentions('other.org')).toBe(1);
    expect(await store.countMentions('none.net')).toBe(0);
    expect(await countItems(client, tables.mentions)).toBe(4);
  });

  it('counts mentions past one Query page', async () => {
    const { store, client } = local();
    // Long links make 1 MB Query pages fill up before the count ends.
    const link = `https://example.com/${'x'.repeat(30_000)}`;
    for (let i = 0; i < 40; i++) {
      await store.putMentionIfNew(mention({ commentId: `c${i}`, link }));
    }

    const send = jest.spyOn(client, 'send');

    expect(await store.countMentions('example.com')).toBe(40);
    expect(send.mock.calls.length).toBeGreaterThan(1);
  });

  it('lists domains first seen in [from, to) across days, oldest first', async () => {
    const { store } = local();
    const seen = {
      'before.com': '2024-03-09T23:59:59.999Z',
      'at-from.com': '2024-03-10T12:00:00.000Z',
      'late.com': '2024-03-10T23:59:59.999Z',
      'midnight.com': '2024-03-11T00:00:00.000Z',
      'last.com': '2024-03-12T11:59:59.999Z',
      'at-to.com': '2024-03-12T12:00:00.000Z',
      'after.com': '2024-03-13T00:00:00.000Z',
    };
    for (const [name, at] of Object.entries(seen)) {
      await store.putDomainIfNew(domain(name, at));
    }

    const listed = await store.listNewDomains(
      '2024-03-10T12:00:00.000Z',
      '2024-03-12T12:00:00.000Z',
    );

    expect(listed.map((d) => d.domain)).toEqual([
      'at-from.com',
      'late.com',
      'midnight.com',
      'last.com',
    ]);
    expect(listed[0]).toEqual(domain('at-from.com', seen['at-from.com']));
  });

  it('lists nothing for an empty or reversed range', async () => {
    const { store } = local();
    await store.putDomainIfNew(domain('a.com', '2024-03-10T12:00:00.000Z'));

    const at = '2024-03-10T12:00:00.000Z';
    expect(await store.listNewDomains(at, at)).toEqual([]);
    expect(await store.listNewDomains('2024-03-11T00:00:00.000Z', at)).toEqual(
      [],
    );
  });
});
