import { domainToASCII, domainToUnicode } from 'node:url';
import { chance, intBetween, makeRng, pick } from './rng';

/**
 * Made-up YouTube comments with the domains a careful reader would list for
 * each. Shared by the YouTube replica (its sample world) and the extractor's
 * corpus tests. It does not use the extractor: its labels come from how it
 * wrote each link, so a bug in the extractor cannot hide in them.
 */
export interface GeneratedComment {
  text: string;
  /** ASCII registrable domains in order of first appearance, YouTube left out. */
  domains: string[];
}

// biome-ignore format: a table reads better than one item a line
const SYLLABLES = [
  'ka', 'lo', 'mi', 'ra', 'zen', 'tor', 'vi', 'pa', 'nex', 'qu', 'ste', 'bo',
  'lin', 'dar', 'fy', 'ro', 'sa', 'mo', 'tek', 'lu', 'ver', 'gal', 'pix',
  'nor', 'bri', 'cal', 'dex', 'fin', 'hub', 'jo',
];
/** Suffixes people write bare (`name.com`), weighted toward .com. */
// biome-ignore format: a table reads better than one item a line
const COMMON = [
  'com', 'com', 'com', 'com', 'net', 'org', 'io', 'co', 'dev', 'app', 'ai',
  'de', 'fr', 'nl', 'ca', 'es', 'pl', 'co.uk', 'com.au', 'com.br', 'co.jp',
  'info', 'xyz', 'tv', 'gg', 'shop',
];
/** Real top-level labels that are also words or file extensions. */
const LINK_ONLY = ['me', 'zip', 'mov', 'is', 'it', 'to', 'fun', 'live', 'so'];
const PRIVATE = [
  'github.io',
  'netlify.app',
  'vercel.app',
  'blogspot.com',
  'pages.dev',
];
const IDN_NAMES = [
  'bücher',
  'müller',
  'café',
  'straße',
  'ゲーム',
  '音楽',
  'пример',
];
const IDN_SUFFIXES: Record<string, string> = {
  ゲーム: 'jp',
  音楽: 'jp',
  пример: 'рф',
};
// biome-ignore format: a table reads better than one item a line
const SHORTENERS = [
  'bit.ly', 'tinyurl.com', 't.co', 'goo.gl', 'ow.ly', 'is.gd', 'cutt.ly',
  'rebrand.ly', 'shorturl.at',
];
/** Links to YouTube itself: never labelled. */
const YOUTUBE = [
  'https://youtu.be/dQw4w9WgXcQ',
  'https://www.youtube.com/watch?v=abc123XYZ_0&t=42s',
  'youtube.com/@somechannel',
  'https://m.youtube.com/shorts/Zx9_k2',
  'https://i.ytimg.com/vi/abc/hqdefault.jpg',
];
// biome-ignore format: a table reads better than one item a line
const FILLER = [
  'Great video!', 'This is so underrated.', 'who is here in 2025?',
  'The part at 12:30 got me 😂', 'I paid 3.99 for it lol', 'first',
  'Thanks for the tutorial, it finally works', 'bro really said that 💀',
  'Can you do a part 2??', 'My dad showed me this channel', 'W video',
  'Still better than the sequel', 'I rate it 4.5/5', 'Love from Brazil 🇧🇷',
  'The algorithm brought me here', 'ok but the ending tho',
  'Does anyone know the song at 3:45?', 'This aged well.', 'Subscribed!',
  '10/10 would watch again', 'I have watched this 5 times already',
  'Who else is watching at 3 a.m.?', 'e.g. the second method is faster',
  'lmao 🤣🤣', 'The U.S. version is different', 'Underrated comment section',
];
// biome-ignore format: a table reads better than one item a line
const WORDS = [
  'guide', 'setup', 'notes', 'build', 'video', 'report', 'draft', 'clip',
  'main', 'install',
];
/** Words typed after a dot without a space: `ok.so`, `end.The`. */
// biome-ignore format: a table reads better than one item a line
const GLUE = [
  'is', 'so', 'it', 'now', 'me', 'in', 'to', 'at', 'lol', 'you', 'love',
  'the', 'and', 'but', 'then', 'The', 'I', 'Thanks', 'So',
];
/** File extensions, some of them real top-level labels (zip, mov, py). */
// biome-ignore format: a table reads better than one item a line
const FILE_EXTS = [
  'pdf', 'exe', 'png', 'html', 'zip', 'mov', 'py', 'sh', 'md', 'mp4', 'txt',
  'rs',
];
/** Labels the Public Suffix List does not know. */
// biome-ignore format: a table reads better than one item a line
const UNKNOWN_TLDS = [
  'notatld', 'lan', 'local', 'internal', 'corp', 'localhost',
];
const SUBDOMAINS = ['blog', 'shop', 'docs', 'm', 'app', 'en', 'store'];
const EMOJI = ['🔥', '👉', '😂', '❤️', '✅', '👇'];

