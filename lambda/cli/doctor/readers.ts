import {
  type CloudWatchClient,
  DescribeAlarmsCommand,
} from '@aws-sdk/client-cloudwatch';
import {
  ListSubscriptionsByTopicCommand,
  type SNSClient,
} from '@aws-sdk/client-sns';
import type { PipelineStore } from '../../core/store-port';
import { TABLE_IDS, type TableNames } from '../../store/tables';
import type {
  AlarmState,
  Introspection,
  Subscription,
  TableProbe,
} from './facts';
import { inngestSignature } from './keys';

/** The doctor's readers: each turns one AWS or HTTP answer into a fact. */

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** The status of an unsigned GET to the Function URL. */
export async function unsignedStatus(fetchFn: Fetch, url: string) {
  const response = await fetchFn(url, {
    method: 'GET',
    signal: AbortSignal.timeout(10_000),
  });
  await response.body?.cancel();
  return response.status;
}

/** A GET signed as Inngest signs: the SDK answers with introspection. */
export async function introspect(
  fetchFn: Fetch,
  url: string,
  signingKey: string,
  now: Date,
): Promise<Introspection> {
  const response = await fetchFn(url, {
    method: 'GET',
    headers: { 'x-inngest-signature': inngestSignature(signingKey, '', now) },
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) {
      body = parsed as Record<string, unknown>;
    }
  } catch {}
  return { status: response.status, body };
}

/** One cheap read per table, through the store the pipeline uses. */
export async function probeTables(
  store: PipelineStore,
  names: TableNames,
): Promise<TableProbe[]> {
  const probe = 'doctor-probe';
  const reads: Record<string, () => Promise<unknown>> = {
    videos: () => store.getVideo(probe),
    comments: () => store.countComments(probe),
    domains: () => store.getDomain(probe),
    mentions: () => store.countMentions(probe),
    state: () => store.getCheckpoint(probe),
  };
  return Promise.all(
    TABLE_IDS.map(async (id) => {
      try {
        await reads[id]?.();
        return { id, name: names[id] };
      } catch (error) {
        return {
          id,
          name: names[id],
          error: `${(error as Error).name}: ${(error as Error).message}`,
        };
      }
    }),
  );
}

export async function describeAlarms(
  client: Pick<CloudWatchClient, 'send'>,
  prefix: string,
): Promise<AlarmState[]> {
  const alarms: AlarmState[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(
      new DescribeAlarmsCommand({ AlarmNamePrefix: prefix, NextToken }),
    );
    for (const a of page.MetricAlarms ?? []) {
      alarms.push({
        name: a.AlarmName ?? '?',
        state: a.StateValue ?? 'UNKNOWN',
        reason: a.StateReason,
        description: a.AlarmDescription,
      });
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return alarms;
}

export async function listSubscriptions(
  client: Pick<SNSClient, 'send'>,
  topics: ReadonlyArray<string | undefined>,
): Promise<Subscription[]> {
  const found: Subscription[] = [];
  for (const topicArn of topics) {
    if (!topicArn) continue;
    let NextToken: string | undefined;
    do {
      const page = await client.send(
        new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken }),
      );
      for (const s of page.Subscriptions ?? []) {
        found.push({
          topicArn,
          protocol: s.Protocol ?? '?',
          endpoint: s.Endpoint ?? '?',
          subscriptionArn: s.SubscriptionArn ?? '?',
        });
      }
      NextToken = page.NextToken;
    } while (NextToken);
  }
  return found;
}
