import type { FailureRecord, Heartbeat, RunRecord } from '../core/model';
import type { EndpointProbe } from './endpoint-probe';

/** The heartbeat the discovery function writes after each success. */
export const DISCOVERY_HEARTBEAT = 'discover-videos';

export interface WatchdogDeps {
  readonly now: () => Date;
  readonly stage: string;
  readonly stallMinutes: number;
  /** Runbook section for a stall, linked from the diagnosis. */
  readonly runbookLink: string;
  readonly getHeartbeat: (name: string) => Promise<Heartbeat | undefined>;
  readonly listRecentRuns: (limit: number) => Promise<RunRecord[]>;
  readonly listRecentFailures: (limit: number) => Promise<FailureRecord[]>;
  /** Time of the watchdog's first check without any heartbeat (kept). */
  readonly firstCheckAt: (now: string) => Promise<string>;
  /** Records the stall episode; false when it was already recorded. */
  readonly claimStall: (episode: string) => Promise<boolean>;
  /** Forgets a claimed episode, so a failed alert is retried. */
  readonly releaseStall: (episode: string) => Promise<void>;
  readonly probeEndpoint: () => Promise<EndpointProbe>;
  readonly publishMinutes: (minutes: number) => void;
  readonly publishAlert: (subject: string, message: string) => Promise<void>;
}

export interface WatchdogOutcome {
  readonly minutesSinceLastDiscovery: number;
  readonly stalled: boolean;
  /** True when this check sent the diagnosis. */
  readonly alerted: boolean;
}

const minutesBetween = (from: string, to: Date) =>
  Math.max(0, Math.floor((to.getTime() - Date.parse(from)) / 60_000));

/**
 * One watchdog check. Publishes the minutes since the last successful
 * discovery; when that passes `stallMinutes`, sends one diagnosis per
 * stall episode. An episode is named by the heartbeat it is stuck on, so
 * the next stall (after a new heartbeat) alerts again and checks in
 * between stay quiet instead of repeating every 5 minutes.
 *
 * Without any heartbeat (a new deploy, or discovery never succeeded) the
 * minutes count from the watchdog's first check: a fresh stack gets the
 * same grace as a running one, and one that never discovers anything
 * still alarms once that grace is over.
 */
export async function runWatchdog(
  deps: WatchdogDeps,
): Promise<WatchdogOutcome> {
  const now = deps.now();
  const heartbeat = await deps.getHeartbeat(DISCOVERY_HEARTBEAT);
  const since = heartbeat?.at ?? (await deps.firstCheckAt(now.toISOString()));
  const minutes = minutesBetween(since, now);
  deps.publishMinutes(minutes);
  const stalled = minutes > deps.stallMinutes;
  if (!stalled)
    return { minutesSinceLastDiscovery: minutes, stalled, alerted: false };

  const episode = heartbeat ? `heartbeat:${heartbeat.at}` : `none:${since}`;
  if (!(await deps.claimStall(episode))) {
    return { minutesSinceLastDiscovery: minutes, stalled, alerted: false };
  }
  try {
    const [runs, failures, probe] = await Promise.all([
      deps.listRecentRuns(1),
      deps.listRecentFailures(1),
      deps.probeEndpoint(),
    ]);
    const { subject, message } = describeStall({
      stage: deps.stage,
      minutes,
      stallMinutes: deps.stallMinutes,
      heartbeat,
      lastRun: runs[0],
      lastFailure: failures[0],
      probe,
      runbookLink: deps.runbookLink,
    });
    await deps.publishAlert(subject, message);
  } catch (error) {
    // Not sent: let the next check try again rather than stay silent.
    await deps.releaseStall(episode);
    throw error;
  }
  return { minutesSinceLastDiscovery: minutes, stalled, alerted: true };
}

export interface StallFacts {
  readonly stage: string;
  readonly minutes: number;
  readonly stallMinutes: number;
  readonly heartbeat: Heartbeat | undefined;
  readonly lastRun: RunRecord | undefined;
  readonly lastFailure: FailureRecord | undefined;
  readonly probe: EndpointProbe;
  readonly runbookLink: string;
}

/** The diagnosis as plain text: it is read in e-mail as well as Slack. */
export function describeStall(facts: StallFacts): {
  subject: string;
  message: string;
} {
  const { heartbeat, lastRun, lastFailure } = facts;
  const subject = `[${facts.stage}] Discovery stalled: no success for ${facts.minutes} minutes`;
  const lines = [
    `The YouTube domain pipeline (stage ${facts.stage}) has not finished a video discovery for ${facts.minutes} minutes (alert after ${facts.stallMinutes}).`,
    '',
    `Last successful discovery: ${heartbeat ? `${heartbeat.at} (run ${heartbeat.runId})` : 'none recorded'}`,
    `Last run: ${lastRun ? `${lastRun.functionId} ${lastRun.outcome}, ended ${lastRun.endedAt} (run ${lastRun.runId})` : 'none recorded'}`,
    `Last error: ${lastFailure ? `${lastFailure.functionId} at ${lastFailure.failedAt} (run ${lastFailure.runId}): ${clip(lastFailure.error, 500)}` : 'none recorded'}`,
    `Endpoint: ${facts.probe.summary}`,
    '',
    `What to do: ${facts.runbookLink}`,
  ];
  return { subject: clip(subject, 100), message: lines.join('\n') };
}

/** SNS subjects must be ASCII, so the ellipsis is three dots. */
const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 3)}...`;
