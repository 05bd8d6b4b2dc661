/**
 * Domains and mentions tables. A domain item is a DomainRecord plus
 * `firstSeenDay` (UTC YYYY-MM-DD of firstSeenAt) for the byFirstSeenDay
 * index. A mention item is a MentionRecord plus `commentKey` =
 * `${videoId}#${commentId}`, so one comment counts once per domain.
 */
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
} from '@aws-sdk/lib-dynamodb';
import type { DomainRecord, MentionRecord } from '../core/model';
import {
  countPartition,
  isConditionFailed,
  parseTime,
  queryItems,
  utcDay,
  utcDaysOverlapping,
} from './dynamo-util';

// DOMAIN is a DynamoDB reserved word, so it is always aliased.
const DOMAIN_NAME = { '#domain': 'domain' };

function fromDomainItem(item: Record<string, unknown>): DomainRecord {
  const { firstSeenDay: _day, ...domain } = item;
  return domain as unknown as DomainRecord;
}

async function putIfAbsent(
  client: DynamoDBDocumentClient,
  table: string,
  item: Record<string, unknown>,
) {
  try {
    await client.send(
      new PutCommand({
        TableName: table,
        Item: item,
        ConditionExpression: 'attribute_not_exists(#domain)',
        ExpressionAttributeNames: DOMAIN_NAME,
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

export function domainItems(
  client: DynamoDBDocumentClient,
  tables: { domains: string; mentions: string },
) {
  const putMentionIfNew = (mention: MentionRecord) =>
    putIfAbsent(client, tables.mentions, {
      ...mention,
      commentKey: `${mention.videoId}#${mention.commentId}`,
    });

  const putDomainIfNew = (domain: DomainRecord) =>
    putIfAbsent(client, tables.domains, {
      ...domain,
      firstSeenDay: utcDay('domain.firstSeenAt', domain.firstSeenAt),
    });

  async function getDomain(domain: string) {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tables.domains,
        Key: { domain },
        ConsistentRead: true,
      }),
    );
    return Item ? fromDomainItem(Item) : undefined;
  }

  const countMentions = (domain: string) =>
    countPartition(client, tables.mentions, 'domain', domain);

  /** Domains with from <= firstSeenAt < to: one Query per UTC day. */
  async function listNewDomains(from: string, to: string) {
    const fromMs = parseTime('from', from);
    const toMs = parseTime('to', to);
    const domains: DomainRecord[] = [];
    for (const day of utcDaysOverlapping(fromMs, toMs)) {
      const items = await queryItems(client, {
        TableName: tables.domains,
        IndexName: 'byFirstSeenDay',
        KeyConditionExpression:
          'firstSeenDay = :day AND firstSeenAt BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':day': day, ':from': from, ':to': to },
      });
      for (const item of items) {
        // BETWEEN includes `to`; the range is half-open.
        const at = Date.parse(String(item.firstSeenAt));
        if (at >= fromMs && at < toMs) domains.push(fromDomainItem(item));
      }
    }
    // Plain code-unit order: ISO times sort by time, whatever the locale.
    const key = (d: DomainRecord) => `${d.firstSeenAt}\u0000${d.domain}`;
    return domains.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  }

  return {
    putMentionIfNew,
    putDomainIfNew,
    getDomain,
    countMentions,
    listNewDomains,
  };
}
