import { getDomain } from 'tldts';
import { extractDomains } from '../../../lambda/core/domains';
import {
  generateCommentText,
  makeDomainPool,
} from '../../../local/world/comment-text';
import { makeRng } from '../../../local/world/rng';
import { generatedCorpus, handLabeled, score } from './corpus';

const ours = (text: string) => extractDomains(text).map((d) => d.domain);

/** What a careless extractor does: every dotted token through tldts. */
const naive = (text: string) =>
  (text.match(/\S+\.\S+/g) ?? [])
    .map((token) => getDomain(token))
    .filter((d): d is string => d !== null);

describe('domain extraction on labelled corpora', () => {
  const hand = handLabeled();
  const generated = generatedCorpus(5000);

  it('clears precision and recall on the hand-labelled comments', () => {
    const s = score(hand, ours);
    expect(s.falsePositives.slice(0, 5)).toEqual([]);
    expect(s.precision).toBeGreaterThanOrEqual(0.97);
    expect(s.recall).toBeGreaterThanOrEqual(0.96);
  });

  it('clears precision and recall on the generated comments', () => {
    const s = score(generated, ours);
    expect(s.precision).toBeGreaterThanOrEqual(0.98);
    expect(s.recall).toBeGreaterThanOrEqual(0.98);
  });

  it('scores a careless extractor below the bar, so the bar can fail', () => {
    expect(score(hand, naive).precision).toBeLessThan(0.9);
    expect(score(generated, naive).precision).toBeLessThan(0.9);
  });

  it('keeps the hand-labelled file large and apart from the generator', () => {
    expect(hand.length).toBeGreaterThanOrEqual(200);
    const generatedTexts = new Set(generated.map((c) => c.text));
    expect(hand.filter((c) => generatedTexts.has(c.text))).toEqual([]);
    const withDomains = hand.filter((c) => c.domains.length > 0).length;
    expect(withDomains).toBeGreaterThan(80);
    expect(hand.length - withDomains).toBeGreaterThan(80);
  });
});

describe('generateCommentText', () => {
  it('writes the same comments for the same seed', () => {
    const pool = makeDomainPool('seed', 50);
    const a = makeRng('x');
    const b = makeRng('x');
    for (let i = 0; i < 50; i++) {
      expect(generateCommentText(a, pool)).toEqual(
        generateCommentText(b, pool),
      );
    }
  });

  it('labels only pool domains and shorteners, never YouTube', () => {
    const labels = new Set(generatedCorpus(2000).flatMap((c) => c.domains));
    expect([...labels].some((d) => d.includes('youtu'))).toBe(false);
    expect(labels.has('bit.ly') || labels.has('t.co')).toBe(true);
  });

  it('mixes comments without links, with links and with several', () => {
    const counts = generatedCorpus(2000).map((c) => c.domains.length);
    expect(counts.filter((n) => n === 0).length).toBeGreaterThan(600);
    expect(counts.filter((n) => n === 1).length).toBeGreaterThan(400);
    expect(counts.filter((n) => n >= 2).length).toBeGreaterThan(100);
  });
});

describe('makeDomainPool', () => {
  it('makes distinct registrable ASCII domains of the size asked', () => {
    const pool = makeDomainPool(7, 300);
    expect(new Set(pool).size).toBe(300);
    for (const d of pool) expect(d).toMatch(/^[a-z0-9.-]+$/);
    expect(pool.some((d) => d.endsWith('.github.io'))).toBe(true);
    expect(pool.some((d) => d.startsWith('xn--'))).toBe(true);
    expect(pool.some((d) => d.endsWith('.co.uk'))).toBe(true);
  });
});

describe('makeRng', () => {
  it('returns numbers in [0, 1) that depend on the seed', () => {
    const a = makeRng('a');
    const values = Array.from({ length: 1000 }, () => a());
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(makeRng('b')()).not.toBe(makeRng('a')());
    expect(makeRng(1)()).toBe(makeRng(1)());
  });
});