function name(rng: () => number): string {
  let n = '';
  const parts = intBetween(rng, 2, 3);
  for (let i = 0; i < parts; i++) n += pick(rng, SYLLABLES);
  if (chance(rng, 0.08)) n += `-${pick(rng, SYLLABLES)}`;
  if (chance(rng, 0.05)) n += intBetween(rng, 1, 99);
  return n;
}

/**
 * Made-up registrable domains in ASCII: syllable names over common real
 * suffixes and multi-label ones (co.uk, com.au), some under private suffixes
 * (`x.github.io`), some internationalised, some under word-like labels.
 */
export function makeDomainPool(seed: string | number, size: number): string[] {
  const rng = makeRng(seed);
  const pool = new Set<string>();
  for (let tries = 0; pool.size < size && tries < size * 20; tries++) {
    const roll = rng();
    if (roll < 0.78) pool.add(`${name(rng)}.${pick(rng, COMMON)}`);
    else if (roll < 0.86) pool.add(`${name(rng)}.${pick(rng, LINK_ONLY)}`);
    else if (roll < 0.94) pool.add(`${name(rng)}.${pick(rng, PRIVATE)}`);
    else {
      const idn = pick(rng, IDN_NAMES);
      const suffix = IDN_SUFFIXES[idn] ?? pick(rng, ['de', 'at', 'com']);
      const label = chance(rng, 0.5) ? idn : `${idn}-${pick(rng, SYLLABLES)}`;
      pool.add(domainToASCII(`${label}.${suffix}`));
    }
  }
  return [...pool];
}

/** Whether a reader would take `domain` written bare as a link. */
function bareSafe(domain: string): boolean {
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  if (PRIVATE.some((p) => domain.endsWith(`.${p}`))) return true;
  if (domain.includes('.co.') || domain.includes('.com.')) return true;
  return COMMON.includes(tld) || tld === 'xn--p1ai';
}

function path(rng: () => number): string {
  switch (intBetween(rng, 0, 5)) {
    case 0:
      return '/';
    case 1:
      return `/${pick(rng, WORDS)}`;
    case 2:
      return `/${pick(rng, WORDS)}/${pick(rng, WORDS)}-${intBetween(rng, 1, 999)}`;
    case 3:
      return `?ref=yt&id=${intBetween(rng, 1, 99999)}`;
    case 4:
      return `/p/${intBetween(rng, 1, 9999)}#top`;
    default:
      return `/watch/${name(rng)}.html`;
  }
}

/** Writes `domain` the way commenters do; the host stays under `domain`. */
function renderLink(rng: () => number, domain: string): string {
  const shown = chance(rng, 0.9) ? domainToUnicode(domain) : domain;
  const roll = rng();
  const host =
    roll < 0.2
      ? `www.${shown}`
      : roll < 0.3
        ? `${pick(rng, SUBDOMAINS)}.${shown}`
        : shown;
  let scheme = chance(rng, 0.45) ? pick(rng, ['https://', 'http://']) : '';
  let tail = chance(rng, 0.45) ? path(rng) : '';
  const bare = scheme === '' && !host.startsWith('www.');
  if (bare && tail === '' && !bareSafe(domain)) {
    if (chance(rng, 0.5)) scheme = 'https://';
    else tail = `/${pick(rng, WORDS)}`;
  }
  const linkText = scheme + host + tail;
  const casing = chance(rng, 0.05) && bare && tail === '';
  const text = casing
    ? linkText[0]?.toUpperCase() + linkText.slice(1)
    : linkText;
  return wrap(rng, text, domain);
}

