import { domainToASCII } from 'node:url';
import { parse } from 'tldts';

/** What the Public Suffix List says about one host, with our lists applied. */
export interface ResolvedHost {
  /** ASCII (punycode), lowercase registrable domain. */
  readonly domain: string;
  /** The top-level label in ASCII, e.g. `uk` for `example.co.uk`. */
  readonly tld: string;
  /** The public suffix has more than one label (co.uk, github.io). */
  readonly multiLabelSuffix: boolean;
  readonly excluded: boolean;
  readonly shortener: boolean;
  /** Counts even when written bare, whatever its top-level label. */
  readonly known: boolean;
}

/** Lookup tables a resolver applies on top of the Public Suffix List. */
export interface ResolveLists {
  readonly excluded: ReadonlySet<string>;
  readonly shorteners: ReadonlySet<string>;
  readonly known: ReadonlySet<string>;
}

const PRIVATE = { allowPrivateDomains: true, extractHostname: false } as const;
const ICANN = { allowPrivateDomains: false, extractHostname: false } as const;

/**
 * Holds at most this many hosts: comments repeat the same few sites, and
 * a bound keeps a million-comment run from growing without end.
 */
const CACHE_LIMIT = 20_000;

/**
 * Returns a function from a lowercase host to its registrable domain, or
 * null when the host is an IP address, has an unknown top-level label or
 * is itself a public suffix. Results are cached per resolver.
 */
export function createResolver(
  lists: ResolveLists,
): (host: string) => ResolvedHost | null {
  const cache = new Map<string, ResolvedHost | null>();
  return (host) => {
    const hit = cache.get(host);
    if (hit !== undefined) return hit;
    const resolved = resolveUncached(host, lists);
    if (cache.size >= CACHE_LIMIT) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(host, resolved);
    return resolved;
  };
}

function resolveUncached(
  host: string,
  lists: ResolveLists,
): ResolvedHost | null {
  const ascii = isAscii(host) ? host : domainToASCII(host);
  if (ascii === '') return null; // invalid IDN, e.g. a bad xn-- label
  const info = parse(ascii, PRIVATE);
  if (info.isIp || !(info.isIcann || info.isPrivate)) return null;
  let domain = info.domain;
  let suffix = info.publicSuffix ?? '';
  // A bare private suffix (github.io, blogspot.com) is a site of its own.
  if (domain === null && info.isPrivate) {
    const icann = parse(ascii, ICANN);
    domain = icann.domain;
    suffix = icann.publicSuffix ?? '';
  }
  if (domain === null) return null;
  const dot = domain.indexOf('.');
  const name = domain.slice(0, dot);
  return {
    domain,
    tld: ascii.slice(ascii.lastIndexOf('.') + 1),
    multiLabelSuffix: suffix.includes('.'),
    excluded:
      lists.excluded.has(domain) || (name === 'youtube' && !info.isPrivate),
    shortener: lists.shorteners.has(domain),
    known: lists.known.has(domain),
  };
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 127) return false;
  }
  return true;
}
