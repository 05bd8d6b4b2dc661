import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import {
  type BundlingOptions,
  NodejsFunction,
  OutputFormat,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { lambdaEntry, REPO_ROOT } from '../paths';

/** Newest Node.js runtime aws-cdk-lib 2.276 knows; arm64 costs 20% less. */
export const RUNTIME = Runtime.NODEJS_24_X;

/**
 * esbuild options shared by every function and by `npm run bench`, so the
 * measured bundle is the deployed one. ESM with the AWS SDK bundled: a
 * pinned, tree-shaken SDK starts faster than the runtime's full copy and
 * does not change under us. Some bundled CommonJS packages call `require`
 * for Node built-ins, which ESM lacks, hence the `createRequire` banner.
 * No keepNames: it costs 5% of the serve bundle, and the project's error
 * classes set `name` themselves.
 */
/**
 * Lambda gives credentials in environment variables only, so the bundles
 * swap the SDK's default provider chain for the environment provider (see
 * lambda/runtime/lambda-credentials.ts).
 */
export const CREDENTIAL_ALIAS = {
  from: '@aws-sdk/credential-provider-node',
  to: lambdaEntry('runtime/lambda-credentials.ts'),
} as const;

export const BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  minify: true,
  // Bundled libraries carry much non-ASCII text (the public suffix list,
  // messages); ASCII escapes would make the bundle 5% larger. Passed as
  // an argument: NodejsFunction 2.276 ignores its own `charset` option.
  esbuildArgs: {
    '--charset': 'utf8',
    [`--alias:${CREDENTIAL_ALIAS.from}`]: CREDENTIAL_ALIAS.to,
  },
  sourceMap: false,
  target: 'node24',
  mainFields: ['module', 'main'],
  bundleAwsSDK: true,
  externalModules: [],
  forceDockerBundling: false,
  banner:
    "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
};

/** What lambda/store does to items (it never deletes or batch-writes). */
export const TABLE_ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:Query',
  'dynamodb:Scan',
] as const;

/** Indexes are only read. */
export const INDEX_ACTIONS = ['dynamodb:Query'] as const;

/**
 * The RetentionDays value for a number of days: the enum's values are the
 * day counts, and lib/settings.ts accepts only those.
 */
export const logRetention = (days: number): RetentionDays =>
  days as RetentionDays;

export interface PipelineFunctionProps {
  /** Entry file under lambda/, e.g. `watchdog.ts`; exports `handler`. */
  readonly entry: string;
  readonly description: string;
  /** Log retention, from the stack settings. */
  readonly logRetention: RetentionDays;
  /** @default 256 */
  readonly memorySize?: number;
  /** @default 30 seconds */
  readonly timeout?: Duration;
  /** @default {} */
  readonly environment?: Readonly<Record<string, string>>;
}

/**
 * A Lambda function with the project's defaults, and grant helpers that
 * set the environment variable and the permission together so the two
 * cannot drift apart. Each function gets its own role whose only built-in
 * right is writing to its own log group (no AWSLambdaBasicExecutionRole,
 * which allows every log group in the account).
 */
export class PipelineFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly logGroup: LogGroup;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: PipelineFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      // Logs outlive a deleted stack for the post-mortem; retention
      // still bounds their cost.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.entry}`,
    });
    this.fn = new NodejsFunction(this, 'Function', {
      entry: lambdaEntry(props.entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: `${REPO_ROOT}/package-lock.json`,
      runtime: RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout ?? Duration.seconds(30),
      description: props.description,
      role: this.role,
      logGroup: this.logGroup,
      environment: { ...props.environment },
      bundling: BUNDLING,
    });
    this.logGroup.grantWrite(this.role);
  }

  /** Sets an environment variable. */
  setEnv(name: string, value: string): void {
    this.fn.addEnvironment(name, value);
  }

  /** Passes the secret's ARN (never its value) and allows reading it. */
  readSecret(envVar: string, secret: ISecret): void {
    this.setEnv(envVar, secret.secretArn);
    secret.grantRead(this.role);
  }

  /**
   * Passes the table name and allows the item operations the store uses,
   * on the table and on the named indexes only (no `index/*`, no table
   * management, no deletes).
   */
  readWriteTable(
    envVar: string,
    table: ITable,
    indexNames: readonly string[],
  ): void {
    this.setEnv(envVar, table.tableName);
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [...TABLE_ITEM_ACTIONS],
        resources: [table.tableArn],
      }),
    );
    if (indexNames.length > 0) {
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: [...INDEX_ACTIONS],
          resources: indexNames.map((n) => `${table.tableArn}/index/${n}`),
        }),
      );
    }
  }

  /** Passes the topic ARN and allows publishing to it. */
  publishTo(envVar: string, topic: ITopic): void {
    this.setEnv(envVar, topic.topicArn);
    topic.grantPublish(this.role);
  }
}
