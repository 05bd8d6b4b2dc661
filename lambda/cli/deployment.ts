import {
  type CloudFormationClient,
  DescribeStacksCommand,
  type Stack,
} from '@aws-sdk/client-cloudformation';
import { APP_ID } from '../inngest/ids';
import { TABLE_IDS, type TableId, type TableNames } from '../store/tables';

/**
 * A deployed stage, as its CloudFormation stack describes it. The CLI
 * learns everything from the stack's outputs (lib/pipeline-stack.ts), so
 * an operator needs only AWS credentials and the stage name.
 */
export interface Deployment {
  readonly stage: string;
  readonly stackName: string;
  /** CloudFormation's stack status, e.g. UPDATE_COMPLETE. */
  readonly status: string;
  readonly statusReason?: string;
  /** When the last deploy (create or update) happened. */
  readonly deployedAt: Date;
  readonly functionUrl: string;
  readonly tables: TableNames;
  /** Secret names (Secrets Manager takes a name wherever it takes an ARN). */
  readonly secrets: {
    readonly inngestSigningKey?: string;
    readonly inngestEventKey?: string;
    readonly youtubeApiKey?: string;
  };
  /** The Inngest branch environment; undefined for production. */
  readonly inngestEnv?: string;
  readonly syncStatus?: string;
  readonly alertsTopicArn?: string;
  readonly notifierAlarmTopicArn?: string;
  readonly alarmNamePrefix: string;
  readonly stallMinutes?: number;
  readonly newDomainsPerWeek?: number;
  readonly discoveryCron?: string;
  readonly cadenceMinutes?: number;
  readonly dashboardUrl?: string;
}

/**
 * The stack name of a stage. The same rule as `stackNameFor` in
 * lib/pipeline-stack.ts (a test holds them together); the CLI does not
 * import lib/, which would load the whole CDK on every command.
 */
export const deployedStackName = (stage: string): string =>
  `${APP_ID}-${stage}`;

/** Where the CLI works: a deployed stage, or the local embedded setup. */
export type Target =
  | { readonly mode: 'deployed'; readonly deployment: Deployment }
  | { readonly mode: 'local'; readonly reason: string };

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Finds the stage's stack when AWS is configured; otherwise, or when the
 * stack is missing or unreadable, the local setup, with the reason (the
 * CLI prints it, so an operator never mistakes one for the other).
 */
export async function findTarget(options: {
  stage: string;
  env: Env;
  local?: boolean;
  cloudFormation: () => Pick<CloudFormationClient, 'send'>;
}): Promise<Target> {
  const { env, stage } = options;
  if (options.local) return { mode: 'local', reason: '--local was given' };
  if (!env.AWS_REGION && !env.AWS_DEFAULT_REGION && !env.AWS_PROFILE) {
    return {
      mode: 'local',
      reason:
        'no AWS region configured (set AWS_REGION or AWS_PROFILE to check a deployed stage)',
    };
  }
  const stackName = deployedStackName(stage);
  let stack: Stack | undefined;
  try {
    const found = await options
      .cloudFormation()
      .send(new DescribeStacksCommand({ StackName: stackName }));
    stack = found.Stacks?.[0];
  } catch (error) {
    const message = (error as Error).message;
    return {
      mode: 'local',
      reason: /does not exist/.test(message)
        ? `stack ${stackName} does not exist in this account and region (deploy it, or pick another --stage)`
        : `cannot read stack ${stackName}: ${message}`,
    };
  }
  if (!stack) {
    return { mode: 'local', reason: `stack ${stackName} was not found` };
  }
  const parsed = deploymentFromStack(stack, stage);
  if ('missing' in parsed) {
    return {
      mode: 'local',
      reason: `stack ${stackName} lacks the outputs ${parsed.missing.join(', ')}; deploy this version of the stack once (npx cdk deploy)`,
    };
  }
  return { mode: 'deployed', deployment: parsed };
}

/** Output key of each table's name, e.g. `TableVideos`. */
export const tableOutputKey = (id: TableId): string =>
  `Table${id[0]?.toUpperCase()}${id.slice(1)}`;

/** The output keys the CLI cannot work without. */
export const REQUIRED_OUTPUTS = [
  'FunctionUrl',
  'AlarmNamePrefix',
  ...TABLE_IDS.map(tableOutputKey),
];

/** Reads a stack description; lists the outputs that are missing. */
export function deploymentFromStack(
  stack: Stack,
  stage: string,
): Deployment | { missing: string[] } {
  const outputs = new Map<string, string>();
  for (const output of stack.Outputs ?? []) {
    if (output.OutputKey && output.OutputValue !== undefined) {
      outputs.set(output.OutputKey, output.OutputValue);
    }
  }
  const missing = REQUIRED_OUTPUTS.filter((key) => !outputs.has(key));
  if (missing.length > 0) return { missing };
  const get = (key: string) => outputs.get(key);
  const number = (key: string) => {
    const value = Number(get(key));
    return Number.isFinite(value) && get(key) ? value : undefined;
  };
  const tables = {} as Record<TableId, string>;
  for (const id of TABLE_IDS) tables[id] = get(tableOutputKey(id)) as string;
  return {
    stage: get('Stage') ?? stage,
    stackName: stack.StackName ?? deployedStackName(stage),
    status: stack.StackStatus ?? 'UNKNOWN',
    statusReason: stack.StackStatusReason,
    deployedAt: stack.LastUpdatedTime ?? stack.CreationTime ?? new Date(0),
    functionUrl: get('FunctionUrl') as string,
    tables,
    // CDK makes `Secret-inngestSigningKey` the logical id
    // `SecretinngestSigningKey`.
    secrets: {
      inngestSigningKey: get('SecretinngestSigningKey'),
      inngestEventKey: get('SecretinngestEventKey'),
      youtubeApiKey: get('SecretyoutubeApiKey'),
    },
    inngestEnv: get('InngestEnv') || undefined,
    syncStatus: get('InngestSyncStatus'),
    alertsTopicArn: get('AlertsTopicArn'),
    notifierAlarmTopicArn: get('NotifierAlarmTopicArn'),
    alarmNamePrefix: get('AlarmNamePrefix') as string,
    stallMinutes: number('StallMinutes'),
    newDomainsPerWeek: number('NewDomainsPerWeek'),
    discoveryCron: get('DiscoveryCron'),
    cadenceMinutes: number('CadenceMinutes'),
    dashboardUrl: get('DashboardUrl'),
  };
}
