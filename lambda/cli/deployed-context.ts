import {
  GetSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type { PipelineContext } from '../core/context';
import type { Log } from '../core/deps';
import { loadSettings } from '../core/settings-loader';
import { createPipelineContext } from '../wiring';
import type { Deployment, Target } from './deployment';
import { openEnvironment } from './environment';

type Env = Readonly<Record<string, string | undefined>>;

/** Reads a secret's value with the operator's credentials. */
export type SecretSource = (nameOrArn: string) => Promise<string>;

/** Secrets Manager as a {@link SecretSource}; values are never logged. */
export function secretsManagerSource(
  client: () => Pick<SecretsManagerClient, 'send'>,
): SecretSource {
  return async (nameOrArn) => {
    const { SecretString } = await client().send(
      new GetSecretValueCommand({ SecretId: nameOrArn }),
    );
    const value = SecretString?.trim();
    if (!value) {
      throw new Error(
        `secret ${nameOrArn} has no text value; put it in with aws secretsmanager put-secret-value (docs/deploy.md)`,
      );
    }
    return value;
  };
}

/** A pipeline context over a target, and how to let go of it. */
export interface OpenedContext {
  readonly context: PipelineContext;
  /** One line saying what runs where, printed at start. */
  readonly description: string;
  close(): Promise<void>;
}

/**
 * The pipeline context of a target: the deployed stage's tables (and its
 * YouTube key, when `youtube` is asked for, read from Secrets Manager), or
 * the local environment. The settings are the local settings file in both
 * cases: it is what this checkout deploys.
 */
export async function openTargetContext(
  target: Target,
  options: {
    env: Env;
    cwd?: string;
    log: Log;
    secrets: SecretSource;
    youtube?: boolean;
    clock?: () => Date;
  },
): Promise<OpenedContext> {
  if (target.mode === 'local') {
    const local = await openEnvironment(options);
    return {
      context: local.context,
      description: `${local.description} (local: ${target.reason})`,
      close: () => local.close(),
    };
  }
  const { deployment } = target;
  const youtubeApiKey = options.youtube
    ? await readYouTubeKey(deployment, options.secrets)
    : '';
  const context = createPipelineContext({
    settings: loadSettings({ env: options.env, cwd: options.cwd }),
    tables: deployment.tables,
    youtubeApiKey,
    log: options.log,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    context,
    description: describeDeployment(deployment),
    close: async () => {},
  };
}

/** One line naming the deployed stage the CLI works on. */
export function describeDeployment(deployment: Deployment): string {
  return `Stage ${deployment.stage}: stack ${deployment.stackName} (${deployment.status}, deployed ${deployment.deployedAt.toISOString()}).`;
}

async function readYouTubeKey(
  deployment: Deployment,
  secrets: SecretSource,
): Promise<string> {
  const name = deployment.secrets.youtubeApiKey;
  if (!name) {
    throw new Error(
      `stack ${deployment.stackName} has no Secret-youtubeApiKey output; deploy this version of the stack once`,
    );
  }
  return secrets(name);
}
