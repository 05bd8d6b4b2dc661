/**
 * CDK app entry (cdk.json "app"). Settings come from context, e.g.
 * `npx cdk deploy -c alertEmails=ops@example.org -c stage=staging`, and
 * are validated before anything is built. Without AWS credentials or
 * CDK_DEFAULT_ACCOUNT the stack is environment-agnostic, so `cdk synth`
 * works offline.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readPipelineConfig } from '../lib/pipeline-config';
import { PipelineStack, stackNameFor } from '../lib/pipeline-stack';
import { readStackSettings } from '../lib/settings';

const app = new App();
const settings = readStackSettings(app.node);
const pipelineSettings = readPipelineConfig(settings.settingsFile);
const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;

new PipelineStack(app, stackNameFor(settings.stage), {
  stackName: stackNameFor(settings.stage),
  description: `YouTube domain pipeline, stage ${settings.stage}`,
  ...(account && region ? { env: { account, region } } : {}),
  settings,
  pipelineSettings,
  deployId: new Date().toISOString(),
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
