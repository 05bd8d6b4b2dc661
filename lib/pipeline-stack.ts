import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { Settings } from '../lambda/core/settings';
import { Alarms } from './constructs/alarms';
import { Alerts } from './constructs/alerts';
import { InngestEndpoint } from './constructs/inngest-endpoint';
import { InngestSync } from './constructs/inngest-sync';
import { PipelineDashboard } from './constructs/pipeline-dashboard';
import { logRetention } from './constructs/pipeline-function';
import { PipelineSecrets } from './constructs/pipeline-secrets';
import { PipelineTables } from './constructs/pipeline-tables';
import { Watchdog } from './constructs/watchdog';
import { settingsEnvValue } from './pipeline-config';
import { runbookLink } from './runbook';
import type { StackSettings } from './settings';

/** Prefix of every stack, table, secret, alarm and dashboard name. */
export const APP_NAME = 'youtube-domain-pipeline';

/** The stack name of a stage: each stage is its own stack. */
export const stackNameFor = (stage: string): string => `${APP_NAME}-${stage}`;

export interface PipelineStackProps extends StackProps {
  readonly settings: StackSettings;
  /** The pipeline settings (pipeline.config.json), already validated. */
  readonly pipelineSettings: Settings;
  /** Changes on every deploy so the Inngest sync runs each time. */
  readonly deployId: string;
}

/**
 * Everything one stage of the pipeline needs in AWS: tables, secrets, the
 * Inngest endpoint and its sync on deploy, the watchdog, alarms, dashboard
 * and alerts. Names carry the stage, so staging runs beside production in
 * the same account without sharing anything.
 */
export class PipelineStack extends Stack {
  constructor(scope: Construct, id: string, props: PipelineStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const { stage } = settings;
    const prefix = `${APP_NAME}-${stage}-`;
    const retention = logRetention(settings.logRetentionDays);

    const { tables } = new PipelineTables(this, 'Tables', {
      namePrefix: prefix,
    });
    const { secrets } = new PipelineSecrets(this, 'Secrets', {
      namePrefix: `${APP_NAME}/${stage}/`,
    });
    const alerts = new Alerts(this, 'Alerts', {
      stage,
      alertEmails: settings.alertEmails,
      slackWebhook: secrets.slackWebhookUrl,
      slackWorkspaceId: settings.slackWorkspaceId,
      slackChannelId: settings.slackChannelId,
      logRetention: retention,
    });
    const endpoint = new InngestEndpoint(this, 'Inngest', {
      stage,
      inngestEnv: settings.inngestEnv,
      deployId: props.deployId,
      settingsJson: settingsEnvValue(props.pipelineSettings),
      tables,
      signingKey: secrets.inngestSigningKey,
      eventKey: secrets.inngestEventKey,
      youtubeApiKey: secrets.youtubeApiKey,
      alertsTopic: alerts.topic,
      logRetention: retention,
    });
    const sync = new InngestSync(this, 'InngestSync', {
      url: endpoint.url,
      signingKey: secrets.inngestSigningKey,
      deployId: props.deployId,
      logRetention: retention,
    });
    const watchdog = new Watchdog(this, 'Watchdog', {
      stage,
      schedule: settings.schedule,
      stallMinutes: settings.stallMinutes,
      runbookLink: runbookLink(settings.runbookUrl, 'discovery-stalled'),
      stateTable: tables.state,
      alertsTopic: alerts.topic,
      url: endpoint.url,
      logRetention: retention,
    });
    const alarms = new Alarms(this, 'Alarms', {
      stage,
      namePrefix: prefix,
      runbookUrl: settings.runbookUrl,
      stallMinutes: settings.stallMinutes,
      newDomainsPerWeek: settings.newDomainsPerWeek,
      serve: endpoint.serve.fn,
      watchdog: watchdog.fn.fn,
      notifier: alerts.notifier.fn,
      tables: Object.values(tables),
      alertsTopic: alerts.topic,
      notifierAlarmTopic: alerts.notifierAlarmTopic,
    });
    const dashboard = new PipelineDashboard(this, 'Dashboard', {
      stage,
      dashboardName: `${APP_NAME}-${stage}`,
      alarms: alarms.all,
      stallMinutes: settings.stallMinutes,
      serve: endpoint.serve.fn,
      watchdog: watchdog.fn.fn,
      notifier: alerts.notifier.fn,
      tables: Object.values(tables),
    });

    new CfnOutput(this, 'FunctionUrl', {
      description: 'Inngest endpoint (the URL Inngest calls)',
      value: endpoint.url.url,
    });
    new CfnOutput(this, 'DashboardUrl', {
      description: 'CloudWatch dashboard',
      value: dashboard.url,
    });
    new CfnOutput(this, 'InngestSyncStatus', {
      description: 'Result of registering the app with Inngest on this deploy',
      value: sync.status,
    });
    new CfnOutput(this, 'AlertsTopicArn', { value: alerts.topic.topicArn });
    for (const [secretId, secret] of Object.entries(secrets)) {
      new CfnOutput(this, `Secret-${secretId}`, {
        description: 'Fill in with aws secretsmanager put-secret-value',
        value: secret.secretName,
      });
    }
    this.operatorOutputs(props, {
      tables,
      notifierAlarmTopicArn: alerts.notifierAlarmTopic.topicArn,
      alarmNamePrefix: prefix,
    });
  }

  /**
   * What `pipeline doctor`, `status`, `trigger` and `backfill` read to find
   * this stage (lambda/cli/deployment.ts): the operator's machine learns
   * the stage from the stack alone, with no copy of the CDK context.
   */
  private operatorOutputs(
    props: PipelineStackProps,
    refs: {
      tables: Readonly<Record<string, { tableName: string }>>;
      notifierAlarmTopicArn: string;
      alarmNamePrefix: string;
    },
  ) {
    const { settings } = props;
    const values: Record<string, string> = {
      Stage: settings.stage,
      AlarmNamePrefix: refs.alarmNamePrefix,
      NotifierAlarmTopicArn: refs.notifierAlarmTopicArn,
      StallMinutes: String(settings.stallMinutes),
      NewDomainsPerWeek: String(settings.newDomainsPerWeek),
      DiscoveryCron: props.pipelineSettings.schedule.cron,
      CadenceMinutes: String(props.pipelineSettings.schedule.cadenceMinutes),
    };
    // Absent for production: the SDK then names no environment.
    if (settings.inngestEnv) values.InngestEnv = settings.inngestEnv;
    for (const [tableId, table] of Object.entries(refs.tables)) {
      values[`Table${tableId[0]?.toUpperCase()}${tableId.slice(1)}`] =
        table.tableName;
    }
    for (const [key, value] of Object.entries(values)) {
      new CfnOutput(this, key, { value });
    }
  }
}
