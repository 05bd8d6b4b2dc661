import { PassThrough } from 'node:stream';
import { backfillCommand } from '../../lambda/cli/backfill';
import { silentLog } from '../../lambda/core/deps';
import { createPipelineContext } from '../../lambda/wiring';
import { withLocalStore } from '../helpers/dynalite';
import { testSettings } from '../helpers/settings';

const NOW = new Date('2026-03-10T18:00:00.000Z');

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return { stream, text: () => text };
}

describe('pipeline backfill extract', () => {
  const store = withLocalStore({ clock: () => NOW });

  it('re-extracts stored comments with a summary table, and a rerun adds nothing', async () => {
    const { tables, endpoint, store: s } = store();
    await s.putComments([
      {
        videoId: 'dQw4w9WgXcQ',
        commentId: 'c1',
        text: 'see https://example.com/a',
        publishedAt: NOW.toISOString(),
      },
      {
        videoId: 'dQw4w9WgXcQ',
        commentId: 'c2',
        text: 'and www.example.org',
        publishedAt: NOW.toISOString(),
      },
    ]);
    const context = createPipelineContext({
      settings: testSettings(),
      tables,
      dynamoEndpoint: endpoint,
      youtubeApiKey: 'unused',
      log: silentLog,
      clock: () => NOW,
    });
    const run = async () => {
      const out = capture();
      const totals = await backfillCommand(
        context,
        { kind: 'extract' },
        {
          stdout: out.stream,
          stderr: new PassThrough(),
        },
      );
      return { totals, text: out.text() };
    };

    const first = await run();
    const again = await run();

    expect(first.totals).toEqual({ comments: 2, mentions: 2, newDomains: 2 });
    expect(first.text).toMatch(/new domains\s*│ 2/);
    expect(first.text).toMatch(/quota units used\s*│ 0/);
    expect(again.totals).toEqual({ comments: 2, mentions: 0, newDomains: 0 });
    expect(await s.getDomain('example.org')).toMatchObject({
      firstCommentId: 'c2',
    });
  });
});
