import {
  consoleLink,
  escapeMrkdwn,
  formatMessage,
} from '../../lambda/ops/slack-message';

const alarm = {
  AlarmName: 'youtube-domain-pipeline-prod-discovery-stalled',
  AlarmDescription:
    'No successful video discovery for over 30 minutes. Runbook: https://example.org/runbook.md#discovery-stalled',
  AWSAccountId: '123456789012',
  NewStateValue: 'ALARM',
  NewStateReason: 'Threshold Crossed: 1 datapoint [42.0] was > 30.0',
  StateChangeTime: '2026-03-01T12:00:00.000+0000',
  Region: 'EU (Ireland)',
  AlarmArn:
    'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:youtube-domain-pipeline-prod-discovery-stalled',
  OldStateValue: 'OK',
};

const textOf = (message: ReturnType<typeof formatMessage>) =>
  JSON.stringify(message.blocks);

describe('formatMessage', () => {
  it('shows an alarm with state, console link, since, reason and runbook', () => {
    const message = formatMessage({
      subject: 'ALARM: "youtube-domain-pipeline-prod-discovery-stalled"',
      message: JSON.stringify(alarm),
      timestamp: '2026-03-01T12:00:01.000Z',
    });
    expect(message.text).toBe(
      'ALARM: youtube-domain-pipeline-prod-discovery-stalled',
    );
    const blocks = textOf(message);
    expect(blocks).toContain(':red_circle: *ALARM*');
    expect(blocks).toContain(
      '<https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/youtube-domain-pipeline-prod-discovery-stalled|',
    );
    expect(blocks).toContain(
      '<https://example.org/runbook.md#discovery-stalled>',
    );
    expect(blocks).toContain('*Since*\\n2026-03-01T12:00:00.000+0000');
    expect(blocks).toContain('*Was*\\nOK');
    expect(blocks).toContain(
      'Threshold Crossed: 1 datapoint [42.0] was &gt; 30.0',
    );
  });

  it('marks a recovery green', () => {
    const message = formatMessage({
      message: JSON.stringify({
        ...alarm,
        NewStateValue: 'OK',
        OldStateValue: 'ALARM',
      }),
      timestamp: 't',
    });
    expect(message.text).toMatch(/^OK: /);
    expect(textOf(message)).toContain(':large_green_circle: *OK*');
  });

  it('lays out a pipeline failure with the error apart', () => {
    const message = formatMessage({
      subject: '[prod] harvest-comments failed',
      message: JSON.stringify({
        functionId: 'harvest-comments',
        runId: '01HX',
        failedAt: '2026-03-01T11:59:00Z',
        attempts: 4,
        error: 'TransientYouTubeError: 503 <backendError>',
      }),
      timestamp: '2026-03-01T12:00:00Z',
    });
    expect(message.text).toBe('[prod] harvest-comments failed');
    const blocks = textOf(message);
    expect(blocks).toContain('*functionId*: harvest-comments\\n*runId*: 01HX');
    expect(blocks).toContain('*attempts*: 4');
    expect(blocks).toContain(
      '```TransientYouTubeError: 503 &lt;backendError&gt;```',
    );
  });

  it('names the failed function when there is no subject', () => {
    expect(
      formatMessage({
        message: JSON.stringify({ functionId: 'discover-videos', error: 'x' }),
        timestamp: 't',
      }).text,
    ).toBe('discover-videos failed');
  });

  it('shows a plain-text diagnosis under its subject', () => {
    const message = formatMessage({
      subject: '[prod] Discovery stalled: no success for 42 minutes',
      message:
        'Last run: none recorded\nWhat to do: https://example.org/r#discovery-stalled',
      timestamp: 't',
    });
    expect(message.text).toBe(
      '[prod] Discovery stalled: no success for 42 minutes',
    );
    expect(textOf(message)).toContain(
      '<https://example.org/r#discovery-stalled>',
    );
  });

  it("keeps every section under Slack's 3000 characters", () => {
    const message = formatMessage({
      message: 'x'.repeat(10_000),
      timestamp: 't',
    });
    for (const block of message.blocks) {
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3_000);
    }
  });
});

describe('consoleLink', () => {
  it('is absent when the ARN is not an alarm ARN', () => {
    expect(consoleLink('not-an-arn', 'x')).toBeUndefined();
    expect(consoleLink(undefined, 'x')).toBeUndefined();
  });
});

describe('escapeMrkdwn', () => {
  it('escapes the three characters Slack reads as markup', () => {
    expect(escapeMrkdwn('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
  });
});
