/**
 * The pipeline's DynamoDB tables: one definition each, used by the store,
 * by the offline dynalite setup and by the CDK stack, so the three cannot
 * drift apart. Plain data: no AWS SDK or CDK import here.
 */

export type AttributeType = 'S' | 'N';

export interface KeyDefinition {
  readonly name: string;
  readonly type: AttributeType;
}

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: KeyDefinition;
  readonly sortKey?: KeyDefinition;
}

export interface TableDefinition {
  /** Logical name: the CDK construct id and the environment variable suffix. */
  readonly id: TableId;
  readonly partitionKey: KeyDefinition;
  readonly sortKey?: KeyDefinition;
  readonly indexes: readonly IndexDefinition[];
  /** Attribute holding an epoch-seconds expiry, when items expire. */
  readonly ttlAttribute?: string;
  /** Environment variable that carries the deployed table name. */
  readonly envVar: string;
}

export type TableId = 'videos' | 'comments' | 'domains' | 'mentions' | 'state';

const s = (name: string): KeyDefinition => ({ name, type: 'S' });

export const TABLES: Readonly<Record<TableId, TableDefinition>> = {
  /** One item per video; carries the harvest checkpoint. */
  videos: {
    id: 'videos',
    partitionKey: s('videoId'),
    indexes: [
      // Backfill re-harvests videos published since a date: one Query a day.
      {
        indexName: 'byPublishedDay',
        partitionKey: s('publishedDay'),
        sortKey: s('publishedAt'),
      },
      // Sparse: only videos whose harvest is not finished carry `toHarvest`.
      {
        indexName: 'byHarvestPending',
        partitionKey: s('toHarvest'),
        sortKey: s('discoveredAt'),
      },
    ],
    envVar: 'TABLE_VIDEOS',
  },
  /** Comments of a video, keyed by YouTube's comment id. */
  comments: {
    id: 'comments',
    partitionKey: s('videoId'),
    sortKey: s('commentId'),
    indexes: [],
    envVar: 'TABLE_COMMENTS',
  },
  /** One item per registrable domain, created when first seen. */
  domains: {
    id: 'domains',
    partitionKey: s('domain'),
    indexes: [
      // New domains in a time range: one Query per day, never a Scan.
      {
        indexName: 'byFirstSeenDay',
        partitionKey: s('firstSeenDay'),
        sortKey: s('firstSeenAt'),
      },
    ],
    envVar: 'TABLE_DOMAINS',
  },
  /** One item per (domain, comment): the unit that is counted once. */
  mentions: {
    id: 'mentions',
    partitionKey: s('domain'),
    sortKey: s('commentKey'),
    indexes: [],
    envVar: 'TABLE_MENTIONS',
  },
  /**
   * Pipeline state under one key schema: cursors, the quota ledger,
   * heartbeats, run and failure records. Run and failure records expire.
   */
  state: {
    id: 'state',
    partitionKey: s('pk'),
    sortKey: s('sk'),
    indexes: [],
    ttlAttribute: 'expiresAt',
    envVar: 'TABLE_STATE',
  },
};

export const TABLE_IDS = Object.keys(TABLES) as TableId[];

/** Table names by id, from the environment or `<prefix><id>` locally. */
export type TableNames = Readonly<Record<TableId, string>>;

export function tableNamesFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  localPrefix = 'pipeline-',
): TableNames {
  const names = {} as Record<TableId, string>;
  for (const id of TABLE_IDS) {
    names[id] = env[TABLES[id].envVar] ?? `${localPrefix}${id}`;
  }
  return names;
}
