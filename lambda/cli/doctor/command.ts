import type { Log } from '../../core/deps';
import type { Target } from '../deployment';
import { render } from '../output';
import type { CheckResult, CheckStatus } from './check';
import { DOCTOR_CHECKS } from './checks';
import type { DoctorFacts } from './facts';
import { gatherFacts } from './gather';
import { type DoctorClients, openDoctorSources } from './sources';

type Env = Readonly<Record<string, string | undefined>>;

/** Every check's result for the facts, in the checks' order. */
export function runChecks(facts: DoctorFacts): CheckResult[] {
  return DOCTOR_CHECKS.map((c) => c.run(facts));
}

/** `pipeline doctor`: gathers the facts of a target and judges them. */
export async function runDoctor(options: {
  target: Target;
  env: Env;
  cwd?: string;
  log: Log;
  now: () => Date;
  clients: DoctorClients;
}): Promise<CheckResult[]> {
  const opened = await openDoctorSources({ ...options, now: options.now() });
  try {
    return runChecks(await gatherFacts(opened.sources));
  } finally {
    await opened.close();
  }
}

/** 1 when any check failed, else 0: warnings and skips do not fail. */
export const doctorExitCode = (results: readonly CheckResult[]): number =>
  results.some((r) => r.status === 'fail') ? 1 : 0;

/** `16 checks: 10 pass, 2 warn, 1 fail, 3 skip`. */
export function summarize(results: readonly CheckResult[]): string {
  const count = (status: CheckStatus) =>
    results.filter((r) => r.status === status).length;
  const parts = (['pass', 'warn', 'fail', 'skip'] as const).map(
    (s) => `${count(s)} ${s}`,
  );
  return `${results.length} checks: ${parts.join(', ')}`;
}

/** A table for a person (cells wrapped to fit), or JSON for a machine. */
export function renderDoctor(
  results: readonly CheckResult[],
  format: 'table' | 'json',
  target: Target,
): string {
  if (format === 'json') {
    const where =
      target.mode === 'deployed'
        ? { stage: target.deployment.stage, stack: target.deployment.stackName }
        : { reason: target.reason };
    return `${JSON.stringify({ mode: target.mode, ...where, ok: doctorExitCode(results) === 0, summary: summarize(results), checks: results }, null, 2)}\n`;
  }
  const rows = results.map((r) => ({
    check: r.id,
    status: r.status.toUpperCase(),
    evidence: wrap(r.evidence, 56),
    fix: wrap(r.fix, 44),
  }));
  return `${render(rows, 'table')}${summarize(results)}\n`;
}

/** Breaks text into lines of at most `width`, at spaces where it can. */
export function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '';
    }
    let rest = word;
    while (rest.length > width) {
      if (line) lines.push(line);
      lines.push(rest.slice(0, width));
      line = '';
      rest = rest.slice(width);
    }
    line = line ? `${line} ${rest}` : rest;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
