import { randomUUID } from 'node:crypto';
import { SingleBar } from 'cli-progress';
import type { PipelineContext } from '../core/context';
import { type CycleSummary, runCycle } from '../core/cycle';
import { renderPairs } from './output';

/**
 * `pipeline run`: one whole cycle with a progress bar on stderr (when it
 * is a terminal) and a summary table on stdout.
 */
export async function runCommand(
  context: PipelineContext,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WriteStream },
): Promise<CycleSummary> {
  const bar = new SingleBar({
    format: '{phase} [{bar}] {value}/{total} {item}',
    stream: io.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  let phase = '';
  const summary = await runCycle(context, {
    runId: `cli-${randomUUID()}`,
    onProgress: (p) => {
      const label = p.phase === 'discover' ? 'discovering' : 'harvesting ';
      const item = p.phase === 'discover' ? p.source : p.videoId;
      if (phase !== p.phase) {
        if (phase) bar.stop();
        phase = p.phase;
        bar.start(p.total, 0, { phase: label, item });
      }
      bar.update(p.done, { phase: label, item });
    },
  });
  if (phase) bar.stop();
  io.stdout.write(formatSummary(summary));
  return summary;
}

export function formatSummary(s: CycleSummary): string {
  return renderPairs([
    ['videos discovered', s.videosDiscovered],
    ['videos harvested', s.videosHarvested],
    ['videos deferred', s.videosDeferred],
    ['comment pages', s.commentPages],
    ['comments stored', s.commentsStored],
    ['mentions', s.mentions],
    ['new domains', s.newDomains],
    ['quota units used', s.quotaUnitsUsed],
    ['search calls used', s.searchesUsed],
    ['quota units left today', s.quotaUnitsLeft],
    ['time taken', `${(s.durationMs / 1000).toFixed(1)} s`],
    ['ended', s.stoppedBy === 'quota' ? 'quota budget spent' : 'finished'],
  ]);
}
