/**
 * Finds the spans of a comment that could be links: one compiled regex
 * scan, then cheap index arithmetic, so a comment costs one pass and a few
 * small strings per candidate.
 */

/** Scripts written without spaces between words. */
const SPACELESS = String.raw`[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}]`;

/** Variation selectors and the zero-width joiner that end emoji (❤️). */
const EMOJI_JOINERS = String.raw`[\uFE00-\uFE0F\u200D]`;

const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}-]*[\p{L}\p{N}\p{M}])?`;

/**
 * 1: scheme, 2: host, 3: port, 4: path, query or fragment.
 *
 * The lookbehind keeps a host from starting inside a word, an e-mail
 * address (`jo-sa@xn--bcher-kva.de`), a handle (`@john.doe`), a file
 * path (`dir/run.sh`) or a snake_case name, while `-strike.com-` and `*bold.com*` (YouTube's
 * markup) still match.
 */
const CANDIDATE = new RegExp(
  String.raw`(?<!(?!${SPACELESS}|${EMOJI_JOINERS})[\p{L}\p{N}\p{M}]|[@.\/\\]|[\p{L}\p{N}][_-]+)` +
    String.raw`((?:https?|ftp):\/\/)?` +
    `(${LABEL}(?:\\.${LABEL})+)` +
    String.raw`(:\d{1,5})?` +
    String.raw`([\/?#][\w\-.~:\/?#@!$&*+,;=%()\p{L}\p{N}\p{M}]*)?`,
  'giu',
);

/** Letters of scripts written without spaces, glued to an ASCII host. */
const GLUED_LEAD = new RegExp(`^${SPACELESS}+(?=[a-z0-9])`, 'iu');
const GLUED_TAIL = new RegExp(`(?<=[a-z0-9])${SPACELESS}+$`, 'iu');

/** One span that may be a link. Offsets index the scanned text. */
export interface Candidate {
  /** Where the link starts (the scheme, or the host). */
  start: number;
  hostStart: number;
  hostEnd: number;
  /** Where the link ends, trailing punctuation trimmed. */
  end: number;
  scheme: boolean;
}

/**
 * Calls `visit` for every candidate span in `text`, left to right. The
 * same `Candidate` object is reused between calls: copy what you keep.
 */
export function scanCandidates(
  text: string,
  visit: (candidate: Candidate) => void,
): void {
  if (text.indexOf('.') < 0) return;
  const c: Candidate = {
    start: 0,
    hostStart: 0,
    hostEnd: 0,
    end: 0,
    scheme: false,
  };
  CANDIDATE.lastIndex = 0;
  let m = CANDIDATE.exec(text);
  while (m !== null) {
    const scheme = m[1];
    const host = m[2] as string;
    c.start = m.index;
    c.scheme = scheme !== undefined;
    c.hostStart = m.index + (scheme === undefined ? 0 : scheme.length);
    c.hostEnd = c.hostStart + host.length;
    c.end = trimTrailing(text, c.hostEnd, m.index + m[0].length);
    // `john.doe@example.com`: the local part of an e-mail address.
    if (text.charCodeAt(c.hostEnd) !== 64 && trimGlue(host, c)) visit(c);
    m = CANDIDATE.exec(text);
  }
}

/**
 * Trims what ends a sentence or closes markup rather than the link: a
 * trailing `.`, `,`, `!`, `*`, an unbalanced `)`.
 */
function trimTrailing(text: string, hostEnd: number, end: number): number {
  let e = end;
  while (e > hostEnd) {
    const ch = text.charCodeAt(e - 1);
    if (ch === 41 /* ) */) {
      if (countChar(text, hostEnd, e, 40) >= countChar(text, hostEnd, e, 41)) {
        break;
      }
    } else if (!isTrailingPunctuation(ch)) {
      break;
    }
    e--;
  }
  return e;
}

function isTrailingPunctuation(ch: number): boolean {
  // . , ; : ! ? * _ ( ' ~
  return (
    ch === 46 ||
    ch === 44 ||
    ch === 59 ||
    ch === 58 ||
    ch === 33 ||
    ch === 63 ||
    ch === 42 ||
    ch === 95 ||
    ch === 40 ||
    ch === 39 ||
    ch === 126
  );
}

function countChar(text: string, from: number, to: number, ch: number) {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === ch) n++;
  return n;
}

/**
 * `見てexample.comです`: Japanese, Chinese, Korean and Thai are written
 * without spaces, so their letters glue onto an ASCII host. Cuts them off;
 * returns false when nothing host-like is left.
 */
function trimGlue(host: string, c: Candidate): boolean {
  if (isAscii(host)) return true;
  const lead = GLUED_LEAD.exec(host);
  if (lead !== null) {
    if (c.start === c.hostStart) c.start += lead[0].length;
    c.hostStart += lead[0].length;
  }
  const tail = GLUED_TAIL.exec(host);
  if (tail !== null) {
    c.hostEnd -= tail[0].length;
    c.end = c.hostEnd;
  }
  const from = lead === null ? 0 : lead[0].length;
  const to = host.length - (tail === null ? 0 : tail[0].length);
  const dot = host.indexOf('.', from);
  return dot > from && dot < to - 1;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 127) return false;
  }
  return true;
}
