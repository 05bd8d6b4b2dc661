/**
 * Turns what arrives on the alerts topic into a Slack message people can
 * act on: what failed, since when, and a link. Three kinds arrive:
 * CloudWatch alarm state changes (JSON), pipeline failure records (JSON)
 * and watchdog diagnoses (plain text with a subject).
 */

export interface TopicMessage {
  readonly subject?: string | null | undefined;
  readonly message: string;
  /** When SNS received it (ISO). */
  readonly timestamp: string;
}

interface Block {
  readonly type: string;
  readonly text?: { readonly type: 'mrkdwn'; readonly text: string };
  readonly fields?: ReadonlyArray<{
    readonly type: 'mrkdwn';
    readonly text: string;
  }>;
  readonly elements?: ReadonlyArray<{
    readonly type: 'mrkdwn';
    readonly text: string;
  }>;
}

/** An incoming-webhook payload: `text` shows in notifications. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly Block[];
}

/** Slack's mrkdwn treats &, < and > as markup. */
export const escapeMrkdwn = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Slack rejects section text over 3000 characters. */
const clip = (text: string, max = 2_900) =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

const md = (text: string) => ({ type: 'mrkdwn' as const, text: clip(text) });
const section = (text: string): Block => ({ type: 'section', text: md(text) });

/** Links in a description become Slack links; the rest is escaped. */
const linkify = (text: string) =>
  escapeMrkdwn(text).replace(/https?:\/\/[^\s)]+/g, (url) => `<${url}>`);

export function formatMessage(input: TopicMessage): SlackMessage {
  const json = parseObject(input.message);
  if (json && typeof json.AlarmName === 'string') {
    return formatAlarm(json, input);
  }
  if (json) return formatRecord(json, input);
  const title = input.subject?.trim() || 'Pipeline alert';
  return {
    text: title,
    blocks: [
      section(`:warning: *${escapeMrkdwn(title)}*`),
      section(linkify(input.message)),
    ],
  };
}

const STATE_ICON: Record<string, string> = {
  ALARM: ':red_circle:',
  OK: ':large_green_circle:',
  INSUFFICIENT_DATA: ':white_circle:',
};

function formatAlarm(
  alarm: Record<string, unknown>,
  input: TopicMessage,
): SlackMessage {
  const name = String(alarm.AlarmName);
  const state = String(alarm.NewStateValue ?? 'UNKNOWN');
  const link = consoleLink(alarm.AlarmArn, name);
  const title = link
    ? `<${link}|${escapeMrkdwn(name)}>`
    : `*${escapeMrkdwn(name)}*`;
  const blocks: Block[] = [
    section(`${STATE_ICON[state] ?? ':grey_question:'} *${state}* ${title}`),
  ];
  if (typeof alarm.AlarmDescription === 'string') {
    blocks.push(section(linkify(alarm.AlarmDescription)));
  }
  blocks.push({
    type: 'section',
    fields: [
      md(
        `*Since*\n${escapeMrkdwn(String(alarm.StateChangeTime ?? input.timestamp))}`,
      ),
      md(`*Was*\n${escapeMrkdwn(String(alarm.OldStateValue ?? 'unknown'))}`),
    ],
  });
  if (typeof alarm.NewStateReason === 'string') {
    blocks.push({
      type: 'context',
      elements: [md(escapeMrkdwn(alarm.NewStateReason))],
    });
  }
  return { text: `${state}: ${name}`, blocks };
}

/** The alarm's page in the CloudWatch console, from its ARN's region. */
export function consoleLink(arn: unknown, name: string): string | undefined {
  if (typeof arn !== 'string') return undefined;
  const region = arn.split(':')[3];
  if (!region || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) return undefined;
  return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#alarmsV2:alarm/${encodeURIComponent(name)}`;
}

/** Field order for pipeline failure records; other keys follow. */
const FIRST_FIELDS = ['functionId', 'runId', 'failedAt', 'attempts', 'event'];

function formatRecord(
  record: Record<string, unknown>,
  input: TopicMessage,
): SlackMessage {
  const what =
    typeof record.functionId === 'string'
      ? `${record.functionId} failed`
      : 'Pipeline alert';
  const title = input.subject?.trim() || what;
  const keys = [
    ...FIRST_FIELDS.filter((k) => k in record),
    ...Object.keys(record).filter(
      (k) => !FIRST_FIELDS.includes(k) && k !== 'error',
    ),
  ];
  const lines = keys.map(
    (k) => `*${escapeMrkdwn(k)}*: ${escapeMrkdwn(show(record[k]))}`,
  );
  const blocks: Block[] = [section(`:x: *${escapeMrkdwn(title)}*`)];
  if (lines.length > 0) blocks.push(section(lines.join('\n')));
  if (record.error !== undefined) {
    blocks.push(
      section(`*error*\n\`\`\`${escapeMrkdwn(show(record.error))}\`\`\``),
    );
  }
  blocks.push({
    type: 'context',
    elements: [md(`received ${escapeMrkdwn(input.timestamp)}`)],
  });
  return { text: title, blocks };
}

const show = (value: unknown) =>
  typeof value === 'string' ? value : JSON.stringify(value);

function parseObject(text: string): Record<string, unknown> | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
