import { setTimeout as sleep } from 'node:timers/promises';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import type { Command as CommandType } from 'commander';
import { LOCAL_CYCLE } from '../core/cycle';
import type { Log } from '../core/deps';
import { lazy } from '../core/util/lazy';
import { DISCOVERY_HEARTBEAT } from '../ops/watchdog-check';
import { backfillCommand } from './backfill';
import {
  describeDeployment,
  openTargetContext,
  secretsManagerSource,
} from './deployed-context';
import { findTarget, type Target } from './deployment';
import { doctorExitCode, renderDoctor, runDoctor } from './doctor/command';
import { describeAlarms } from './doctor/readers';
import { parseInstant, UsageError } from './output';
import { formatStatus, readStatus } from './status';
import {
  formatTrigger,
  parseTriggerTarget,
  trigger,
  triggerExitCode,
  waitBar,
} from './trigger';

/**
 * The commands that operate a deployed stage, or the local setup when no
 * stage is found: doctor, trigger, status and backfill.
 */
export function addOperatorCommands(
  program: CommandType,
  log: () => Log,
): void {
  /** AWS clients, each built on first use with the SDK's default chain. */
  const aws = {
    cloudFormation: lazy(() => new CloudFormationClient({})),
    cloudWatch: lazy(() => new CloudWatchClient({})),
    secretsManager: lazy(() => new SecretsManagerClient({})),
    sns: lazy(() => new SNSClient({})),
  };

  interface TargetOptions {
    stage: string;
    local?: boolean;
  }

  /** --stage and --local, shared by the commands that work on a stage. */
  function withTargetOptions(command: CommandType): CommandType {
    return command
      .option(
        '--stage <stage>',
        'the deployed stage (stack youtube-domain-pipeline-<stage>)',
        process.env.PIPELINE_STAGE || 'prod',
      )
      .option('--local', 'use the local setup even when AWS is configured');
  }

  /** The deployed stage when AWS has it, else the local setup; says which. */
  async function resolveTarget(options: TargetOptions): Promise<Target> {
    const target = await findTarget({
      stage: options.stage,
      env: process.env,
      local: options.local === true,
      cloudFormation: aws.cloudFormation,
    });
    process.stderr.write(
      target.mode === 'deployed'
        ? `${describeDeployment(target.deployment)}\n`
        : `Local setup (${target.reason}).\n`,
    );
    return target;
  }

  async function withTargetContext<T>(
    options: TargetOptions & { youtube?: boolean },
    work: (
      context: Awaited<ReturnType<typeof openTargetContext>>['context'],
      target: Target,
    ) => Promise<T>,
  ): Promise<T> {
    const target = await resolveTarget(options);
    const opened = await openTargetContext(target, {
      env: process.env,
      log: log(),
      secrets: secretsManagerSource(aws.secretsManager),
      youtube: options.youtube === true,
    });
    try {
      return await work(opened.context, target);
    } finally {
      await opened.close();
    }
  }

  withTargetOptions(
    program
      .command('doctor')
      .description(
        'check every part of a stage (or the local setup): one row per check, with evidence and fix',
      )
      .option('--json', 'print JSON for machines instead of a table'),
  ).action(async (options: TargetOptions & { json?: boolean }) => {
    const target = await resolveTarget(options);
    const results = await runDoctor({
      target,
      env: process.env,
      log: log(),
      now: () => new Date(),
      clients: {
        fetch,
        secretsManager: aws.secretsManager,
        cloudWatch: aws.cloudWatch,
        sns: aws.sns,
      },
    });
    process.stdout.write(
      renderDoctor(results, options.json ? 'json' : 'table', target),
    );
    process.exitCode = doctorExitCode(results);
  });

  withTargetOptions(
    program
      .command('trigger')
      .description(
        'send pipeline/discovery.requested or pipeline/video.harvest.requested through Inngest',
      )
      .argument('<what>', 'discovery or harvest')
      .argument('[videoId]', 'the video to harvest')
      .option('--wait', 'follow the runs until they end and print the outcome')
      .option('--timeout <seconds>', 'how long --wait follows the runs', '600'),
  ).action(
    async (
      what: string,
      videoId: string | undefined,
      options: TargetOptions & { wait?: boolean; timeout: string },
    ) => {
      const triggerTarget = parseTriggerTarget(what, videoId);
      const timeoutMs = Number(options.timeout) * 1000;
      if (!(timeoutMs > 0)) {
        throw new UsageError(
          `--timeout: got "${options.timeout}"; give seconds, e.g. --timeout 300`,
        );
      }
      const target = await resolveTarget(options);
      if (target.mode !== 'deployed') {
        throw new UsageError(
          `trigger sends events to a deployed stage, and none was found (${target.reason}); locally, run a cycle with npm start`,
        );
      }
      const bar = options.wait ? waitBar(process.stderr, timeoutMs) : undefined;
      try {
        const result = await trigger({
          deployment: target.deployment,
          target: triggerTarget,
          secrets: secretsManagerSource(aws.secretsManager),
          fetch,
          eventApiBaseUrl: process.env.INNGEST_EVENT_API_BASE_URL || undefined,
          apiBaseUrl: process.env.INNGEST_API_BASE_URL || undefined,
          ...(options.wait
            ? {
                wait: {
                  timeoutMs,
                  sleep,
                  now: () => Date.now(),
                  onProgress: (p) => bar?.update(p),
                },
              }
            : {}),
        });
        bar?.stop();
        process.stdout.write(formatTrigger(result, target.deployment));
        process.exitCode = triggerExitCode(result);
      } finally {
        bar?.stop();
      }
    },
  );

  withTargetOptions(
    program
      .command('status')
      .description(
        'last runs, heartbeat age, quota today, new domains this week, alarms in alarm',
      )
      .option('--json', 'print JSON for machines instead of tables'),
  ).action((options: TargetOptions & { json?: boolean }) =>
    withTargetContext(options, async (context, target) => {
      const deployment =
        target.mode === 'deployed' ? target.deployment : undefined;
      const report = await readStatus({
        store: context.store,
        settings: context.settings,
        now: context.clock(),
        heartbeatName: deployment ? DISCOVERY_HEARTBEAT : LOCAL_CYCLE,
        ...(deployment
          ? {
              minPerWeek: deployment.newDomainsPerWeek,
              alarms: () =>
                describeAlarms(aws.cloudWatch(), deployment.alarmNamePrefix),
            }
          : {}),
      });
      process.stdout.write(
        formatStatus(report, options.json ? 'json' : 'table'),
      );
    }),
  );

  const backfill = program
    .command('backfill')
    .description(
      'redo work over stored data; both jobs resume after an interruption and add nothing twice',
    );

  withTargetOptions(
    backfill
      .command('extract')
      .description('re-extract domains from every stored comment'),
  ).action((options: TargetOptions) =>
    withTargetContext(options, async (context) => {
      await backfillCommand(
        context,
        { kind: 'extract' },
        { stdout: process.stdout, stderr: process.stderr },
      );
    }),
  );

  withTargetOptions(
    backfill
      .command('harvest')
      .description('harvest again, in full, the videos published in a window')
      .requiredOption('--since <date>', 'ISO date or time, inclusive')
      .option('--until <date>', 'ISO date or time, exclusive (default: now)'),
  ).action((options: TargetOptions & { since: string; until?: string }) => {
    const since = parseInstant('--since', options.since);
    const until = options.until
      ? parseInstant('--until', options.until)
      : new Date();
    return withTargetContext({ ...options, youtube: true }, async (context) => {
      await backfillCommand(
        context,
        { kind: 'harvest', since, until },
        { stdout: process.stdout, stderr: process.stderr },
      );
    });
  });
}
