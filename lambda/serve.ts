import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import type {
  APIGatewayProxyStructuredResultV2,
  Context,
  LambdaFunctionURLEvent,
} from 'aws-lambda';
import { serve } from 'inngest/lambda';
import { lazy } from './core/util/lazy';
import { createPipelineClient } from './inngest/client';
import { createPipelineFunctions } from './inngest/functions';
import type { MetricsSink } from './inngest/runtime';
import { createSnsAlerts } from './runtime/alerts';
import {
  inngestEnvironment,
  removeStrayInngestVariables,
} from './runtime/inngest-env';
import {
  maxRuntimeFromEnv,
  settingsFromEnv,
  stageFromEnv,
  YOUTUBE_KEY_FIX,
} from './runtime/lambda-env';
import { createLogger } from './runtime/logger';
import { createEmfMetrics } from './runtime/metrics';
import { createPipelineRuntime } from './runtime/pipeline-runtime';
import { SecretReader } from './runtime/secrets';
import { tableNamesFromEnv } from './store/tables';

/** A Function URL handler; it always answers with a structured result. */
type Handler = (
  event: LambdaFunctionURLEvent,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** Stand-ins for AWS clients, the clock and waits, for tests. */
export interface HandlerOverrides {
  readonly secretsManager?: () => Pick<SecretsManagerClient, 'send'>;
  readonly sns?: () => Pick<SNSClient, 'send'>;
  readonly metrics?: MetricsSink;
  readonly clock?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * The Inngest endpoint behind the Lambda Function URL. Everything is built
 * on the first request (secrets need an await) and kept for the life of
 * the process; if building fails, the next request tries again. Only the
 * Inngest keys are needed to answer Inngest: settings and the YouTube key
 * are checked when a function runs.
 */
export function createHandler(
  env: NodeJS.ProcessEnv = process.env,
  overrides: HandlerOverrides = {},
): Handler {
  let ready: Promise<Handler> | undefined;
  return async (event, context) => {
    if (!ready) {
      ready = build(env, overrides);
      ready.catch(() => {
        ready = undefined;
      });
    }
    return (await ready)(event, context);
  };
}

async function build(
  env: NodeJS.ProcessEnv,
  overrides: HandlerOverrides,
): Promise<Handler> {
  const logger = createLogger();
  // The SDK reads process.env itself, whatever `env` the caller passed.
  const removed = removeStrayInngestVariables(process.env);
  if (removed.length > 0) {
    logger.warn(
      { removed },
      'ignoring variables that would move Inngest off production; set INNGEST_ENV to pick an environment',
    );
  }
  const secrets = new SecretReader(
    env,
    overrides.secretsManager ?? lazy(() => new SecretsManagerClient({})),
  );
  const [signingKey, eventKey] = await Promise.all([
    secrets.get('INNGEST_SIGNING_KEY'),
    secrets.get('INNGEST_EVENT_KEY'),
  ]);
  const maxRuntime = maxRuntimeFromEnv(env);
  if (maxRuntime.problem) logger.warn(maxRuntime.problem);
  const client = createPipelineClient({
    env: inngestEnvironment(env),
    signingKey,
    eventKey,
    logger,
    ...(maxRuntime.value ? { maxRuntimeMs: maxRuntime.value } : {}),
  });
  const runtime = createPipelineRuntime({
    settings: settingsFromEnv(env),
    tables: tableNamesFromEnv(env),
    dynamoEndpoint: env.DYNAMODB_ENDPOINT,
    youtubeApiKey: () => secrets.get('YOUTUBE_API_KEY'),
    youtubeKeyFix: YOUTUBE_KEY_FIX,
    log: {
      info: (message, context) => logger.info(message, context),
      warn: (message, context) => logger.warn(message, context),
      error: (message, context) => logger.error(message, context),
    },
    metrics: overrides.metrics ?? createEmfMetrics(stageFromEnv(env)),
    alerts: createSnsAlerts(
      env.ALERTS_TOPIC_ARN,
      overrides.sns ?? lazy(() => new SNSClient({})),
    ),
    clock: overrides.clock,
    sleep: overrides.sleep,
  });
  return serve({
    client,
    functions: createPipelineFunctions(client, runtime),
    serveOrigin: env.INNGEST_SERVE_ORIGIN || undefined,
    // Only Inngest, signing with our key, may make the app sync.
    enableUnauthedSync: false,
  }) as Handler;
}

/** The Lambda entry point. */
export const handler = createHandler();