function wrap(rng: () => number, link: string, domain: string): string {
  const url = /^[a-z]+:\/\//i.test(link) ? link : `https://${link}`;
  switch (intBetween(rng, 0, 11)) {
    case 0:
      return `(${link})`;
    case 1:
      return `[${domainToUnicode(domain)}](${url})`;
    case 2:
      return `**${link}**`;
    case 3:
      return `<${url}>`;
    case 4:
      return `"${link}"`;
    case 5:
      return `${link}${pick(rng, ['!', '.', ',', '...', '…', '?!', ';'])}`;
    case 6:
      return `${pick(rng, EMOJI)}${link}${pick(rng, EMOJI)}`;
    case 7:
      return `→ ${link}`;
    default:
      return link;
  }
}

function trap(rng: () => number, pool: readonly string[]): string {
  const n = name(rng);
  switch (intBetween(rng, 0, 10)) {
    case 0:
      return `mail me at ${n}@${pick(rng, pool)}`;
    case 1:
      return `follow @${n}.${name(rng)} on insta`;
    case 2:
      return `server is ${intBetween(rng, 1, 255)}.${intBetween(rng, 0, 255)}.${intBetween(rng, 0, 255)}.${intBetween(rng, 1, 254)}`;
    case 3:
      return `try http://192.168.${intBetween(rng, 0, 9)}.1:8080/admin or http://[::1]:3000/`;
    case 4:
      return `download ${pick(rng, WORDS)}.${pick(rng, FILE_EXTS)} first`;
    case 5:
      return `updated to v${intBetween(rng, 1, 9)}.${intBetween(rng, 0, 20)}.${intBetween(rng, 0, 9)} and ${intBetween(rng, 1, 9)}.${intBetween(rng, 0, 9)}`;
    case 6:
      return `${pick(rng, ['wow', 'ok', 'this', 'great', 'end', 'yes'])}.${pick(rng, GLUE)} ${pick(rng, FILLER)}`;
    case 7:
      return `it runs on ${n}.${pick(rng, UNKNOWN_TLDS)}`;
    case 8:
      return `at ${intBetween(rng, 0, 59)}:${String(intBetween(rng, 0, 59)).padStart(2, '0')} it costs $${intBetween(rng, 1, 99)}.99`;
    case 9:
      return `jump to 1:0${intBetween(rng, 0, 9)}:33, 3.5mm jack, ${intBetween(rng, 1, 9)}.${intBetween(rng, 1, 9)}x speed`;
    default:
      return `contact ${n}.${name(rng)}@gmail.com`;
  }
}

/**
 * One comment: mostly prose, often no link at all (`linkChance` is the
 * share of comments with links, 0.5 by default), sometimes links to
 * domains from `pool` (or shorteners, or YouTube itself), sometimes traps
 * that look like domains but are not (e-mails, handles, IPs, file names,
 * versions, glued words, unknown labels, times and prices).
 */
export function generateCommentText(
  rng: () => number,
  pool: readonly string[],
  options: { readonly linkChance?: number } = {},
): GeneratedComment {
  const linkChance = options.linkChance ?? 0.5;
  const parts: string[] = [];
  const domains: string[] = [];
  const add = (domain: string, text: string) => {
    parts.push(text);
    if (!domains.includes(domain)) domains.push(domain);
  };
  if (chance(rng, 0.7)) parts.push(pick(rng, FILLER));
  // Of the comments with links: 64% one, 26% two, 10% three.
  const roll = rng();
  const linked = roll < linkChance ? roll / linkChance : 1;
  const links = linked >= 1 ? 0 : linked < 0.64 ? 1 : linked < 0.9 ? 2 : 3;
  for (let i = 0; i < links; i++) {
    const kind = rng();
    if (kind < 0.1) {
      const s = pick(rng, SHORTENERS);
      add(s, `${chance(rng, 0.5) ? 'https://' : ''}${s}/${name(rng)}`);
    } else if (kind < 0.18) parts.push(pick(rng, YOUTUBE));
    else {
      const d = pick(rng, pool);
      add(
        d,
        `${pick(rng, ['check', 'see', 'source:', 'more at', ''])} ${renderLink(rng, d)}`.trim(),
      );
    }
    if (chance(rng, 0.4)) parts.push(pick(rng, FILLER));
  }
  if (chance(rng, 0.35)) parts.push(trap(rng, pool));
  if (chance(rng, 0.1)) parts.push(trap(rng, pool));
  if (parts.length === 0) parts.push(pick(rng, FILLER));
  return { text: parts.join(chance(rng, 0.15) ? '\n' : ' '), domains };
}
