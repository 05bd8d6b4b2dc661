/**
 * Custom resource handler (CDK Provider framework): registers the app with
 * Inngest after each deploy. The framework turns the returned Data into
 * the resource's attributes and a thrown error into a failed deploy with
 * that message. Logic in ./ops/sync-inngest.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@aws-lambda-powertools/logger';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SERVICE_NAME } from './metric-names';
import { readSecretValue, requireEnv } from './ops/secret-value';
import {
  handleSyncEvent,
  requestSync,
  type SyncEvent,
  type SyncResult,
} from './ops/sync-inngest';

const logger = new Logger({ serviceName: SERVICE_NAME });
const secrets = new SecretsManagerClient({});
const signingKeyArn = requireEnv(process.env, 'INNGEST_SIGNING_KEY_SECRET_ARN');

export async function handler(event: SyncEvent): Promise<SyncResult> {
  logger.info('Inngest sync requested', { requestType: event.RequestType });
  return handleSyncEvent(event, {
    // Read fresh each deploy: a warm container must not remember the
    // placeholder after someone put the real key in.
    readSigningKey: () => readSecretValue(secrets, signingKeyArn),
    sync: (url) =>
      requestSync({
        url,
        fetch: (input, init) => fetch(input, init),
        sleep,
      }),
    log: (message, context) => logger.info(message, { ...context }),
  });
}
