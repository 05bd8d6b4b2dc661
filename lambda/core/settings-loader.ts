import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { type Settings, SettingsError, SettingsSchema } from './settings';

type Env = Readonly<Record<string, string | undefined>>;

/** The settings file read when `PIPELINE_CONFIG` does not name another. */
export const DEFAULT_SETTINGS_FILE = 'pipeline.config.json';

/**
 * Reads the settings: JSON from `PIPELINE_SETTINGS` (how the Lambda gets
 * them), else the file named by `PIPELINE_CONFIG`, else
 * `pipeline.config.json` in `cwd`. A few environment variables override
 * single fields, for local runs and tests. Throws `SettingsError` naming
 * every bad field, its value and the fix.
 */
export function loadSettings(options: { env: Env; cwd?: string }): Settings {
  const { env } = options;
  const raw = readRaw(env, options.cwd ?? process.cwd());
  applyOverrides(raw, env);
  return parseSettings(raw.value, raw.origin);
}

/** Like loadSettings, but undefined when no settings are given at all. */
export function settingsIfPresent(env: Env, cwd = process.cwd()) {
  const given =
    env.PIPELINE_SETTINGS ||
    env.PIPELINE_CONFIG ||
    existsSync(resolve(cwd, DEFAULT_SETTINGS_FILE));
  return given ? loadSettings({ env, cwd }) : undefined;
}

/** Validates already-parsed settings; `origin` names where they came from. */
export function parseSettings(value: unknown, origin: string): Settings {
  const result = SettingsSchema.safeParse(value);
  if (result.success) return result.data;
  throw new SettingsError(
    result.error.issues.map((issue) => describeIssue(issue, value, origin)),
  );
}

interface RawSettings {
  value: Record<string, unknown>;
  origin: string;
}

function readRaw(env: Env, cwd: string): RawSettings {
  if (env.PIPELINE_SETTINGS) {
    return {
      value: parseJson(env.PIPELINE_SETTINGS, 'PIPELINE_SETTINGS'),
      origin: 'PIPELINE_SETTINGS',
    };
  }
  const path = resolve(cwd, env.PIPELINE_CONFIG ?? DEFAULT_SETTINGS_FILE);
  if (!existsSync(path)) {
    const fix = env.PIPELINE_CONFIG
      ? 'point PIPELINE_CONFIG at an existing JSON file'
      : `create ${DEFAULT_SETTINGS_FILE} (see README, "Configuration")`;
    throw new SettingsError([`settings file ${path} does not exist; ${fix}`]);
  }
  return { value: parseJson(readFileSync(path, 'utf8'), path), origin: path };
}

function parseJson(text: string, origin: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SettingsError([
      `${origin} is not valid JSON (${(error as Error).message}); fix the syntax`,
    ]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SettingsError([
      `${origin} must hold a JSON object, got ${JSON.stringify(value)}`,
    ]);
  }
  return value as Record<string, unknown>;
}

/** Environment variables that override one field each. */
const OVERRIDES: ReadonlyArray<{
  readonly env: string;
  readonly path: readonly [string, string];
  readonly number?: boolean;
}> = [
  { env: 'YOUTUBE_BASE_URL', path: ['youtube', 'baseUrl'] },
  { env: 'QUOTA_MODEL', path: ['quota', 'model'] },
  { env: 'QUOTA_DAILY_UNITS', path: ['quota', 'dailyUnits'], number: true },
  { env: 'SCHEDULE_CRON', path: ['schedule', 'cron'] },
];

function applyOverrides(raw: RawSettings, env: Env): void {
  for (const override of OVERRIDES) {
    const text = env[override.env];
    if (text === undefined || text === '') continue;
    const [group, field] = override.path;
    const current = raw.value[group];
    const section =
      typeof current === 'object' && current !== null ? current : {};
    raw.value[group] = {
      ...section,
      [field]: override.number ? Number(text) : text,
    };
    raw.origin = `${raw.origin} with ${override.env}`;
  }
}

function describeIssue(
  issue: z.core.$ZodIssue,
  root: unknown,
  origin: string,
): string {
  const path = issue.path.map(String);
  const field = path.length > 0 ? path.join('.') : '(root)';
  const value = valueAt(root, path);
  const shown = value === undefined ? 'nothing' : JSON.stringify(value);
  return `${field}: got ${shown} (${origin}); ${fixOf(issue, path)}`;
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function fixOf(issue: z.core.$ZodIssue, path: readonly string[]): string {
  // Cross-field rules carry their own fix as the message.
  if (issue.code === 'custom') return issue.message;
  if (issue.code === 'unrecognized_keys') {
    return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove it or check the spelling`;
  }
  const fix = fixFor(path);
  if (!fix) return issue.message;
  // Range and type errors: the rule broken, then what the field is for.
  const rule = ['too_small', 'too_big', 'invalid_type'].includes(issue.code);
  return rule ? `${issue.message.toLowerCase()}; ${fix}` : fix;
}

/** The description of the deepest schema node on the path, as the fix. */
function fixFor(path: readonly string[]): string | undefined {
  let node: z.ZodType | undefined = SettingsSchema;
  let fix = describe(node);
  for (const key of path) {
    node = childOf(node, key);
    if (!node) break;
    fix = describe(node) ?? fix;
  }
  return fix;
}

/** A node's description, looking through default and optional wrappers. */
function describe(node: z.ZodType): string | undefined {
  if (node.description) return node.description;
  const def = defOf(node);
  const inner = def?.innerType as z.ZodType | undefined;
  return inner ? describe(inner) : undefined;
}

function childOf(node: z.ZodType, key: string): z.ZodType | undefined {
  const def = defOf(node);
  if (!def) return undefined;
  // Wrappers (default, optional) hold the inner type.
  const inner = def.innerType as z.ZodType | undefined;
  if (inner) return childOf(inner, key);
  if (def.shape) return (def.shape as Record<string, z.ZodType>)[key];
  if (def.element && /^\d+$/.test(key)) return def.element as z.ZodType;
  return undefined;
}

/** Zod 4 keeps a schema's structure on `def`; only reached for messages. */
function defOf(node: z.ZodType): Record<string, unknown> | undefined {
  return (node as unknown as { def?: Record<string, unknown> }).def;
}
