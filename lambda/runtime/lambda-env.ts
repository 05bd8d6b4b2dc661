import type { Settings } from '../core/settings';
import { SettingsError } from '../core/settings';
import { loadSettings } from '../core/settings-loader';
import { ConfigurationError } from '../inngest/runtime';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The Lambda's settings: the settings file as JSON in PIPELINE_SETTINGS.
 * Unlike a local run it never falls back to a file, which the bundle does
 * not carry. Returns the error instead of throwing it, so the endpoint
 * still starts and each function run can name the problem.
 */
export function settingsFromEnv(
  env: Env,
): { value: Settings } | { error: Error } {
  if (!env.PIPELINE_SETTINGS) {
    return {
      error: new ConfigurationError(
        'PIPELINE_SETTINGS',
        'not set; it carries pipeline.config.json as JSON and the stack sets it on deploy, so redeploy the stack',
      ),
    };
  }
  try {
    return { value: loadSettings({ env }) };
  } catch (error) {
    if (error instanceof SettingsError) return { error };
    throw error;
  }
}

/** The stage named on every metric: PIPELINE_STAGE, else `dev`. */
export function stageFromEnv(env: Env): string {
  return env.PIPELINE_STAGE?.trim() || 'dev';
}

/** The fix printed when a function needs the YouTube key and has none. */
export const YOUTUBE_KEY_FIX =
  'not set; set YOUTUBE_API_KEY_SECRET_ARN to the Secrets Manager secret holding the key (the stack does this), or YOUTUBE_API_KEY for a local run';

/**
 * INNGEST_MAX_RUNTIME_MS (set by the stack a minute under the Lambda
 * timeout), or undefined for the SDK's default. A bad value is reported
 * and ignored: the endpoint must stay up to be diagnosed.
 */
export function maxRuntimeFromEnv(env: Env): {
  value?: number;
  problem?: string;
} {
  const raw = env.INNGEST_MAX_RUNTIME_MS?.trim();
  if (!raw) return {};
  const value = Number(raw);
  if (Number.isInteger(value) && value > 0) return { value };
  return {
    problem: `INNGEST_MAX_RUNTIME_MS: got ${JSON.stringify(raw)}; give whole milliseconds, e.g. 240000, or unset it for the SDK default`,
  };
}
