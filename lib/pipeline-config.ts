import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Settings, SettingsError } from '../lambda/core/settings';
import { parseSettings } from '../lambda/core/settings-loader';
import { REPO_ROOT } from './paths';

/**
 * Lambda caps all environment variables of a function at 4 KB together;
 * leave room for the table names, ARNs and the rest beside the settings.
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html
 */
export const MAX_SETTINGS_ENV_BYTES = 2_500;

/**
 * Reads the pipeline settings file and validates it with the core's schema
 * at synth time, so a bad file fails `cdk synth` rather than the first run
 * in AWS. Returns the settings with defaults filled in, as the serve Lambda
 * will read them from `PIPELINE_SETTINGS`.
 */
export function readPipelineConfig(file: string, root = REPO_ROOT): Settings {
  const path = resolve(root, file);
  if (!existsSync(path)) {
    throw new SettingsError([
      `settingsFile = ${JSON.stringify(file)}: ${path} does not exist; create it (see README, "Configuration") or pass -c settingsFile=<path>`,
    ]);
  }
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SettingsError([
      `${path} is not valid JSON (${(error as Error).message}); fix the syntax`,
    ]);
  }
  return parseSettings(value, path);
}

/** The settings as the `PIPELINE_SETTINGS` value, checked against the cap. */
export function settingsEnvValue(settings: Settings): string {
  const json = JSON.stringify(settings);
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_SETTINGS_ENV_BYTES) {
    throw new SettingsError([
      `pipeline settings are ${bytes} bytes as JSON, over the ${MAX_SETTINGS_ENV_BYTES} that fit beside the other Lambda environment variables (4 KB in all); list fewer sources or shorter queries`,
    ]);
  }
  return json;
}
