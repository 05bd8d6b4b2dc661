import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  generateCommentText,
  makeDomainPool,
} from '../../../local/world/comment-text';
import { makeRng } from '../../../local/world/rng';

/** A comment and the domains a careful reader lists for it. */
export interface LabeledComment {
  readonly text: string;
  readonly domains: readonly string[];
}

/** Precision, recall and F1 over a corpus, counting domains per comment. */
export interface Score {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly falsePositives: readonly string[];
  readonly falseNegatives: readonly string[];
}

const HAND_LABELED = join(
  __dirname,
  '../../fixtures/domains/hand-labeled.jsonl',
);

/** The hand-written corpus, independent of the comment generator. */
export function handLabeled(): LabeledComment[] {
  return readFileSync(HAND_LABELED, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabeledComment);
}

/** `count` generated comments over a fixed pool: the same on every run. */
export function generatedCorpus(count = 5000, seed = 'corpus-v1') {
  const pool = makeDomainPool(`${seed}:pool`, 400);
  const rng = makeRng(seed);
  const corpus: LabeledComment[] = [];
  for (let i = 0; i < count; i++) corpus.push(generateCommentText(rng, pool));
  return corpus;
}

/** Scores `extract` against the labels; keeps examples of each mistake. */
export function score(
  corpus: readonly LabeledComment[],
  extract: (text: string) => readonly string[],
): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const falsePositives: string[] = [];
  const falseNegatives: string[] = [];
  for (const { text, domains } of corpus) {
    const got = new Set(extract(text));
    const want = new Set(domains);
    for (const d of got) {
      if (want.has(d)) tp++;
      else {
        fp++;
        falsePositives.push(`${d} in ${JSON.stringify(text)}`);
      }
    }
    for (const d of want) {
      if (!got.has(d)) {
        fn++;
        falseNegatives.push(`${d} in ${JSON.stringify(text)}`);
      }
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 =
    precision + recall === 0
      ? 0
      : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, falsePositives, falseNegatives };
}
