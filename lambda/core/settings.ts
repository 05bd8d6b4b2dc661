import * as z from 'zod';

/**
 * What the pipeline does, in one schema. Read from a JSON file (see
 * `loadSettings`) with a few environment overrides. Each field's description
 * is the fix printed when a value is wrong, so keep them actionable.
 */

const channelId = z
  .string()
  .regex(/^UC[\w-]{22}$/)
  .describe('a channel id is "UC" followed by 22 letters, digits, - or _');

const searchQuery = z
  .string()
  .trim()
  .min(2)
  .max(200)
  .describe('a search query is 2 to 200 characters');

const domainName = z
  .string()
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/)
  .describe('write a lowercase ASCII domain such as "example.com"');

const positiveInt = (fix: string) => z.number().int().positive().describe(fix);

export const SettingsSchema = z
  .object({
    sources: z
      .object({
        channels: z
          .array(channelId)
          .default([])
          .describe('channel ids whose uploads are watched'),
        searches: z
          .array(searchQuery)
          .default([])
          .describe('search queries whose newest videos are watched'),
      })
      .strict()
      .refine((s) => s.channels.length + s.searches.length > 0, {
        message:
          'list at least one channel id in sources.channels or one query in sources.searches',
      }),
    youtube: z
      .object({
        baseUrl: z
          .url()
          .default('https://www.googleapis.com/youtube/v3')
          .describe(
            'the YouTube Data API v3 base URL, without a trailing path',
          ),
        timeoutMs: positiveInt('a request timeout in milliseconds').default(
          15_000,
        ),
        retries: z
          .number()
          .int()
          .min(0)
          .max(10)
          .default(3)
          .describe(
            'how often one call is retried on 5xx or rate limits, 0-10',
          ),
      })
      .strict()
      .default({
        baseUrl: 'https://www.googleapis.com/youtube/v3',
        timeoutMs: 15_000,
        retries: 3,
      }),
    quota: z
      .object({
        model: z
          .enum(['split', 'unified'])
          .default('split')
          .describe(
            '"split" (2026: search.list has its own bucket of calls) or "unified" (one pool, search costs units)',
          ),
        dailyUnits: positiveInt(
          "your Google Cloud project's daily quota in units (10000 by default)",
        ).default(10_000),
        searchCallsPerDay: positiveInt(
          'search.list calls allowed a day in the split model (100)',
        ).default(100),
        searchCostUnits: positiveInt(
          'units one search.list call costs in the unified model (100)',
        ).default(100),
        searchShare: z
          .number()
          .gt(0)
          .max(1)
          .default(0.25)
          .describe(
            "share of the day's units searches may use in the unified model, above 0 and at most 1",
          ),
        reserveUnits: z
          .number()
          .int()
          .min(0)
          .default(500)
          .describe('units kept back each day for operators and doctor checks'),
      })
      .strict()
      .refine((q) => q.reserveUnits < q.dailyUnits, {
        message: 'quota.reserveUnits must be smaller than quota.dailyUnits',
      })
      .default({
        model: 'split',
        dailyUnits: 10_000,
        searchCallsPerDay: 100,
        searchCostUnits: 100,
        searchShare: 0.25,
        reserveUnits: 500,
      }),
    schedule: z
      .object({
        cron: z
          .string()
          .regex(/^TZ=[\w/+-]+ \S+ \S+ \S+ \S+ \S+$/)
          .default('TZ=UTC */10 * * * *')
          .describe(
            'a five-field cron with its time zone first, e.g. "TZ=UTC */10 * * * *"',
          ),
        cadenceMinutes: positiveInt(
          'minutes between discovery runs; must match schedule.cron',
        ).default(10),
      })
      .strict()
      .default({ cron: 'TZ=UTC */10 * * * *', cadenceMinutes: 10 }),
    discovery: z
      .object({
        overlapMinutes: z
          .number()
          .int()
          .min(0)
          .max(1440)
          .default(60)
          .describe('minutes re-read before each cursor, 0-1440'),
        firstLookbackDays: positiveInt(
          'days looked back the first time a source is read',
        ).default(7),
        maxPagesPerSource: positiveInt(
          'pages of 50 videos read per source per run',
        ).default(2),
      })
      .strict()
      .default({
        overlapMinutes: 60,
        firstLookbackDays: 7,
        maxPagesPerSource: 2,
      }),
    harvest: z
      .object({
        maxPagesPerVideo: positiveInt(
          'pages of 100 comment threads read per video',
        ).default(10),
        maxVideosPerCycle: positiveInt(
          'videos harvested by one local cycle',
        ).default(50),
        concurrency: z
          .number()
          .int()
          .min(1)
          .max(50)
          .default(5)
          .describe('videos harvested at once, 1-50'),
        revisitAfterHours: z
          .array(
            z
              .number()
              .int()
              .positive()
              .max(24 * 90),
          )
          .max(5)
          .default([24, 168])
          .describe(
            'hours after publication at which a video is harvested again (up to 5, each at most 2160), since most comments come after discovery',
          ),
      })
      .strict()
      .default({
        maxPagesPerVideo: 10,
        maxVideosPerCycle: 50,
        concurrency: 5,
        revisitAfterHours: [24, 168],
      }),
    domains: z
      .object({
        exclude: z
          .array(domainName)
          .default([])
          .describe('domains never counted, on top of the built-in list'),
        shorteners: z
          .array(domainName)
          .default([])
          .describe(
            'extra link shorteners to flag, on top of the built-in list',
          ),
      })
      .strict()
      .default({ exclude: [], shorteners: [] }),
  })
  .strict();

export type Settings = z.infer<typeof SettingsSchema>;

/** A setting is wrong: names the field, the value and the fix. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(readonly problems: readonly string[]) {
    super(`invalid settings:\n  - ${problems.join('\n  - ')}`);
  }
}
