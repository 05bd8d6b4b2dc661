/**
 * The curated lists the extractor's rules lean on. Kept apart from the
 * matcher so a reader can review the judgement calls in one place.
 */

/**
 * YouTube's and Google's video hosts: a link to another video is not a
 * mention of the web outside YouTube. Any registrable domain whose name is
 * `youtube` (youtube.de, youtube.co.uk) is excluded as well, see
 * `isBuiltInExcluded`.
 */
export const BUILT_IN_EXCLUDED: readonly string[] = [
  'youtube.com',
  'youtu.be',
  'yt.be',
  'youtube-nocookie.com',
  'youtubekids.com',
  'youtubegaming.com',
  'youtubeeducation.com',
  'youtubego.com',
  'ytimg.com',
  'ggpht.com',
  'googlevideo.com',
];

/** Link shorteners: counted, but flagged, since they hide the target. */
export const BUILT_IN_SHORTENERS: readonly string[] = [
  'bit.ly',
  'bitly.com',
  'tinyurl.com',
  't.co',
  'goo.gl',
  'ow.ly',
  'is.gd',
  'v.gd',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  'shorturl.at',
  'tiny.cc',
  'rb.gy',
  't.ly',
  'bl.ink',
  's.id',
  'shorte.st',
  'adf.ly',
  'lnkd.in',
  'db.tt',
  'ift.tt',
  'dlvr.it',
  'trib.al',
  'amzn.to',
  'fb.me',
  'spoti.fi',
  'apple.co',
  'clck.ru',
  'vk.cc',
  'qr.ae',
  'shrtco.de',
  'tiny.one',
  'hyperurl.co',
];

/**
 * Well-known hosts whose top-level label is also an English word or a file
 * extension (redd.it, instagr.am): written bare, they still count.
 */
export const KNOWN_BARE_HOSTS: readonly string[] = [
  'redd.it',
  'instagr.am',
  'about.me',
  'wa.me',
  't.me',
  'linktr.ee',
  'docs.rs',
  'crates.io',
  'notion.so',
  'tumblr.com',
];

/**
 * Top-level labels that a bare `word.tld` (no scheme, `www.` or path) may
 * end in. It leaves out labels that are common English words (is, so, it,
 * me, to, in, at, be, do, no, us, my, now, love, lol, you, live, fun, one,
 * video, music...) because "ok.so" and "this.is" are typos, not links, and
 * labels that are file extensions (see `FILE_EXTENSION_TLDS`). A bare host
 * under a multi-label public suffix (co.in, com.my, github.io) counts
 * whatever its top label, since prose never glues those.
 */
// biome-ignore format: a table reads better than one label a line
export const BARE_HOST_TLDS: ReadonlySet<string> = new Set([
  // generic
  'com', 'net', 'org', 'edu', 'gov', 'mil', 'int', 'io', 'co', 'ai', 'dev',
  'app', 'info', 'biz', 'xyz', 'tv', 'gg', 'ly', 'gl', 'gd', 'fm', 'ee',
  'online', 'site', 'store', 'shop', 'blog', 'tech', 'website', 'club',
  'asia', 'mobi', 'su', 'tk', 'cloud', 'social', 'wiki', 'ru', 'eu',
  // countries whose code is no common word
  'uk', 'de', 'fr', 'es', 'nl', 'jp', 'cn', 'br', 'au', 'ca', 'ch', 'se',
  'pl', 'nz', 'za', 'kr', 'tw', 'hk', 'sg', 'mx', 'ar', 'cl', 'pe', 'vn',
  'tr', 'ua', 'cz', 'dk', 'fi', 'gr', 'hu', 'ie', 'pt', 'ro', 'sk', 'lt',
  'lv', 'si', 'hr', 'bg', 'ir', 'pk', 'bd', 'ng', 'eg', 'ae', 'kz', 'ge',
  'az', 'uz', 'lk', 'np', 'ke', 'gh', 'tn', 'dz', 've', 'ec', 'uy', 'cr',
  'gt', 'cu', 'th', 'ph', 'il', 'sa', 'ba',
  // internationalised country codes (рф, 中国, 日本...) in ASCII form
  'xn--p1ai', 'xn--fiqs8s', 'xn--fiqz9s', 'xn--j1amh', 'xn--90ais',
  'xn--3e0b707e', 'xn--wgbh1c', 'xn--mgbaam7a8h',
]);

/**
 * Top-level labels that are also common file extensions: `setup.zip`,
 * `clip.mov`, `main.py`, `run.sh`, `README.md` are files unless written
 * with a scheme, `www.` or a `/` path. Polish `.pl` and `.ai` stay out:
 * bare `allegro.pl` and `character.ai` are far more common in comments
 * than Perl scripts and Illustrator files.
 */
// biome-ignore format: a table reads better than one label a line
export const FILE_EXTENSION_TLDS: ReadonlySet<string> = new Set([
  'zip', 'mov', 'py', 'sh', 'md', 'rs', 'cc', 'ml', 'ps', 'so', 'pm', 'sc',
]);
