/**
 * `npm run bench`: the project's speed and size targets, each measured
 * side by side with its baseline in this one run, so the ratios hold on
 * any machine. Not a test: it reports, and exits non-zero when a target
 * is missed so a regression is visible.
 */
import { benchBundles } from './bundles';
import { benchCycle } from './cycle';
import { benchExtraction } from './extraction';
import { type BenchRow, printTable } from './report';

// The AWS SDK's notice about future Node versions is not a bench result.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const sections: ReadonlyArray<[string, () => Promise<BenchRow[]>]> = [
  ['Domain extraction: ours vs linkify-it + tldts', benchExtraction],
  ['Pipeline cycle: cost per stored comment vs raw writes', benchCycle],
  ['Lambda bundles (minified ESM, AWS SDK bundled)', benchBundles],
];

async function main(): Promise<void> {
  let missed = 0;
  for (const [title, run] of sections) {
    process.stderr.write(`measuring: ${title}...\n`);
    const rows = await run();
    printTable(title, rows);
    missed += rows.filter((row) => row.pass === false).length;
  }
  if (missed > 0) {
    process.stdout.write(`\n${missed} target(s) missed\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
