import {
  GetSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type { SNSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';

const secrets = mockClient(SecretsManagerClient);

const event = (message: string): SNSEvent =>
  ({
    Records: [
      {
        Sns: {
          MessageId: 'm-1',
          Subject: 'Pipeline alert',
          Message: message,
          Timestamp: '2026-03-01T12:00:00Z',
        },
      },
    ],
  }) as unknown as SNSEvent;

describe('notify-slack handler', () => {
  const realFetch = global.fetch;
  let handler: (e: SNSEvent) => Promise<void>;

  beforeAll(async () => {
    process.env.SLACK_WEBHOOK_SECRET_ARN = 'arn:secret:slack';
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    ({ handler } = await import('../../lambda/notify-slack'));
  });

  afterEach(() => {
    global.fetch = realFetch;
    secrets.reset();
  });

  it('posts each message to the webhook from the secret', async () => {
    secrets
      .on(GetSecretValueCommand)
      .resolves({ SecretString: 'https://hooks.example/a' });
    const fetch = jest.fn(async () => new Response('ok'));
    global.fetch = fetch;
    await handler(event('stalled'));
    expect(fetch).toHaveBeenCalledWith(
      'https://hooks.example/a',
      expect.objectContaining({ method: 'POST' }),
    );
  });

  it('throws on a refused post and reads the secret again next time', async () => {
    secrets
      .on(GetSecretValueCommand)
      .resolves({ SecretString: 'https://hooks.example/b' });
    global.fetch = jest.fn(
      async () => new Response('no_service', { status: 404 }),
    );
    await expect(handler(event('x'))).rejects.toThrow('404 no_service');
    global.fetch = jest.fn(async () => new Response('ok'));
    await handler(event('x'));
    expect(secrets.commandCalls(GetSecretValueCommand).length).toBeGreaterThan(
      0,
    );
    expect(global.fetch).toHaveBeenCalledWith(
      'https://hooks.example/b',
      expect.anything(),
    );
  });
});
