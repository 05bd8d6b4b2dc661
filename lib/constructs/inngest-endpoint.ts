import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { FunctionUrlAuthType, type IFunctionUrl } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { METRIC_NAMESPACE, SERVICE_NAME } from '../../lambda/metric-names';
import { TABLES, type TableId } from '../../lambda/store/tables';
import { PipelineFunction } from './pipeline-function';

/**
 * Lambda timeout of the serve function. Inngest calls it once per step (or
 * per checkpointed run of steps); a harvest step is at most a few YouTube
 * calls of 15 s with retries, far below this.
 */
export const SERVE_TIMEOUT = Duration.minutes(5);

/**
 * How long the Inngest SDK keeps running steps inside one request
 * (checkpointing `maxRuntime`) before handing the rest back to Inngest.
 * One minute under the Lambda timeout, so the step in flight and the final
 * checkpoint still finish before Lambda kills the request.
 */
export const INNGEST_MAX_RUNTIME_MS = SERVE_TIMEOUT.toMilliseconds() - 60_000;

export interface InngestEndpointProps {
  readonly stage: string;
  /** Inngest environment for a non-prod stage; unset for production. */
  readonly inngestEnv: string | undefined;
  /**
   * Changes on every deploy. Set as `DEPLOY_ID` so each deploy starts new
   * containers: the serve function reads its secrets once per cold start,
   * and a container kept warm (the watchdog probes it every 5 minutes)
   * would otherwise keep a replaced key, or the first deploy's
   * placeholder, and the sync that follows would register with it.
   */
  readonly deployId: string;
  /** The pipeline settings as JSON, validated at synth time. */
  readonly settingsJson: string;
  readonly tables: Readonly<Record<TableId, ITable>>;
  readonly signingKey: ISecret;
  readonly eventKey: ISecret;
  readonly youtubeApiKey: ISecret;
  readonly alertsTopic: ITopic;
  readonly logRetention: RetentionDays;
}

/**
 * The Inngest serve handler (lambda/serve.ts) behind a Lambda Function URL.
 * The URL has no AWS auth because Inngest cannot sign AWS requests: the
 * SDK checks Inngest's request signature (the signing key) on every call
 * and answers 401 without it. No API Gateway: it cuts requests at about
 * 30 seconds, a Function URL waits for the full Lambda timeout.
 */
export class InngestEndpoint extends Construct {
  readonly serve: PipelineFunction;
  readonly url: IFunctionUrl;

  constructor(scope: Construct, id: string, props: InngestEndpointProps) {
    super(scope, id);
    this.serve = new PipelineFunction(this, 'Serve', {
      entry: 'serve.ts',
      description: 'Inngest endpoint: runs the pipeline functions',
      // 1 GB buys a full vCPU for parsing comment pages and extracting
      // domains; the function is idle between runs, so it costs little.
      memorySize: 1024,
      timeout: SERVE_TIMEOUT,
      logRetention: props.logRetention,
      environment: {
        PIPELINE_SETTINGS: props.settingsJson,
        PIPELINE_STAGE: props.stage,
        DEPLOY_ID: props.deployId,
        INNGEST_MAX_RUNTIME_MS: String(INNGEST_MAX_RUNTIME_MS),
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: METRIC_NAMESPACE,
        ...(props.inngestEnv ? { INNGEST_ENV: props.inngestEnv } : {}),
      },
    });
    for (const [tableId, table] of Object.entries(props.tables)) {
      const def = TABLES[tableId as TableId];
      this.serve.readWriteTable(
        def.envVar,
        table,
        def.indexes.map((index) => index.indexName),
      );
    }
    this.serve.readSecret('INNGEST_SIGNING_KEY_SECRET_ARN', props.signingKey);
    this.serve.readSecret('INNGEST_EVENT_KEY_SECRET_ARN', props.eventKey);
    this.serve.readSecret('YOUTUBE_API_KEY_SECRET_ARN', props.youtubeApiKey);
    this.serve.publishTo('ALERTS_TOPIC_ARN', props.alertsTopic);
    this.url = this.serve.fn.addFunctionUrl({
      authType: FunctionUrlAuthType.NONE,
    });
  }
}
