import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/** What each secret holds, as the deploy guide tells people to fill it. */
export const SECRETS = {
  inngestSigningKey: {
    name: 'inngest-signing-key',
    description:
      'Inngest signing key (signkey-...), from the Inngest dashboard: Manage > Signing Key',
  },
  inngestEventKey: {
    name: 'inngest-event-key',
    description:
      'Inngest event key, from the Inngest dashboard: Manage > Event Keys',
  },
  youtubeApiKey: {
    name: 'youtube-api-key',
    description: 'YouTube Data API v3 key from Google Cloud Console',
  },
  slackWebhookUrl: {
    name: 'slack-webhook-url',
    description:
      'Slack incoming webhook URL (https://hooks.slack.com/services/...)',
  },
} as const;

export type SecretId = keyof typeof SECRETS;

export interface PipelineSecretsProps {
  /** Secret names are `<namePrefix><name>`, e.g. `youtube-domain-pipeline/prod/youtube-api-key`. */
  readonly namePrefix: string;
}

/**
 * The secrets the pipeline needs, created empty-handed: CloudFormation
 * fills each with a random placeholder and a person puts the real value in
 * with `aws secretsmanager put-secret-value` (docs/deploy.md). The values
 * never pass through the template, the environment or the logs; functions
 * get the ARN and read the value at run time.
 */
export class PipelineSecrets extends Construct {
  readonly secrets: Readonly<Record<SecretId, Secret>>;

  constructor(scope: Construct, id: string, props: PipelineSecretsProps) {
    super(scope, id);
    const secrets = {} as Record<SecretId, Secret>;
    for (const [secretId, spec] of Object.entries(SECRETS)) {
      const secret = new Secret(this, secretId, {
        secretName: `${props.namePrefix}${spec.name}`,
        description: spec.description,
        // Kept like the tables when the stack is deleted: the keys were
        // put in by hand and are not recreated by a deploy.
        removalPolicy: RemovalPolicy.RETAIN,
      });
      Validations.of(secret).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason:
          'Each value is issued by a third party (Inngest, Google Cloud, Slack) whose API a Secrets Manager rotation function cannot call to mint a new key. Rotation is manual: issue a new key there, then put-secret-value (docs/deploy.md).',
      });
      secrets[secretId as SecretId] = secret;
    }
    this.secrets = secrets;
  }
}
