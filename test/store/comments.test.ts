import {
  BatchGetCommand,
  type BatchGetCommandInput,
  GetCommand,
} from '@aws-sdk/lib-dynamodb';
import type { CommentRecord } from '../../lambda/core/model';
import { countItems } from '../helpers/count-items';
import { withLocalStore } from '../helpers/dynalite';

const comment = (id: string, over: Partial<CommentRecord> = {}) => ({
  videoId: 'vid1',
  commentId: id,
  text: `comment ${id} see https://example.com/${id}`,
  publishedAt: '2024-03-10T08:00:00Z',
  ...over,
});

const ids = (n: number, prefix = 'c') =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);

describe('dynamo store: comments', () => {
  const local = withLocalStore({
    clock: () => new Date('2024-03-11T00:00:00.000Z'),
  });

  it('returns only the ids that were new and stores each once', async () => {
    const { store, client, tables } = local();

    const first = await store.putComments([comment('a'), comment('b')]);
    const second = await store.putComments([
      comment('b'),
      comment('c'),
      comment('c'),
    ]);
    const again = await store.putComments([comment('a'), comment('c')]);

    expect(first).toEqual(['a', 'b']);
    expect(second).toEqual(['c']);
    expect(again).toEqual([]);
    expect(await countItems(client, tables.comments)).toBe(3);
  });

  it('stamps storedAt but reads back the plain record', async () => {
    const { store, client, tables } = local();
    const stored = comment('a', { parentId: 'p', likeCount: 7 });
    await store.putComments([stored]);

    const raw = await client.send(
      new GetCommand({
        TableName: tables.comments,
        Key: { videoId: 'vid1', commentId: 'a' },
      }),
    );
    const [read] = await store.getComments('vid1', ['a']);

    expect(raw.Item?.storedAt).toBe('2024-03-11T00:00:00.000Z');
    expect(read).toEqual(stored);
    expect(read && 'authorChannelId' in read).toBe(false);
  });

  it('gets more than 100 comments in the order asked, skipping unknown ids', async () => {
    const { store } = local();
    const all = ids(250);
    await store.putComments(all.map((id) => comment(id)));
    const asked = [...all].reverse().concat(['nope']);

    const found = await store.getComments('vid1', asked);

    expect(found).toHaveLength(250);
    expect(found.map((c) => c.commentId)).toEqual([...all].reverse());
  });

  it('retries keys that BatchGetItem leaves unprocessed', async () => {
    const { store, client } = local();
    await store.putComments(ids(5).map((id) => comment(id)));
    const realSend = client.send.bind(client);
    let batches = 0;
    // The first answer holds back two keys, as a throttled table would.
    jest.spyOn(client, 'send').mockImplementation((async (command: unknown) => {
      if (command instanceof BatchGetCommand && batches++ === 0) {
        const input = command.input as BatchGetCommandInput;
        const [table, request] =
          Object.entries(input.RequestItems ?? {})[0] ?? [];
        const keys = request?.Keys ?? [];
        const answer = await realSend(
          new BatchGetCommand({
            RequestItems: { [table as string]: { Keys: keys.slice(2) } },
          }),
        );
        return {
          ...answer,
          UnprocessedKeys: { [table as string]: { Keys: keys.slice(0, 2) } },
        };
      }
      return realSend(command as never);
    }) as never);

    const found = await store.getComments('vid1', ids(5));

    expect(found.map((c) => c.commentId)).toEqual(ids(5));
    expect(batches).toBe(2);
  });

  it('scans every comment a page at a time with an opaque key', async () => {
    const { store } = local();
    await store.putComments(ids(23).map((id) => comment(id)));
    await store.putComments(
      ids(4, 'x').map((id) => comment(id, { videoId: 'vid2' })),
    );

    const seen: string[] = [];
    let startKey: string | undefined;
    let pages = 0;
    do {
      const page = await store.scanComments(10, startKey);
      seen.push(...page.comments.map((c) => `${c.videoId}/${c.commentId}`));
      startKey = page.nextKey;
      pages++;
    } while (startKey);

    expect(new Set(seen).size).toBe(27);
    expect(seen).toHaveLength(27);
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('rejects a startKey it did not hand out', async () => {
    const { store } = local();

    await expect(store.scanComments(10, 'not a key')).rejects.toThrow(
      /startKey "not a key" is not a key returned as nextKey/,
    );
  });
});
