import '../helpers/inngest-als';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DevServer, startDevServer } from '../../bin/dev-server';
import { silentLog } from '../../lambda/core/deps';

describe('dev server', () => {
  let dataDir: string;
  let dev: DevServer;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dev-server-'));
    dev = await startDevServer({
      env: {
        PIPELINE_DATA_DIR: dataDir,
        PIPELINE_SETTINGS: JSON.stringify({
          sources: { channels: ['UCaaaaaaaaaaaaaaaaaaaaaa'] },
        }),
      },
      port: 0,
      log: silentLog,
    });
  });
  afterEach(async () => {
    await dev.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the four functions in dev mode at /api/inngest', async () => {
    const response = await fetch(dev.url);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      mode: 'dev',
      function_count: 4,
    });
    expect(dev.url).toMatch(/^http:\/\/localhost:\d+\/api\/inngest$/);
  });

  it('runs a function against the offline store and the replica', async () => {
    const event = { name: 'pipeline/discovery.requested', data: {} };
    const url = new URL(dev.url);
    url.searchParams.set('fnId', 'youtube-domain-pipeline-discover-videos');
    url.searchParams.set('stepId', 'step');

    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        event,
        events: [event],
        steps: {},
        ctx: { run_id: 'dev-run', attempt: 0 },
      }),
    });

    // 206: the first step ran and its result is handed back to Inngest.
    expect(response.status).toBe(206);
    const [op] = (await response.json()) as { op: string; data: unknown }[];
    expect(op).toMatchObject({
      op: 'StepRun',
      data: { plan: expect.objectContaining({ sources: expect.any(Array) }) },
    });
  });

  it('answers other paths with 404', async () => {
    const response = await fetch(new URL('/elsewhere', dev.url));

    expect(response.status).toBe(404);
  });
});
