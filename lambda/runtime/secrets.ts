import {
  GetSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { ConfigurationError } from '../inngest/runtime';

type Env = Readonly<Record<string, string | undefined>>;

/** The secrets the Lambda reads, by the variable that may hold them. */
export type SecretName =
  | 'INNGEST_SIGNING_KEY'
  | 'INNGEST_EVENT_KEY'
  | 'YOUTUBE_API_KEY';

/** Errors that mean the secret is missing or unreadable, not that AWS
 * hiccupped: no retry can fix them. */
const PERMANENT = new Set([
  'ResourceNotFoundException',
  'AccessDeniedException',
  'InvalidParameterException',
  'DecryptionFailure',
]);

/**
 * Reads each secret once per cold start. A value given directly in the
 * variable of the same name (local runs, tests) is used as it is;
 * otherwise `<NAME>_SECRET_ARN` names a Secrets Manager secret whose
 * SecretString is the bare value. A failed read is not cached, so the next
 * request tries again.
 */
export class SecretReader {
  private readonly cache = new Map<SecretName, Promise<string | undefined>>();

  constructor(
    private readonly env: Env,
    /** Created on first use: a Lambda given every value directly never
     * builds a Secrets Manager client. */
    private readonly client: () => Pick<SecretsManagerClient, 'send'>,
  ) {}

  /** The secret's value, or undefined when neither variable is set. */
  get(name: SecretName): Promise<string | undefined> {
    let value = this.cache.get(name);
    if (!value) {
      value = this.read(name);
      this.cache.set(name, value);
      value.catch(() => this.cache.delete(name));
    }
    return value;
  }

  private async read(name: SecretName): Promise<string | undefined> {
    const direct = this.env[name];
    if (direct) return direct;
    const arnVariable = `${name}_SECRET_ARN`;
    const arn = this.env[arnVariable];
    if (!arn) return undefined;
    let text: string | undefined;
    try {
      const result = await this.client().send(
        new GetSecretValueCommand({ SecretId: arn }),
      );
      text = result.SecretString?.trim();
    } catch (error) {
      if (error instanceof Error && PERMANENT.has(error.name)) {
        throw new ConfigurationError(
          arnVariable,
          `cannot read secret ${arn} (${error.name}); check that it exists and that the function's role may read it`,
        );
      }
      throw error;
    }
    if (!text) {
      throw new ConfigurationError(
        arnVariable,
        `secret ${arn} has no text value; store the bare ${name} as the secret's plaintext`,
      );
    }
    return text;
  }
}
