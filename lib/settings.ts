import * as z from 'zod';

/**
 * Stack settings: what differs between deployments of the same code. Read
 * from CDK context (`-c key=value` or cdk.json) and validated at synth time,
 * so a typo fails `cdk synth` with the field, the value and the fix instead
 * of deploying something half right. The pipeline's own behaviour (sources,
 * quota, cron) lives in the pipeline settings file, see ./pipeline-config.
 */

/** Retention periods CloudWatch Logs accepts, in days. */
const RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,
  2192, 2557, 2922, 3288, 3653,
];

/** The fix printed for a bad value, by context key. */
const FIXES = {
  stage:
    'a stage is 2-20 lowercase letters, digits or "-" starting with a letter, e.g. -c stage=staging',
  alertEmails:
    'give e-mail addresses separated by commas, e.g. -c alertEmails=a@example.org,b@example.org',
  schedule:
    'the watchdog schedule is an EventBridge expression such as "rate(5 minutes)"',
  stallMinutes:
    'minutes without a successful discovery before alerting: a whole number 15-1440',
  newDomainsPerWeek:
    'the expected pace of new domains a week: a whole number 1-100000',
  logRetentionDays: `log retention in days, one of ${RETENTION_DAYS.join(', ')}`,
  slackWorkspaceId:
    'the Slack workspace (team) id authorized in AWS Chatbot, e.g. T01ABCDEF23',
  slackChannelId: 'the Slack channel id (not its name), e.g. C01ABCDEF23',
  inngestEnv:
    'an Inngest environment name (letters, digits, "-" or "_"), e.g. -c inngestEnv=staging',
  runbookUrl:
    'where readers find the runbook, e.g. https://github.com/you/repo/blob/main/docs/runbook.md',
  settingsFile: 'the pipeline settings file, relative to the repository root',
} as const;

type ContextKey = keyof typeof FIXES;

/** Context keys read by {@link readStackSettings}. */
export const CONTEXT_KEYS = Object.keys(FIXES) as ContextKey[];

/** `-c a@x.org,b@y.org` arrives as one string; cdk.json may hold an array. */
const emailList = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : value,
  z.array(z.email()),
);

/** Numbers given with `-c` arrive as strings. */
const wholeNumber = (min: number, max: number) =>
  z.coerce.number().int().min(min).max(max);

const slackId = z.string().regex(/^[A-Z0-9]{9,12}$/);

export const StackSettingsSchema = z.strictObject({
  stage: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,19}$/)
    .default('prod'),
  alertEmails: emailList.default([]),
  schedule: z
    .string()
    .regex(/^(rate\(\d+ (minute|minutes|hour|hours)\)|cron\(.+\))$/)
    .default('rate(5 minutes)'),
  stallMinutes: wholeNumber(15, 1440).default(30),
  newDomainsPerWeek: wholeNumber(1, 100_000).default(200),
  logRetentionDays: z.coerce
    .number()
    .refine((n) => RETENTION_DAYS.includes(n))
    .default(30),
  slackWorkspaceId: slackId.optional(),
  slackChannelId: slackId.optional(),
  inngestEnv: z
    .string()
    .regex(/^[A-Za-z0-9][\w-]{0,63}$/)
    .optional(),
  runbookUrl: z.string().min(1).default('docs/runbook.md'),
  settingsFile: z.string().min(1).default('pipeline.config.json'),
});

/** Validated stack settings. */
export type StackSettings = z.infer<typeof StackSettingsSchema>;

/** Bad stack settings: one line per problem, each with the fix. */
export class StackSettingsError extends Error {
  override readonly name = 'StackSettingsError';
  constructor(readonly problems: readonly string[]) {
    super(
      `invalid stack settings (CDK context):\n  - ${problems.join('\n  - ')}`,
    );
  }
}

/**
 * Validates stack settings given as context values (other keys, such as
 * feature flags, are ignored). A non-prod stage always gets an explicit
 * Inngest environment, its stage name unless `inngestEnv` says otherwise,
 * so a staging deploy never registers into production by accident.
 */
export function parseStackSettings(
  context: Readonly<Record<string, unknown>>,
): StackSettings {
  const raw: Record<string, unknown> = {};
  for (const key of CONTEXT_KEYS) {
    if (context[key] !== undefined) raw[key] = context[key];
  }
  const result = StackSettingsSchema.safeParse(raw);
  if (!result.success) {
    throw new StackSettingsError(
      result.error.issues.map((issue) => {
        const key = String(issue.path[0]) as ContextKey;
        return `${key} = ${JSON.stringify(raw[key])}: ${FIXES[key]}`;
      }),
    );
  }
  const settings = result.data;
  const problems: string[] = [];
  if (!settings.slackWorkspaceId !== !settings.slackChannelId) {
    problems.push(
      `slackWorkspaceId = ${JSON.stringify(settings.slackWorkspaceId)}, slackChannelId = ${JSON.stringify(settings.slackChannelId)}: give both for AWS Chatbot, or neither`,
    );
  }
  if (settings.stage === 'prod' && settings.inngestEnv) {
    problems.push(
      `inngestEnv = ${JSON.stringify(settings.inngestEnv)}: stage prod uses the Inngest production environment; drop -c inngestEnv or set -c stage=<name>`,
    );
  }
  if (problems.length > 0) throw new StackSettingsError(problems);
  const inngestEnv =
    settings.stage === 'prod'
      ? undefined
      : (settings.inngestEnv ?? settings.stage);
  return { ...settings, inngestEnv };
}

/** Reads and validates the stack settings from a construct's context. */
export function readStackSettings(node: {
  tryGetContext(key: string): unknown;
}): StackSettings {
  const context: Record<string, unknown> = {};
  for (const key of CONTEXT_KEYS) context[key] = node.tryGetContext(key);
  return parseStackSettings(context);
}
