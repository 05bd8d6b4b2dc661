import {
  GetSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';

/** A secret read once and kept, until told to forget it. */
export interface CachedSecret {
  get(): Promise<string>;
  /** Drops the kept value, e.g. after it was refused: it may have changed. */
  forget(): void;
}

/**
 * Reads a secret once per cold start: the value is kept in memory for
 * later invocations and never logged. A failed read is not kept, so the
 * next invocation tries again.
 */
export function cachedSecret(
  client: SecretsManagerClient,
  secretArn: string,
): CachedSecret {
  let value: Promise<string> | undefined;
  return {
    get() {
      value ??= readSecretValue(client, secretArn).catch((error: unknown) => {
        value = undefined;
        throw error;
      });
      return value;
    },
    forget() {
      value = undefined;
    },
  };
}

/** Reads a secret's string value now, with no caching. */
export async function readSecretValue(
  client: SecretsManagerClient,
  secretArn: string,
): Promise<string> {
  const { SecretString } = await client.send(
    new GetSecretValueCommand({ SecretId: secretArn }),
  );
  if (!SecretString) {
    throw new Error(
      `secret ${secretArn} has no string value; put one in with aws secretsmanager put-secret-value`,
    );
  }
  return SecretString.trim();
}

/** An environment variable the function cannot run without. */
export function requireEnv(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
): string {
  const value = env[name];
  if (!value) {
    throw new Error(
      `environment variable ${name} is not set; the CDK stack (lib/) sets it, so deploy with npx cdk deploy`,
    );
  }
  return value;
}
