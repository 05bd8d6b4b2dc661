/** Reading what a function did from @inngest/test's mocked step tools. */
import type { InngestTestEngine } from '@inngest/test';

type Ctx = InngestTestEngine.MockContext;

/** An event as a function handed it to step.sendEvent. */
export interface SentEvent {
  readonly name: string;
  readonly id?: string;
  readonly data: Record<string, unknown>;
}

/** The ids of the `step.run` calls, in order. */
export function runStepIds(ctx: Ctx): string[] {
  return ctx.step.run.mock.calls.map(([id]) => String(id));
}

/** The `step.sendEvent` calls: step id and events, in order. */
export function sendEventCalls(
  ctx: Ctx,
): { stepId: string; events: SentEvent[] }[] {
  return ctx.step.sendEvent.mock.calls.map(([id, payload]) => ({
    stepId: String(id),
    events: (Array.isArray(payload) ? payload : [payload]) as SentEvent[],
  }));
}

/** Every event the run sent, in order. */
export function sentEvents(ctx: Ctx): SentEvent[] {
  return sendEventCalls(ctx).flatMap((call) => call.events);
}
