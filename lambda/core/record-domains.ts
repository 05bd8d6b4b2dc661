import type { PipelineDeps } from './deps';
import {
  type DomainExtractor,
  type ExtractedDomain,
  extractorFromSettings,
} from './domains';
import type { CommentRecord } from './model';
import type { Settings } from './settings';
import { mapLimit } from './util/map-limit';

export interface RecordDomainsResult {
  /** Stored comments read. */
  readonly comments: number;
  /** Mentions recorded by this call that were not recorded before. */
  readonly mentions: number;
  /** Domains this call saw first, in order. */
  readonly newDomains: string[];
}

/**
 * Extracts the domains of stored comments and records each (domain,
 * comment) mention and each new domain exactly once. Both writes are
 * conditional and always attempted, so a retry after a crash between them
 * completes the work without counting anything twice.
 */
export async function recordDomains(
  deps: PipelineDeps,
  videoId: string,
  commentIds: readonly string[],
): Promise<RecordDomainsResult> {
  if (commentIds.length === 0) {
    return { comments: 0, mentions: 0, newDomains: [] };
  }
  const comments = await deps.store.getComments(videoId, commentIds);
  return recordCommentDomains(deps, comments);
}

/**
 * The same for comments already in hand (the local cycle has the page it
 * just stored), saving the read back.
 */
export async function recordCommentDomains(
  deps: PipelineDeps,
  comments: readonly CommentRecord[],
): Promise<RecordDomainsResult> {
  const extract = extractorFor(deps.settings);
  const seenAt = deps.clock().toISOString();
  let mentions = 0;
  const newDomains: string[] = [];
  await mapLimit(comments, 8, async (comment) => {
    for (const found of extract(comment.text)) {
      const recorded = await recordOne(deps, comment, found, seenAt);
      if (recorded.mention) mentions += 1;
      if (recorded.domain) newDomains.push(found.domain);
    }
  });
  if (newDomains.length > 0) {
    deps.log.info('new domains', { domains: newDomains });
  }
  return { comments: comments.length, mentions, newDomains };
}

async function recordOne(
  deps: PipelineDeps,
  comment: CommentRecord,
  found: ExtractedDomain,
  seenAt: string,
): Promise<{ mention: boolean; domain: boolean }> {
  const domain = await deps.store.putDomainIfNew({
    domain: found.domain,
    firstSeenAt: seenAt,
    firstVideoId: comment.videoId,
    firstCommentId: comment.commentId,
    sampleLink: found.link,
    shortener: found.shortener,
  });
  const mention = await deps.store.putMentionIfNew({
    domain: found.domain,
    videoId: comment.videoId,
    commentId: comment.commentId,
    link: found.link,
    seenAt,
  });
  return { mention, domain };
}

/** One extractor per settings object: building one compiles its lists. */
const extractors = new WeakMap<Settings, DomainExtractor>();

function extractorFor(settings: Settings): DomainExtractor {
  let extract = extractors.get(settings);
  if (!extract) {
    extract = extractorFromSettings(settings);
    extractors.set(settings, extract);
  }
  return extract;
}
