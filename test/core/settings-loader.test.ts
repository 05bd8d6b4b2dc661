import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingsError } from '../../lambda/core/settings';
import { loadSettings } from '../../lambda/core/settings-loader';

const valid = { sources: { searches: ['homelab tips'] } };

function problemsOf(env: Record<string, string>, cwd?: string): string[] {
  try {
    loadSettings({ env, ...(cwd ? { cwd } : {}) });
  } catch (error) {
    if (error instanceof SettingsError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a SettingsError');
}

describe('loadSettings', () => {
  it('fills every default from a minimal file', () => {
    const settings = loadSettings({
      env: { PIPELINE_SETTINGS: JSON.stringify(valid) },
    });
    expect(settings.quota).toEqual({
      model: 'split',
      dailyUnits: 10_000,
      searchCallsPerDay: 100,
      searchCostUnits: 100,
      searchShare: 0.25,
      reserveUnits: 500,
    });
    expect(settings.schedule.cron).toBe('TZ=UTC */10 * * * *');
    expect(settings.sources.channels).toEqual([]);
  });

  it('reads pipeline.config.json from the working directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'settings-'));
    writeFileSync(join(dir, 'pipeline.config.json'), JSON.stringify(valid));
    expect(loadSettings({ env: {}, cwd: dir }).sources.searches).toEqual([
      'homelab tips',
    ]);
  });

  it('names the field, the value and the fix for a bad channel id', () => {
    const [problem] = problemsOf({
      PIPELINE_SETTINGS: JSON.stringify({ sources: { channels: ['UC123'] } }),
    });
    expect(problem).toContain('sources.channels.0');
    expect(problem).toContain('"UC123"');
    expect(problem).toContain('"UC" followed by 22');
  });

  it('reports every bad field at once, cross-field rules included', () => {
    const problems = problemsOf({
      PIPELINE_SETTINGS: JSON.stringify({
        ...valid,
        quota: { dailyUnits: 100, reserveUnits: 200 },
        harvest: { concurrency: 0 },
      }),
    });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(
      /harvest\.concurrency: got 0 .*too small: expected number to be >=1; videos harvested at once, 1-50/,
    );
    expect(problems.join('\n')).toMatch(
      /reserveUnits must be smaller than quota\.dailyUnits/,
    );
  });

  it('rejects an unknown field and says to remove it', () => {
    const [problem] = problemsOf({
      PIPELINE_SETTINGS: JSON.stringify({ ...valid, sorces: {} }),
    });
    expect(problem).toMatch(/unknown field "sorces": remove it/);
  });

  it('requires at least one source', () => {
    const [problem] = problemsOf({
      PIPELINE_SETTINGS: JSON.stringify({ sources: {} }),
    });
    expect(problem).toMatch(/^sources: .*at least one channel id/);
  });

  it('applies environment overrides and validates them too', () => {
    const env = {
      PIPELINE_SETTINGS: JSON.stringify(valid),
      QUOTA_MODEL: 'unified',
      YOUTUBE_BASE_URL: 'http://127.0.0.1:9/youtube/v3',
    };
    const settings = loadSettings({ env });
    expect(settings.quota.model).toBe('unified');
    expect(settings.youtube.baseUrl).toBe('http://127.0.0.1:9/youtube/v3');
    const [problem] = problemsOf({ ...env, QUOTA_MODEL: 'legacy' });
    expect(problem).toMatch(/quota\.model: got "legacy".*"split"/);
    expect(problem).toContain('QUOTA_MODEL');
  });

  it('explains a missing file and broken JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'settings-'));
    expect(problemsOf({}, dir)[0]).toMatch(/does not exist; create/);
    expect(problemsOf({ PIPELINE_SETTINGS: '{oops' })[0]).toMatch(
      /PIPELINE_SETTINGS is not valid JSON/,
    );
  });
});
