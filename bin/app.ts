/**
 * CDK app entry (cdk.json "app"). Settings come from context, e.g.
 * `npx cdk deploy -c alertEmails=ops@example.org -c stage=staging`, and
 * are validated before anything is built. Without CDK_DEFAULT_ACCOUNT and
 * CDK_DEFAULT_REGION (no credentials) the stack is environment-agnostic,
 * so `cdk synth` works offline.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SettingsError } from '../lambda/core/settings';
import { readPipelineConfig } from '../lib/pipeline-config';
import { PipelineStack, stackNameFor } from '../lib/pipeline-stack';
import { readStackSettings, StackSettingsError } from '../lib/settings';

function main(): void {
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
    // A new value each synth: the Inngest sync re-runs on every deploy.
    deployId: new Date().toISOString(),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

try {
  main();
} catch (error) {
  // A settings mistake is the user's to fix: show the message, not a stack.
  if (error instanceof StackSettingsError || error instanceof SettingsError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
