import type { FailureRecord } from '../../lambda/core/model';
import { createSnsAlerts } from '../../lambda/runtime/alerts';

const failure: FailureRecord = {
  functionId: 'harvest-comments',
  runId: '01RUN',
  failedAt: '2026-03-10T18:00:00.000Z',
  event: '{"name":"pipeline/video.discovered"}',
  error: 'NonRetriableError: YouTube refused (keyInvalid)',
  attempts: 1,
};

describe('createSnsAlerts', () => {
  it('publishes the failure to the topic', async () => {
    const sent: { input: Record<string, string> }[] = [];
    const alerts = createSnsAlerts(
      'arn:aws:sns:eu-west-1:1:alerts',
      () =>
        ({
          send: async (command: never) => {
            sent.push(command);
            return {};
          },
        }) as never,
    );

    expect(await alerts.publish(failure)).toBe(true);

    expect(sent[0]?.input).toMatchObject({
      TopicArn: 'arn:aws:sns:eu-west-1:1:alerts',
      Subject: 'youtube-domain-pipeline: harvest-comments failed',
      Message: expect.stringContaining('Run: 01RUN'),
    });
    expect(sent[0]?.input.Message).toContain('keyInvalid');
  });

  it('publishes nothing without a topic', async () => {
    const client = jest.fn();

    expect(await createSnsAlerts(undefined, client).publish(failure)).toBe(
      false,
    );
    expect(client).not.toHaveBeenCalled();
  });
});
