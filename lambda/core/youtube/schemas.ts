import * as z from 'zod';

/**
 * zod schemas for the YouTube Data API v3 responses the client reads.
 * Strict on what the pipeline relies on (ids, publish times, text) and
 * lenient where YouTube is known to vary (see
 * test/fixtures/youtube/README.md): absent `items` and `nextPageToken`,
 * optional videoId/channelId/textOriginal, timestamps with or without
 * milliseconds. Unknown keys are dropped, never rejected.
 */

/** ISO-8601 UTC time, with or without fractional seconds. */
const timestamp = z.iso.datetime();

/** `items` is absent, not empty, for unknown channel ids. */
const itemsOf = <T extends z.ZodType>(item: T) =>
  z.array(item).optional().default([]);

const pageToken = z.string().min(1).optional();

export const ChannelListSchema = z.object({
  items: itemsOf(
    z.object({
      id: z.string().min(1),
      contentDetails: z.object({
        relatedPlaylists: z.object({ uploads: z.string().min(1) }),
      }),
    }),
  ),
});

export const PlaylistItemListSchema = z.object({
  nextPageToken: pageToken,
  items: itemsOf(
    z.object({
      snippet: z.object({
        publishedAt: timestamp,
        channelId: z.string().optional(),
        title: z.string(),
        resourceId: z.object({ videoId: z.string().min(1) }),
        videoOwnerChannelId: z.string().optional(),
      }),
      contentDetails: z
        .object({
          videoId: z.string().optional(),
          videoPublishedAt: timestamp.optional(),
        })
        .optional(),
    }),
  ),
});

export const SearchListSchema = z.object({
  nextPageToken: pageToken,
  items: itemsOf(
    z.object({
      // Which id key is present depends on `kind`: channels and playlists
      // have no videoId, so it stays optional and such items are skipped.
      id: z.object({ kind: z.string(), videoId: z.string().min(1).optional() }),
      snippet: z.object({
        publishedAt: timestamp,
        channelId: z.string().optional(),
        title: z.string(),
      }),
    }),
  ),
});

/** `{ value: "UC…" }` in every capture; a bare string is accepted too. */
const authorChannelId = z
  .union([z.object({ value: z.string() }), z.string()])
  .optional()
  .transform((v) => (typeof v === 'string' ? v : v?.value));

export const CommentSchema = z
  .object({
    id: z.string().min(1),
    snippet: z.object({
      videoId: z.string().optional(),
      parentId: z.string().optional(),
      textDisplay: z.string().optional(),
      // The API only promises textOriginal to the comment's author.
      textOriginal: z.string().optional(),
      authorChannelId,
      likeCount: z.number().int().nonnegative().optional(),
      publishedAt: timestamp,
    }),
  })
  .refine(
    (c) =>
      c.snippet.textOriginal !== undefined ||
      c.snippet.textDisplay !== undefined,
    { message: 'neither textOriginal nor textDisplay', path: ['snippet'] },
  );

export const CommentThreadListSchema = z.object({
  nextPageToken: pageToken,
  items: itemsOf(
    z.object({
      id: z.string().min(1),
      snippet: z.object({
        videoId: z.string().optional(),
        channelId: z.string().optional(),
        topLevelComment: CommentSchema,
        totalReplyCount: z.number().int().nonnegative().optional(),
      }),
      // Absent unless part has `replies` and the thread has replies.
      replies: z.object({ comments: z.array(CommentSchema) }).optional(),
    }),
  ),
});

/** videos.list for the key check: only the envelope matters. */
export const VideoListSchema = z.object({
  items: itemsOf(z.object({ id: z.string() })),
});

/**
 * Google's error envelope. `status` and `details` appear in newer bodies
 * only; `errors[]` items may lack anything but what we read leniently.
 */
export const ErrorEnvelopeSchema = z.object({
  error: z.object({
    code: z.number().int().optional(),
    message: z.string().optional(),
    errors: z
      .array(
        z.object({
          reason: z.string().optional(),
          message: z.string().optional(),
          domain: z.string().optional(),
          location: z.string().optional(),
        }),
      )
      .optional()
      .default([]),
    status: z.string().optional(),
    // google.rpc details; the current invalid-key body names the cause
    // only here (reason API_KEY_INVALID beside errors[0].reason badRequest).
    details: z
      .array(z.object({ reason: z.string().optional() }))
      .optional()
      .catch(undefined),
  }),
});

export type ChannelList = z.infer<typeof ChannelListSchema>;
export type PlaylistItemList = z.infer<typeof PlaylistItemListSchema>;
export type SearchList = z.infer<typeof SearchListSchema>;
export type Comment = z.infer<typeof CommentSchema>;
export type CommentThreadList = z.infer<typeof CommentThreadListSchema>;
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;
