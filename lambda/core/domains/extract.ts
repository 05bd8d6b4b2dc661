import {
  BARE_HOST_TLDS,
  BUILT_IN_EXCLUDED,
  BUILT_IN_SHORTENERS,
  FILE_EXTENSION_TLDS,
  KNOWN_BARE_HOSTS,
} from './lists';
import { type Candidate, scanCandidates } from './matcher';
import { createResolver, type ResolvedHost } from './resolve';

/** One web domain a comment mentions. */
export interface ExtractedDomain {
  /** ASCII (punycode), lowercase registrable domain, e.g. `example.co.uk`. */
  readonly domain: string;
  /** The first link seen for it, trimmed: `https://www.example.com/a`. */
  readonly link: string;
  /** True for link shorteners such as bit.ly: counted, but flagged. */
  readonly shortener: boolean;
}

export interface DomainExtractorOptions {
  /**
   * Registrable domains never counted, on top of YouTube's own
   * (`domains.exclude` in the settings).
   * @default []
   */
  readonly exclude?: readonly string[];
  /**
   * Registrable domains flagged as link shorteners, on top of the built-in
   * list (`domains.shorteners` in the settings).
   * @default []
   */
  readonly shorteners?: readonly string[];
}

/** Finds the domains of one comment, in order of first appearance. */
export type DomainExtractor = (text: string) => ExtractedDomain[];

/**
 * Builds an extractor. A host counts when the Public Suffix List knows its
 * top-level label and it is written as a link: with a scheme, `www.`, a
 * path, or bare as `name.tld` where the label is a common web one (see
 * `BARE_HOST_TLDS`). Subdomains fold to the registrable domain, except
 * under private suffixes (`name.github.io` stays). E-mail addresses,
 * handles, IP addresses, file names, versions and words glued by a dot do
 * not count.
 */
export function createDomainExtractor(
  options: DomainExtractorOptions = {},
): DomainExtractor {
  const shorteners = new Set([
    ...BUILT_IN_SHORTENERS,
    ...(options.shorteners ?? []).map(normalise),
  ]);
  const excluded = new Set([
    ...BUILT_IN_EXCLUDED,
    ...(options.exclude ?? []).map(normalise),
  ]);
  const known = new Set([...KNOWN_BARE_HOSTS, ...shorteners, ...excluded]);
  const resolve = createResolver({ excluded, shorteners, known });

  return (text) => {
    const found: ExtractedDomain[] = [];
    scanCandidates(text, (c) => {
      const hit = judge(text, c, resolve);
      if (hit === null || hit.excluded) return;
      for (const f of found) if (f.domain === hit.domain) return;
      found.push({
        domain: hit.domain,
        link: text.slice(c.start, c.end),
        shortener: hit.shortener,
      });
    });
    return found;
  };
}

/** Settings entries may carry `www.` or a subdomain: key them as we do. */
function normalise(domain: string): string {
  const lower = domain.trim().toLowerCase();
  return lower.startsWith('www.') ? lower.slice(4) : lower;
}

/**
 * Resolves a candidate, dropping trailing labels that are no top-level
 * label (`example.com.Thanks` is `example.com`), then applies the rules
 * for hosts written bare. Updates `c.hostEnd` and `c.end` when it drops.
 */
function judge(
  text: string,
  c: Candidate,
  resolve: (host: string) => ResolvedHost | null,
): ResolvedHost | null {
  let host = text.slice(c.hostStart, c.hostEnd);
  let lower = host.toLowerCase();
  let hit = resolve(lower);
  while (hit === null) {
    const lastDot = host.lastIndexOf('.');
    if (host.indexOf('.') === lastDot) return null;
    host = host.slice(0, lastDot);
    lower = host.toLowerCase();
    c.hostEnd = c.hostStart + host.length;
    c.end = c.hostEnd;
    hit = resolve(lower);
  }
  if (c.scheme || lower.startsWith('www.') || hit.known) return hit;
  const next = c.end > c.hostEnd ? text.charCodeAt(c.hostEnd) : 0;
  // `setup.zip` is a file, `setup.zip/` and `clip.mov?t=3` are links,
  // `README.md#usage` is a file again.
  if (FILE_EXTENSION_TLDS.has(hit.tld)) {
    return next === 47 /* / */ || next === 63 /* ? */ ? hit : null;
  }
  if (next !== 0 || hit.multiLabelSuffix) return hit;
  // Bare `end.The` or `ok.So` joins two sentences, `Example.com` is a site.
  const tld = host.slice(host.lastIndexOf('.') + 1);
  if (tld !== tld.toLowerCase() && host !== host.toUpperCase()) return null;
  return BARE_HOST_TLDS.has(hit.tld) ? hit : null;
}

/** The extractor with only the built-in lists. */
export const extractDomains: DomainExtractor = createDomainExtractor();
