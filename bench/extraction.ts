import { domainToASCII } from 'node:url';
import { LinkifyIt } from 'linkify-it';
import { parse } from 'tldts';
import { extractDomains } from '../lambda/core/domains';
import {
  BARE_HOST_TLDS,
  BUILT_IN_EXCLUDED,
} from '../lambda/core/domains/lists';
import {
  generatedCorpus,
  handLabeled,
  type LabeledComment,
  score,
} from '../test/core/domains/corpus';
import { type BenchRow, printTable } from './report';

const WARMUPS = 2;
const REPEATS = 7;
const EXCLUDED = new Set(BUILT_IN_EXCLUDED);

/**
 * The baseline: linkify-it finds links, fuzzy ones (no scheme) included,
 * and tldts reduces each host the way ours does: private suffixes kept,
 * punycode keys, YouTube left out. Its fuzzy list is widened with our
 * common labels so neither side knows more top-level labels.
 */
function linkifyBaseline(): (text: string) => string[] {
  const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true });
  linkify.tlds(
    [...BARE_HOST_TLDS].filter((t) => t.length > 2),
    true,
  );
  return (text) => {
    const found: string[] = [];
    for (const m of linkify.match(text) ?? []) {
      if (m.schema === 'mailto:') continue;
      const info = parse(m.url, { allowPrivateDomains: true });
      if (info.isIp || info.domain === null) continue;
      if (!(info.isIcann || info.isPrivate)) continue;
      const domain = domainToASCII(info.domain);
      if (EXCLUDED.has(domain) || info.domainWithoutSuffix === 'youtube') {
        continue;
      }
      if (domain !== '' && !found.includes(domain)) found.push(domain);
    }
    return found;
  };
}

/** Median comments per second of `extract` over `texts`. */
function throughput(
  texts: readonly string[],
  extract: (text: string) => unknown,
): number {
  for (let w = 0; w < WARMUPS; w++) for (const t of texts) extract(t);
  const rates: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const start = process.hrtime.bigint();
    for (const t of texts) extract(t);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rates.push(texts.length / seconds);
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)] ?? 0;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const rate = (x: number) => `${Math.round(x).toLocaleString('en-US')}/s`;

function quality(
  label: string,
  corpus: readonly LabeledComment[],
  extract: (text: string) => readonly string[],
  f1Target?: number,
): BenchRow[] {
  const s = score(corpus, extract);
  const f1: BenchRow =
    f1Target === undefined
      ? { name: `${label} F1`, value: pct(s.f1) }
      : {
          name: `${label} F1`,
          value: pct(s.f1),
          target: `>= ${pct(f1Target)}`,
          pass: s.f1 >= f1Target,
        };
  return [
    { name: `${label} precision`, value: pct(s.precision) },
    { name: `${label} recall`, value: pct(s.recall) },
    f1,
  ];
}

/**
 * Ours against linkify-it + tldts on one corpus (5000 generated comments
 * and the hand-labelled file): throughput, its ratio, and precision,
 * recall and F1 of each, on the whole corpus and on the hand-labelled part.
 */
export async function benchExtraction(): Promise<BenchRow[]> {
  const hand = handLabeled();
  const corpus = [...generatedCorpus(5000), ...hand];
  const texts = corpus.map((c) => c.text);
  const ours = (text: string) => extractDomains(text).map((d) => d.domain);
  const baseline = linkifyBaseline();

  const oursRate = throughput(texts, extractDomains);
  const baseRate = throughput(texts, baseline);
  const ratio = oursRate / baseRate;
  return [
    { name: 'corpus', value: `${corpus.length} comments` },
    { name: 'ours', value: rate(oursRate) },
    { name: 'linkify-it + tldts', value: rate(baseRate) },
    {
      name: 'speed ratio',
      value: `${ratio.toFixed(1)}x`,
      target: '>= 3x',
      pass: ratio >= 3,
    },
    ...quality('ours', corpus, ours, 0.95),
    ...quality('ours, hand-labelled', hand, ours, 0.95),
    ...quality('baseline', corpus, baseline),
    ...quality('baseline, hand-labelled', hand, baseline),
  ];
}

if (require.main === module) {
  benchExtraction().then((rows) => printTable('Domain extraction', rows));
}
