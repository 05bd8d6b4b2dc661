import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEnvironment } from '../../lambda/cli/environment';
import { silentLog } from '../../lambda/core/deps';
import { SettingsError } from '../../lambda/core/settings';

describe('openEnvironment', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'pipeline-data-'));

  it('runs offline by default and says so in one line', async () => {
    const env = await openEnvironment({
      env: {
        PIPELINE_DATA_DIR: dataDir(),
        PIPELINE_SETTINGS: JSON.stringify({
          sources: { searches: ['homelab tips'] },
        }),
      },
      log: silentLog,
    });
    try {
      expect(env.offline).toEqual({ store: true, youtube: true });
      expect(env.description).toMatch(
        /^Offline: YouTube from the local replica \(no YOUTUBE_API_KEY set\), embedded DynamoDB \(dynalite\) in .*\.$/,
      );
      expect(env.context.settings.youtube.baseUrl).toMatch(
        /^http:\/\/127\.0\.0\.1:\d+\/youtube\/v3$/,
      );
    } finally {
      await env.close();
    }
  });

  it('fails at start on a bad setting, naming field, value and fix', async () => {
    const opening = openEnvironment({
      env: {
        PIPELINE_DATA_DIR: dataDir(),
        PIPELINE_SETTINGS: JSON.stringify({
          sources: { searches: ['homelab tips'] },
          harvest: { maxPagesPerVideo: 0 },
        }),
      },
      log: silentLog,
    });
    await expect(opening).rejects.toBeInstanceOf(SettingsError);
    await expect(opening).rejects.toThrow(
      /harvest\.maxPagesPerVideo: got 0 .*pages of 100 comment threads/,
    );
  });
});
