import {
  type CfnElement,
  CustomResource,
  Duration,
  RemovalPolicy,
  Stack,
  Validations,
} from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunctionUrl } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { PipelineFunction } from './pipeline-function';

export interface InngestSyncProps {
  /** The Inngest endpoint to ask for a sync. */
  readonly url: IFunctionUrl;
  /**
   * Read only to tell the random placeholder from a real key, so a first
   * deploy before the key is filled in succeeds and says so.
   */
  readonly signingKey: ISecret;
  /**
   * Changes on every deploy (bin/app.ts passes the synth time), so
   * CloudFormation updates the resource and the sync runs each time, not
   * only when the URL changes.
   */
  readonly deployId: string;
  readonly logRetention: RetentionDays;
}

/**
 * Registers the app with Inngest after each deploy: a custom resource whose
 * handler (lambda/sync-inngest.ts) sends `PUT` to the endpoint, which makes
 * the SDK register its functions with Inngest, and checks the answer. A
 * failed sync throws, so the deploy fails with the reason: a deployed but
 * unsynced app is the classic cause of jobs that show as registered and
 * never run. The CDK Provider framework turns the handler's return value
 * or error into the CloudFormation response, including on timeouts.
 */
export class InngestSync extends Construct {
  readonly handler: PipelineFunction;
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: InngestSyncProps) {
    super(scope, id);
    this.handler = new PipelineFunction(this, 'Handler', {
      entry: 'sync-inngest.ts',
      description: 'Custom resource: registers the app with Inngest',
      // Retries with backoff cover a cold start of the serve function.
      timeout: Duration.minutes(2),
      logRetention: props.logRetention,
    });
    this.handler.readSecret('INNGEST_SIGNING_KEY_SECRET_ARN', props.signingKey);
    const frameworkLogs = new LogGroup(this, 'ProviderLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Own role for the framework function so it does not get the
    // account-wide AWSLambdaBasicExecutionRole managed policy.
    const frameworkRole = new Role(this, 'ProviderRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'CDK custom resource framework for the Inngest sync',
    });
    frameworkLogs.grantWrite(frameworkRole);
    const provider = new Provider(this, 'Provider', {
      onEventHandler: this.handler.fn,
      logGroup: frameworkLogs,
      frameworkOnEventRole: frameworkRole,
    });
    const handlerId = Stack.of(this).getLogicalId(
      this.handler.fn.node.defaultChild as CfnElement,
    );
    Validations.of(frameworkRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${handlerId}.Arn>:*]`,
      reason:
        "Written by the CDK Provider framework: it may invoke only the sync handler, and the wildcard covers that one function's versions and aliases.",
    });
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::InngestSync',
      properties: {
        FunctionUrl: props.url.url,
        DeployId: props.deployId,
      },
    });
  }

  /** What the sync did: `synced`, or `skipped: <why>`. */
  get status(): string {
    return this.resource.getAttString('Status');
  }
}
