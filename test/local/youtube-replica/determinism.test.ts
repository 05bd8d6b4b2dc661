import { startReplica } from '../../../local/youtube-replica';
import { CHANNEL, KEY, NOW } from './helpers';

async function bodies(seed: string): Promise<string[]> {
  const replica = await startReplica({ seed, now: () => NOW });
  try {
    const base = replica.baseUrl;
    const paths = [
      `channels?part=contentDetails&id=${CHANNEL}`,
      `playlistItems?part=snippet,contentDetails&maxResults=50&playlistId=UU${CHANNEL.slice(2)}`,
      'search?part=snippet&type=video&order=date&maxResults=50&q=knitting',
    ];
    const out: string[] = [];
    for (const path of paths) {
      const response = await fetch(`${base}/${path}&key=${KEY}`);
      out.push(await response.text());
    }
    const playlist = JSON.parse(out[1] ?? '{}');
    const videoId = playlist.items[0].contentDetails.videoId;
    const threads = await fetch(
      `${base}/commentThreads?part=snippet,replies&videoId=${videoId}&maxResults=100&key=${KEY}`,
    );
    out.push(await threads.text());
    return out;
  } finally {
    await replica.close();
  }
}

describe('replica determinism', () => {
  it('answers byte for byte the same for the same seed and clock', async () => {
    const first = await bodies('same');
    expect(await bodies('same')).toEqual(first);
    expect(await bodies('other')).not.toEqual(first);
  });
});
