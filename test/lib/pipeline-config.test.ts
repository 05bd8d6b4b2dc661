import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingsError } from '../../lambda/core/settings';
import {
  MAX_SETTINGS_ENV_BYTES,
  readPipelineConfig,
  settingsEnvValue,
} from '../../lib/pipeline-config';
import { PIPELINE_SETTINGS } from './helpers/synth';

const dir = mkdtempSync(join(tmpdir(), 'pipeline-config-'));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};

const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as Error).message;
  }
  throw new Error('expected a SettingsError');
};

describe('readPipelineConfig', () => {
  it('validates the file with the core schema and fills defaults', () => {
    const file = write(
      'ok.json',
      JSON.stringify({ sources: { searches: ['homelab'] } }),
    );
    const settings = readPipelineConfig(file, dir);
    expect(settings.sources.searches).toEqual(['homelab']);
    expect(settings.quota.dailyUnits).toBe(10_000);
  });

  it('says how to fix a missing file', () => {
    expect(messageOf(() => readPipelineConfig('absent.json', dir))).toMatch(
      /settingsFile = "absent.json": .* does not exist; create it .* -c settingsFile=<path>/,
    );
  });

  it('names the bad field and its value', () => {
    const file = write(
      'bad.json',
      JSON.stringify({ sources: { channels: ['nope'] } }),
    );
    expect(messageOf(() => readPipelineConfig(file, dir))).toContain(
      'sources.channels.0: got "nope"',
    );
  });

  it('reports broken JSON', () => {
    const file = write('broken.json', '{ "sources": ');
    expect(messageOf(() => readPipelineConfig(file, dir))).toMatch(
      /is not valid JSON/,
    );
  });

  it('validates the repository settings file that deploys', () => {
    expect(() => readPipelineConfig('pipeline.config.json')).not.toThrow();
  });
});

describe('settingsEnvValue', () => {
  it('passes the settings as JSON', () => {
    expect(JSON.parse(settingsEnvValue(PIPELINE_SETTINGS))).toEqual(
      PIPELINE_SETTINGS,
    );
  });

  it('refuses settings too large for the Lambda environment', () => {
    const searches = Array.from(
      { length: 40 },
      (_, i) => `query ${i} ${'x'.repeat(60)}`,
    );
    const big = {
      ...PIPELINE_SETTINGS,
      sources: { channels: [], searches },
    };
    expect(messageOf(() => settingsEnvValue(big))).toContain(
      `over the ${MAX_SETTINGS_ENV_BYTES}`,
    );
  });
});
