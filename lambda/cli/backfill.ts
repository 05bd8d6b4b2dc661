import { SingleBar } from 'cli-progress';
import { backfillExtraction, backfillHarvest } from '../core/backfill';
import { depsFor, type PipelineContext } from '../core/context';
import { renderPairs } from './output';

/** Which backfill to run. */
export type BackfillJob =
  | { readonly kind: 'extract' }
  | { readonly kind: 'harvest'; readonly since: Date; readonly until: Date };

/**
 * `pipeline backfill extract | harvest --since`: the core's backfills
 * (lambda/core/backfill.ts) with a progress bar on stderr and a summary
 * table on stdout. Both checkpoint as they go, so an interrupted run
 * (Ctrl-C included) resumes where it stopped when run again, and a rerun
 * adds nothing twice. YouTube calls are charged to the operator's share
 * of the quota, so a backfill cannot starve the scheduled discovery.
 */
export async function backfillCommand(
  context: PipelineContext,
  job: BackfillJob,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<Record<string, number>> {
  const { deps, ledger } = depsFor(context, 'operator');
  const bar = new SingleBar({
    format:
      job.kind === 'extract'
        ? 're-extracting: {value} comments read'
        : 're-harvesting [{bar}] {value}/{total} videos {videoId}',
    stream: io.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  const started = context.clock().getTime();
  let totals: Record<string, number>;
  bar.start(0, 0, { videoId: '' });
  try {
    if (job.kind === 'extract') {
      totals = await backfillExtraction(deps, {
        onProgress: (p) => {
          bar.setTotal(p.done);
          bar.update(p.done);
        },
      });
    } else {
      totals = await backfillHarvest(deps, {
        since: job.since,
        until: job.until,
        onProgress: (p) => {
          bar.setTotal(p.total ?? p.done);
          bar.update(p.done, { videoId: p.videoId });
        },
      });
    }
  } finally {
    bar.stop();
  }
  const seconds = (context.clock().getTime() - started) / 1000;
  io.stdout.write(
    renderPairs([
      ...Object.entries(totals).map(
        ([key, value]) => [label(key), value] as [string, number],
      ),
      ['quota units used', ledger.spent.units],
      ['time taken', `${seconds.toFixed(1)} s`],
    ]),
  );
  return totals;
}

/** `newDomains` → `new domains`. */
const label = (key: string) =>
  key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
