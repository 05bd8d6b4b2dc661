import { eventType } from 'inngest';
import * as z from 'zod';
import { EVENT_NAMES } from './ids';

/**
 * The pipeline's events and the shape of their data. Inngest validates every
 * incoming event against these before a function runs (and every sent one
 * before it leaves), so a malformed event fails at once, without retries,
 * with a message naming the bad field, and nothing is half-processed.
 */

const videoId = z
  .string()
  .regex(
    /^[\w-]{11}$/,
    'a YouTube video id is 11 letters, digits, - or _ (e.g. "dQw4w9WgXcQ")',
  );

export const discoveryRequested = eventType(EVENT_NAMES.discoveryRequested, {
  schema: z.object({
    /** Who or what asked, shown in the run's summary. */
    reason: z.string().max(200, 'reason is at most 200 characters').optional(),
  }),
});

export const videoDiscovered = eventType(EVENT_NAMES.videoDiscovered, {
  schema: z.object({
    videoId,
    sourceId: z.string().min(1, 'sourceId must not be empty').optional(),
  }),
});

export const harvestRequested = eventType(EVENT_NAMES.harvestRequested, {
  schema: z.object({ videoId }),
});

export const commentsStored = eventType(EVENT_NAMES.commentsStored, {
  schema: z.object({
    videoId,
    pageIndex: z
      .number()
      .int('pageIndex must be a whole number')
      .min(0, 'pageIndex must be 0 or more'),
    commentIds: z
      .array(z.string().min(1, 'comment ids must not be empty'))
      .min(1, 'commentIds must list at least one comment id'),
  }),
});

/**
 * What Inngest sends when a run fails for good. Only the fields the report
 * uses are checked; Inngest owns the rest of the payload.
 */
export const functionFailed = eventType(EVENT_NAMES.functionFailed, {
  schema: z.object({
    function_id: z.string(),
    run_id: z.string(),
    error: z
      .object({
        name: z.string().optional(),
        message: z.string().optional(),
      })
      .loose(),
    event: z.record(z.string(), z.unknown()).optional(),
  }),
});

export type VideoDiscoveredData = z.infer<typeof videoDiscovered.schema>;
export type CommentsStoredData = z.infer<typeof commentsStored.schema>;
