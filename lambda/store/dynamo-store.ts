/**
 * The PipelineStore over DynamoDB. The same code runs on AWS and on
 * dynalite offline, so it uses only what both offer: single-item
 * conditional writes (no TransactWriteItems) and no reliance on TTL
 * deleting anything. Every write is idempotent.
 *
 * Key layout, table by table (definitions in ./tables):
 * - videos: key `videoId`; a VideoRecord plus `publishedDay` (UTC day of
 *   publishedAt, index byPublishedDay) and `toHarvest` = "1" while the
 *   harvest is pending or harvesting, absent otherwise (sparse index
 *   byHarvestPending, sorted by discoveredAt). See ./video-items.
 * - comments: key `videoId` + `commentId`; a CommentRecord plus
 *   `storedAt`. See ./comment-items.
 * - mentions: key `domain` + `commentKey` (`${videoId}#${commentId}`).
 * - domains: key `domain`; a DomainRecord plus `firstSeenDay` (UTC day of
 *   firstSeenAt, index byFirstSeenDay). See ./domain-items.
 * - state: key `pk` + `sk` holding cursors, the quota ledger, heartbeats,
 *   runs and failures, with TTL attribute `expiresAt`. See ./state-items.
 *
 * Helper attributes are never returned: reads give back the model records,
 * numbers as numbers and unset optional fields absent.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PipelineStore } from '../core/store-port';
import { commentItems } from './comment-items';
import { domainItems } from './domain-items';
import { stateItems } from './state-items';
import type { TableNames } from './tables';
import { videoItems } from './video-items';

export interface DynamoStoreOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tables: TableNames;
  /**
   * Source of `storedAt` on comments.
   * @default () => new Date()
   */
  readonly clock?: () => Date;
}

export function createDynamoStore(options: DynamoStoreOptions): PipelineStore {
  const { client, tables, clock = () => new Date() } = options;
  return {
    ...videoItems(client, tables.videos),
    ...commentItems(client, tables.comments, clock),
    ...domainItems(client, tables),
    ...stateItems(client, tables.state),
  };
}

export interface DocumentClientOptions {
  /**
   * A local DynamoDB (dynalite) URL. When set, the client signs with fixed
   * dummy credentials so no AWS account or profile is needed.
   * @default the AWS endpoint of the region, with the usual credentials
   */
  readonly endpoint?: string;
  /** @default `us-east-1` with an endpoint, else the SDK's region chain */
  readonly region?: string;
}

/**
 * The low-level client, for table administration. A local endpoint signs
 * with fixed dummy credentials so no AWS account or profile is needed.
 */
export function createDynamoClient(
  options: DocumentClientOptions = {},
): DynamoDBClient {
  const { endpoint, region } = options;
  return endpoint
    ? new DynamoDBClient({
        endpoint,
        region: region ?? 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      })
    : new DynamoDBClient(region ? { region } : {});
}

/** A document client that drops undefined fields instead of failing. */
export function createDocumentClient(
  options: DocumentClientOptions = {},
): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(createDynamoClient(options), {
    marshallOptions: { removeUndefinedValues: true },
  });
}
