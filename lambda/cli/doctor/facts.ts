import type { FailureRecord, Heartbeat, RunRecord } from '../../core/model';
import type { Settings } from '../../core/settings';
import type { TableNames } from '../../store/tables';
import type { Deployment } from '../deployment';
import type { InngestEvent } from '../inngest-api';

/**
 * One gathered fact: its value, the error met while reading it, or why it
 * was not read at all (a check of it is then a `skip`, never a pass).
 */
export type Fact<T> =
  | { readonly value: T }
  | { readonly error: string }
  | { readonly skipped: string };

export const skipped = (reason: string): Fact<never> => ({ skipped: reason });

/** Runs `read` and keeps its value, or its error as text. */
export async function readFact<T>(read: () => Promise<T>): Promise<Fact<T>> {
  try {
    return { value: await read() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** What a signed introspection GET answered. */
export interface Introspection {
  readonly status: number;
  /** The parsed JSON body; empty when it was not JSON. */
  readonly body: Record<string, unknown>;
}

/** One pipeline table and whether it answered a read. */
export interface TableProbe {
  readonly id: string;
  readonly name: string;
  readonly error?: string;
}

export interface AlarmState {
  readonly name: string;
  readonly state: string;
  readonly reason?: string;
  readonly description?: string;
}

export interface Subscription {
  readonly topicArn: string;
  readonly protocol: string;
  readonly endpoint: string;
  /** `PendingConfirmation` until the link in the e-mail is clicked. */
  readonly subscriptionArn: string;
}

/** When the Inngest signing key secret last changed, when known. */
export interface SecretChange {
  readonly name: string;
  readonly changedAt?: Date;
}

/** Everything the checks look at, read once at the start. */
export interface DoctorFacts {
  readonly mode: 'deployed' | 'local';
  readonly now: Date;
  /** Why the doctor works locally; set in local mode. */
  readonly localReason?: string;
  readonly deployment?: Deployment;
  readonly tableNames: TableNames;
  readonly settings: Fact<Settings>;
  readonly signingKey: Fact<string>;
  readonly signingKeyChange: Fact<SecretChange>;
  readonly eventKey: Fact<string>;
  /** Resolves when YouTube accepted the key with one cheap call. */
  readonly youtubeKey: Fact<{
    readonly source: string;
    /** Set when the call was not made because today's quota is spent. */
    readonly quotaStop?: string;
  }>;
  /** Status of an unsigned GET to the Function URL. */
  readonly unsignedGet: Fact<number>;
  readonly introspection: Fact<Introspection>;
  /** `inngest/function.finished` events of the last 30 minutes. */
  readonly finishedEvents: Fact<InngestEvent[]>;
  /** `inngest/function.failed` events of the last day. */
  readonly failedEvents: Fact<InngestEvent[]>;
  readonly tables: Fact<TableProbe[]>;
  readonly heartbeat: Fact<Heartbeat | undefined>;
  readonly heartbeatName: string;
  readonly runs: Fact<RunRecord[]>;
  readonly failures: Fact<FailureRecord[]>;
  readonly alarms: Fact<AlarmState[]>;
  readonly subscriptions: Fact<Subscription[]>;
  readonly quota: Fact<Record<string, number>>;
}
