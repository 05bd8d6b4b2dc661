import {
  GetSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import {
  cachedSecret,
  readSecretValue,
  requireEnv,
} from '../../lambda/ops/secret-value';

const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:x';

describe('cachedSecret', () => {
  const client = new SecretsManagerClient({ region: 'eu-west-1' });
  const mock = mockClient(client);
  beforeEach(() => mock.reset());

  it('reads the secret once and keeps it', async () => {
    mock.on(GetSecretValueCommand).resolves({ SecretString: ' value \n' });
    const secret = cachedSecret(client, ARN);
    await expect(secret.get()).resolves.toBe('value');
    await expect(secret.get()).resolves.toBe('value');
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('reads again after a failure or when told to forget', async () => {
    mock
      .on(GetSecretValueCommand)
      .rejectsOnce(new Error('throttled'))
      .resolves({ SecretString: 'value' });
    const secret = cachedSecret(client, ARN);
    await expect(secret.get()).rejects.toThrow('throttled');
    await expect(secret.get()).resolves.toBe('value');
    secret.forget();
    await secret.get();
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(3);
  });

  it('says how to fill an empty secret', async () => {
    mock.on(GetSecretValueCommand).resolves({});
    await expect(readSecretValue(client, ARN)).rejects.toThrow(
      'put-secret-value',
    );
  });
});

describe('requireEnv', () => {
  it('names the missing variable and the fix', () => {
    expect(() => requireEnv({}, 'ALERTS_TOPIC_ARN')).toThrow(
      'environment variable ALERTS_TOPIC_ARN is not set; the CDK stack',
    );
  });
});
