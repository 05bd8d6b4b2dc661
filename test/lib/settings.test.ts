import { parseStackSettings, StackSettingsError } from '../../lib/settings';

const problemsOf = (context: Record<string, unknown>): string[] => {
  try {
    parseStackSettings(context);
  } catch (error) {
    if (error instanceof StackSettingsError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a StackSettingsError');
};

describe('parseStackSettings', () => {
  it('defaults to prod with the production Inngest environment', () => {
    expect(parseStackSettings({})).toEqual({
      stage: 'prod',
      alertEmails: [],
      schedule: 'rate(5 minutes)',
      stallMinutes: 30,
      newDomainsPerWeek: 200,
      logRetentionDays: 30,
      runbookUrl: 'docs/runbook.md',
      settingsFile: 'pipeline.config.json',
      inngestEnv: undefined,
    });
  });

  it('splits comma-separated alert e-mails given with -c', () => {
    expect(
      parseStackSettings({ alertEmails: 'a@example.org, b@example.org' })
        .alertEmails,
    ).toEqual(['a@example.org', 'b@example.org']);
  });

  it('reads numbers that arrive as strings from the command line', () => {
    const settings = parseStackSettings({
      stallMinutes: '45',
      logRetentionDays: '90',
    });
    expect(settings.stallMinutes).toBe(45);
    expect(settings.logRetentionDays).toBe(90);
  });

  it('names the Inngest environment after a non-prod stage', () => {
    expect(parseStackSettings({ stage: 'staging' }).inngestEnv).toBe('staging');
    expect(
      parseStackSettings({ stage: 'staging', inngestEnv: 'qa-branch' })
        .inngestEnv,
    ).toBe('qa-branch');
  });

  it('names the field, the value and the fix for each bad value', () => {
    const problems = problemsOf({
      stage: 'Prod!',
      alertEmails: 'ops@example.org,not-an-email',
      logRetentionDays: '31',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^stage = "Prod!": a stage is 2-20 lowercase/),
      expect.stringMatching(
        /^alertEmails = "ops@example.org,not-an-email": give e-mail addresses/,
      ),
      expect.stringMatching(/^logRetentionDays = "31": log retention in days/),
    ]);
  });

  it('refuses a Slack workspace without a channel', () => {
    expect(problemsOf({ slackWorkspaceId: 'T01ABCDEF23' })).toEqual([
      expect.stringContaining('give both for AWS Chatbot, or neither'),
    ]);
  });

  it('refuses an Inngest environment on prod, which would hide a typo', () => {
    expect(problemsOf({ inngestEnv: 'staging' })).toEqual([
      expect.stringMatching(/^inngestEnv = "staging": stage prod uses/),
    ]);
  });

  it('refuses a schedule EventBridge would reject', () => {
    expect(problemsOf({ schedule: 'every 5 minutes' })).toEqual([
      expect.stringContaining('"rate(5 minutes)"'),
    ]);
  });
});
