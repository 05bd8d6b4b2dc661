import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { parseSettings } from '../../../lambda/core/settings-loader';
import { REPO_ROOT } from '../../../lib/paths';
import { PipelineStack, stackNameFor } from '../../../lib/pipeline-stack';
import { parseStackSettings } from '../../../lib/settings';

/** The feature flags from cdk.json, so tests synthesize what deploys. */
const cdkJsonContext = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')).context;

/** A small valid pipeline settings object (defaults fill the rest). */
export const PIPELINE_SETTINGS = parseSettings(
  { sources: { channels: ['UCsBjURrPoezykLs9EqgamOA'], searches: [] } },
  'test',
);

export const DEPLOY_ID = '2026-01-02T03:04:05.000Z';

export interface SynthOptions {
  /** Stack settings as CDK context, e.g. `{ stage: 'staging' }`. */
  readonly context?: Record<string, unknown>;
  /** Register the cdk-nag AwsSolutions checks. @default false */
  readonly nag?: boolean;
}

/**
 * Builds the stack as bin/app.ts does, without bundling: with
 * `aws:cdk:bundling-stacks` empty, NodejsFunction stages the source
 * instead of running esbuild, which keeps these tests fast (the one test
 * that bundles runs `cdk synth` itself, see bundling.test.ts).
 */
export function synthPipeline(options: SynthOptions = {}) {
  const app = new App({
    context: {
      ...cdkJsonContext(),
      'aws:cdk:bundling-stacks': [],
    },
  });
  const settings = parseStackSettings({
    alertEmails: 'ops@example.org',
    ...options.context,
  });
  const stack = new PipelineStack(app, stackNameFor(settings.stage), {
    stackName: stackNameFor(settings.stage),
    settings,
    pipelineSettings: PIPELINE_SETTINGS,
    deployId: DEPLOY_ID,
  });
  if (options.nag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack, settings };
}

const cache = new Map<string, Template>();

/** The template of a stack built with `context`, built once per file. */
export function templateFor(context: Record<string, unknown> = {}): Template {
  const key = JSON.stringify(context);
  let template = cache.get(key);
  if (!template) {
    template = Template.fromStack(synthPipeline({ context }).stack);
    cache.set(key, template);
  }
  return template;
}

type Resources = Record<string, { Properties?: Record<string, unknown> }>;

/** The logical id of the only resource of `type` matching `props`. */
export function logicalId(
  template: Template,
  type: string,
  props: Record<string, unknown> = {},
): string {
  const found = template.findResources(type, {
    Properties: props,
  }) as Resources;
  const ids = Object.keys(found);
  if (ids.length !== 1) {
    throw new Error(`expected one ${type}, found ${ids.length}`);
  }
  return ids[0] as string;
}

/** The Lambda function whose description starts with `prefix`. */
export function functionId(template: Template, prefix: string): string {
  const fns = template.findResources('AWS::Lambda::Function') as Resources;
  const ids = Object.entries(fns)
    .filter(([, r]) =>
      String(r.Properties?.Description ?? '').startsWith(prefix),
    )
    .map(([id]) => id);
  if (ids.length !== 1) {
    throw new Error(`expected one function "${prefix}", found ${ids.length}`);
  }
  return ids[0] as string;
}
