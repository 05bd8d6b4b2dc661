#!/usr/bin/env node
/**
 * The operator CLI: `npm run pipeline -- <command>`. Each command lives in
 * lambda/cli/; this file parses the local commands' arguments (run,
 * extract, domains) and adds the operator commands that work on a deployed
 * stage (lambda/cli/operator-commands.ts).
 */
import { Command } from 'commander';
import { newDomainRows } from '../lambda/cli/domains';
import { openEnvironment } from '../lambda/cli/environment';
import { runExtract } from '../lambda/cli/extract';
import { cliLog } from '../lambda/cli/log';
import { addOperatorCommands } from '../lambda/cli/operator-commands';
import {
  parseFormat,
  parseInstant,
  render,
  UsageError,
} from '../lambda/cli/output';
import { runCommand } from '../lambda/cli/run';
import { extractorFromSettings } from '../lambda/core/domains';
import { SettingsError } from '../lambda/core/settings';
import { settingsIfPresent } from '../lambda/core/settings-loader';

// The AWS SDK warns on every run that its releases after January 2027 need
// Node 22; the versions package-lock.json pins run on Node 20 (README).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const program = new Command('pipeline')
  .description(
    'YouTube comment domain pipeline: run cycles, inspect and operate it.',
  )
  .option('-v, --verbose', 'log info lines to stderr too', false);

const log = () => cliLog(process.stderr, program.opts().verbose === true);

async function withEnvironment<T>(
  work: (env: Awaited<ReturnType<typeof openEnvironment>>) => Promise<T>,
): Promise<T> {
  const env = await openEnvironment({ env: process.env, log: log() });
  process.stderr.write(`${env.description}\n`);
  try {
    return await work(env);
  } finally {
    await env.close();
  }
}

program
  .command('run')
  .description('run one pipeline cycle: discover, harvest, extract, store')
  .action(async () => {
    await withEnvironment((env) =>
      runCommand(env.context, {
        stdout: process.stdout,
        stderr: process.stderr,
      }),
    );
  });

program
  .command('extract')
  .description(
    'read JSON Lines {"text": "..."} on stdin, write {"domains": [...]} per line',
  )
  .action(async () => {
    // Settings are optional here: extraction needs only domains.exclude
    // and domains.shorteners, and works without any settings file.
    const settings = settingsIfPresent(process.env);
    await runExtract(
      process.stdin,
      process.stdout,
      settings ? extractorFromSettings(settings) : undefined,
    );
  });

program
  .command('domains')
  .description('list the domains first seen in a window')
  .requiredOption('--since <date>', 'ISO date or time, inclusive')
  .option('--until <date>', 'ISO date or time, exclusive (default: now)')
  .option('--format <format>', 'table, csv or json', 'table')
  .action((options: { since: string; until?: string; format: string }) => {
    const format = parseFormat(options.format);
    const since = parseInstant('--since', options.since);
    const until = options.until
      ? parseInstant('--until', options.until)
      : new Date();
    return withEnvironment(async (env) => {
      const rows = await newDomainRows(env.context.store, since, until);
      process.stdout.write(render(rows, format));
    });
  });

addOperatorCommands(program, log);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof SettingsError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`pipeline failed: ${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
