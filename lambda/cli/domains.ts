import type { PipelineStore } from '../core/store-port';
import { mapLimit } from '../core/util/map-limit';
import type { Row } from './output';

/**
 * `pipeline domains --since`: the domains first seen in a window, with
 * their mention counts and a sample link. Reads the first-seen-day index
 * (one Query a day), never a Scan.
 */
export async function newDomainRows(
  store: PipelineStore,
  since: Date,
  until: Date,
): Promise<Row[]> {
  const domains = await store.listNewDomains(
    since.toISOString(),
    until.toISOString(),
  );
  return mapLimit(domains, 8, async (d) => ({
    domain: d.domain,
    firstSeen: d.firstSeenAt,
    mentions: await store.countMentions(d.domain),
    shortener: d.shortener,
    sampleLink: d.sampleLink,
  }));
}
