import { randomBytes } from 'node:crypto';
import { runCycle } from '../lambda/core/cycle';
import { silentLog } from '../lambda/core/deps';
import { parseSettings } from '../lambda/core/settings-loader';
import { ensureTables } from '../lambda/store/create-tables';
import {
  createDocumentClient,
  createDynamoClient,
} from '../lambda/store/dynamo-store';
import { measureRawPutRate } from '../lambda/store/raw-write-bench';
import { tableNamesFromEnv } from '../lambda/store/tables';
import { createPipelineContext } from '../lambda/wiring';
import { startLocalDynamo } from '../local/dynalite';
import { startReplica } from '../local/youtube-replica';
import type { BenchRow } from './report';

const KEY = 'bench-key';
const CHANNEL = 'UCbenchbenchbenchbench00';
/** Within this factor of the store's raw write rate. */
const TARGET_RATIO = 2;

/**
 * The pipeline's cost per stored comment against the raw write rate of the
 * same store, measured in one run on one dynalite: a whole cycle (discovery,
 * harvest over HTTP from the replica, conditional writes, checkpoints,
 * extraction, mentions and domains) divided by the comments it stored,
 * then as many plain PutItems of comment-sized items.
 */
export async function benchCycle(): Promise<BenchRow[]> {
  const dynamo = await startLocalDynamo();
  const now = () => new Date('2026-12-03T20:00:00Z');
  const replica = await startReplica({ seed: 'bench', now, apiKeys: [KEY] });
  const tables = tableNamesFromEnv({}, `b${randomBytes(3).toString('hex')}-`);
  const admin = createDynamoClient({ endpoint: dynamo.endpoint });
  const client = createDocumentClient({ endpoint: dynamo.endpoint });
  try {
    await ensureTables(admin, tables);
    const settings = parseSettings(
      {
        sources: { channels: [CHANNEL] },
        youtube: { baseUrl: replica.baseUrl },
        discovery: { firstLookbackDays: 14 },
        harvest: { maxVideosPerCycle: 40 },
      },
      'bench settings',
    );
    const context = createPipelineContext({
      settings,
      tables,
      dynamoEndpoint: dynamo.endpoint,
      youtubeApiKey: KEY,
      log: silentLog,
      clock: now,
    });
    // The replica generates comment texts on first request; that work is
    // the test world's, not the pipeline's, so it is done before timing.
    for (const video of replica.world.uploads(`UU${CHANNEL.slice(2)}`) ?? []) {
      replica.world.comments(video.videoId);
    }
    const started = performance.now();
    const summary = await runCycle(context, { runId: 'bench' });
    const cycleMs = performance.now() - started;
    const comments = summary.commentsStored;
    const rawRate = await measureRawPutRate(client, tables.comments, comments);
    const cycleRate = comments / (cycleMs / 1000);
    const ratio = rawRate / cycleRate;
    return [
      { name: 'comments stored by the cycle', value: String(comments) },
      { name: 'cycle: comments per second', value: cycleRate.toFixed(0) },
      { name: 'raw PutItem: items per second', value: rawRate.toFixed(0) },
      {
        name: 'cost per stored comment vs raw write',
        value: `${ratio.toFixed(2)}x`,
        target: `<= ${TARGET_RATIO}x`,
        pass: ratio <= TARGET_RATIO,
      },
    ];
  } finally {
    admin.destroy();
    client.destroy();
    await replica.close();
    await dynamo.close();
  }
}
