import { Inngest, type Logger } from 'inngest';
import { APP_ID } from './ids';

export interface PipelineClientOptions {
  /**
   * The Inngest branch environment to use, e.g. `staging`.
   * @default production: no environment is named
   */
  readonly env?: string;
  /** Verifies Inngest's requests and authenticates syncs. */
  readonly signingKey?: string;
  /** Sends events (the discovery fan-out, comments stored). */
  readonly eventKey?: string;
  /** @default Inngest's console logger */
  readonly logger?: Logger;
  /**
   * Dev mode: no signatures, talks to a local Inngest dev server.
   * @default false, even when INNGEST_DEV is set, so a stray variable can
   * never turn off signature checks in production
   */
  readonly isDev?: boolean;
  /**
   * Inngest's API and event origin.
   * @default Inngest Cloud (INNGEST_BASE_URL and friends still apply)
   */
  readonly baseUrl?: string;
  /**
   * How long one request may keep running steps before the SDK hands the
   * rest back to Inngest. Kept under the Lambda timeout, so a request is
   * never killed mid-step.
   * @default the SDK's (10 s for serve)
   */
  readonly maxRuntimeMs?: number;
}

/** The app's Inngest client, configured explicitly rather than by ambient
 * variables wherever that matters for safety. */
export function createPipelineClient(options: PipelineClientOptions = {}) {
  return new Inngest({
    id: APP_ID,
    env: options.env,
    signingKey: options.signingKey,
    eventKey: options.eventKey,
    logger: options.logger,
    isDev: options.isDev ?? false,
    baseUrl: options.baseUrl,
    checkpointing:
      options.maxRuntimeMs === undefined
        ? true
        : { maxRuntime: options.maxRuntimeMs },
  });
}

export type PipelineClient = ReturnType<typeof createPipelineClient>;
