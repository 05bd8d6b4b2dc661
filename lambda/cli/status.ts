import type { Heartbeat, RunRecord } from '../core/model';
import { pacificDay } from '../core/pacific-time';
import { SEARCHES, UNITS } from '../core/quota';
import type { Settings } from '../core/settings';
import type { PipelineStore } from '../core/store-port';
import type { AlarmState } from './doctor/facts';
import { render, renderPairs } from './output';

/** New domains a week the pipeline is meant to find. */
export const WEEKLY_TARGET = { min: 200, max: 500 } as const;

const WEEK_MS = 7 * 24 * 3_600_000;

export interface StatusReport {
  readonly now: Date;
  readonly runs: RunRecord[];
  readonly heartbeatName: string;
  readonly heartbeat: Heartbeat | undefined;
  readonly quota: {
    readonly day: string;
    readonly units: number;
    readonly dailyUnits: number;
    readonly searches: number;
  };
  readonly newDomains: number;
  readonly target: { readonly min: number; readonly max: number };
  /** Alarms in ALARM, or why they were not read. */
  readonly alarms: AlarmState[] | { readonly skipped: string };
}

/**
 * `pipeline status`: what the pipeline did lately, read from the store
 * (and CloudWatch for a deployed stage). Never calls YouTube or Inngest.
 */
export async function readStatus(options: {
  store: PipelineStore;
  settings: Settings;
  now: Date;
  heartbeatName: string;
  /** The weekly pace the stage alarms below. @default 200 */
  minPerWeek?: number;
  /** Reads the alarms in ALARM; absent locally. */
  alarms?: () => Promise<AlarmState[]>;
  runs?: number;
}): Promise<StatusReport> {
  const { store, now } = options;
  const day = pacificDay(now);
  const weekAgo = new Date(now.getTime() - WEEK_MS);
  const [runs, heartbeat, usage, domains, alarms] = await Promise.all([
    store.listRecentRuns(options.runs ?? 10),
    store.getHeartbeat(options.heartbeatName),
    store.getQuotaUsage(day),
    store.listNewDomains(weekAgo.toISOString(), now.toISOString()),
    options.alarms
      ? options.alarms().then((all) => all.filter((a) => a.state === 'ALARM'))
      : Promise.resolve({ skipped: 'local mode has no alarms' }),
  ]);
  return {
    now,
    runs,
    heartbeatName: options.heartbeatName,
    heartbeat,
    quota: {
      day,
      units: usage[UNITS] ?? 0,
      dailyUnits: options.settings.quota.dailyUnits,
      searches: usage[SEARCHES] ?? 0,
    },
    newDomains: domains.length,
    target: {
      min: options.minPerWeek ?? WEEKLY_TARGET.min,
      max: WEEKLY_TARGET.max,
    },
    alarms,
  };
}

/** Where the week's count stands against the target. */
export function paceOf(count: number, target: StatusReport['target']) {
  if (count < target.min)
    return `below the target of ${target.min}-${target.max}`;
  if (count > target.max)
    return `above the target of ${target.min}-${target.max}`;
  return `on target (${target.min}-${target.max})`;
}

export function formatStatus(
  report: StatusReport,
  format: 'table' | 'json',
): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const { heartbeat, quota } = report;
  const age = heartbeat
    ? `${Math.floor((report.now.getTime() - Date.parse(heartbeat.at)) / 60_000)} min ago (${heartbeat.at})`
    : 'none recorded';
  const alarms =
    'skipped' in report.alarms
      ? `not read: ${report.alarms.skipped}`
      : report.alarms.length === 0
        ? 'none in ALARM'
        : report.alarms.map((a) => a.name).join(', ');
  const summary = renderPairs([
    [`heartbeat (${report.heartbeatName})`, age],
    [
      `quota today (${quota.day}, Pacific)`,
      `${quota.units} of ${quota.dailyUnits} units (${Math.round((100 * quota.units) / quota.dailyUnits)}%), ${quota.searches} search call(s)`,
    ],
    [
      'new domains, last 7 days',
      `${report.newDomains}: ${paceOf(report.newDomains, report.target)}`,
    ],
    ['alarms in ALARM', alarms],
  ]);
  const runs = report.runs.map((r) => ({
    function: r.functionId,
    outcome: r.outcome,
    ended: r.endedAt,
    seconds: Math.round(
      (Date.parse(r.endedAt) - Date.parse(r.startedAt)) / 1000,
    ),
    summary: summarize(r.summary),
  }));
  return `${summary}last runs:\n${render(runs, 'table')}`;
}

/** Summary fields the table already shows in columns of their own. */
const HIDDEN = new Set(['runId', 'startedAt', 'durationMs']);

/** `videosDiscovered=3 error=...`: the run's summary on one short line. */
function summarize(summary: RunRecord['summary']): string {
  const text = Object.entries(summary)
    .filter(([k, v]) => !HIDDEN.has(k) && v !== 0 && v !== false && v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}
