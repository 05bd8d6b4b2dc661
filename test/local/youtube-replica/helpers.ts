import { createYouTubeClient } from '../../../lambda/core/youtube/client';
import {
  type Replica,
  type ReplicaOptions,
  startReplica,
} from '../../../local/youtube-replica';

/** A fixed instant, so every test sees the same world. */
export const NOW = new Date('2025-06-01T12:00:00Z');
export const KEY = 'test-key';
export const CHANNEL = 'UC_x5XG1OV2P6uZZ5FSM9Ttw';

/** A replica on a fixed clock and a client that never really sleeps. */
export async function replicaWithClient(options: ReplicaOptions = {}) {
  const replica: Replica = await startReplica({
    seed: 'test-seed',
    now: () => NOW,
    apiKeys: [KEY],
    ...options,
  });
  const waits: number[] = [];
  const client = createYouTubeClient({
    apiKey: KEY,
    baseUrl: replica.baseUrl,
    clock: () => NOW,
    retries: 3,
    random: () => 0,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { replica, client, waits };
}

/** Every page of a paged call, in order. */
export async function allPages<T>(
  fetchPage: (
    token?: string,
  ) => Promise<{ items: T[]; nextPageToken?: string }>,
): Promise<T[][]> {
  const pages: T[][] = [];
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    pages.push(page.items);
    token = page.nextPageToken;
  } while (token);
  return pages;
}
