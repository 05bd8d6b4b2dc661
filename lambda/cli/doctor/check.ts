/**
 * The doctor's vocabulary: one row per check, with what was seen and what
 * to do. Checks are pure functions of the facts gathered beforehand
 * (./facts.ts), so each failure mode is tested without any network.
 */
import type { DoctorFacts } from './facts';

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  /** Stable id; docs/runbook.md has a section of the same anchor. */
  readonly id: string;
  readonly status: CheckStatus;
  /** What was seen: numbers, names, times. Never a secret. */
  readonly evidence: string;
  /** What to do; empty when nothing is. */
  readonly fix: string;
}

export interface Check {
  readonly id: string;
  /** One line saying what the check proves when it passes. */
  readonly title: string;
  run(facts: DoctorFacts): CheckResult;
}

/** Builds a check whose results carry its id. */
export function check(
  id: string,
  title: string,
  run: (facts: DoctorFacts, say: Say) => CheckResult,
): Check {
  const say: Say = {
    pass: (evidence, fix = '') => ({ id, status: 'pass', evidence, fix }),
    warn: (evidence, fix) => ({ id, status: 'warn', evidence, fix }),
    fail: (evidence, fix) => ({ id, status: 'fail', evidence, fix }),
    skip: (evidence, fix = '') => ({ id, status: 'skip', evidence, fix }),
  };
  return { id, title, run: (facts) => run(facts, say) };
}

export interface Say {
  pass(evidence: string, fix?: string): CheckResult;
  warn(evidence: string, fix: string): CheckResult;
  fail(evidence: string, fix: string): CheckResult;
  skip(evidence: string, fix?: string): CheckResult;
}

/** Minutes between two instants, rounded down. */
export const minutesBetween = (from: Date | string, to: Date): number =>
  Math.floor((to.getTime() - new Date(from).getTime()) / 60_000);

/** `95 min`, `3 h 5 min`, `2 d 4 h`: an age a person reads at a glance. */
export function formatAge(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) {
    const rest = minutes % 60;
    return `${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ''}`;
  }
  return `${Math.floor(minutes / 1440)} d ${Math.floor((minutes % 1440) / 60)} h`;
}

/**
 * The result for a fact that has no value: a skip with the reason it was
 * not read, or a fail with the error met reading it.
 */
export function unread(
  fact: { readonly skipped: string } | { readonly error: string },
  say: Say,
  fixOnError: string,
): CheckResult {
  if ('skipped' in fact) return say.skip(fact.skipped);
  return say.fail(fact.error, fixOnError);
}
