import { ConfigurationError } from '../../lambda/inngest/runtime';
import { SecretReader } from '../../lambda/runtime/secrets';

function secretsManager(values: Record<string, string | Error>) {
  const reads: string[] = [];
  const send = async (command: { input: { SecretId?: string } }) => {
    const id = command.input.SecretId ?? '';
    reads.push(id);
    const value = values[id];
    if (value instanceof Error) throw value;
    return { SecretString: value };
  };
  return { reads, client: () => ({ send }) as never };
}

function awsError(name: string): Error {
  return Object.assign(new Error(`${name} from AWS`), { name });
}

describe('SecretReader', () => {
  it('uses a value given directly without calling Secrets Manager', async () => {
    const sm = secretsManager({});
    const reader = new SecretReader(
      { YOUTUBE_API_KEY: 'direct', YOUTUBE_API_KEY_SECRET_ARN: 'arn:yt' },
      sm.client,
    );

    expect(await reader.get('YOUTUBE_API_KEY')).toBe('direct');
    expect(sm.reads).toEqual([]);
  });

  it('reads a secret named by its ARN once, trimmed', async () => {
    const sm = secretsManager({ 'arn:yt': ' key-from-sm\n' });
    const reader = new SecretReader(
      { YOUTUBE_API_KEY_SECRET_ARN: 'arn:yt' },
      sm.client,
    );

    expect(await reader.get('YOUTUBE_API_KEY')).toBe('key-from-sm');
    expect(await reader.get('YOUTUBE_API_KEY')).toBe('key-from-sm');
    expect(sm.reads).toEqual(['arn:yt']);
  });

  it('gives undefined when neither variable is set', async () => {
    const reader = new SecretReader({}, secretsManager({}).client);

    expect(await reader.get('INNGEST_EVENT_KEY')).toBeUndefined();
  });

  it('names the ARN variable when the secret cannot be read', async () => {
    const sm = secretsManager({ 'arn:yt': awsError('AccessDeniedException') });
    const reader = new SecretReader(
      { YOUTUBE_API_KEY_SECRET_ARN: 'arn:yt' },
      sm.client,
    );

    const error = await reader.get('YOUTUBE_API_KEY').catch((e) => e);

    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain('YOUTUBE_API_KEY_SECRET_ARN');
    expect(error.message).toContain('AccessDeniedException');
  });

  it('names the fix when the secret holds no text', async () => {
    const sm = secretsManager({ 'arn:yt': '  ' });
    const reader = new SecretReader(
      { YOUTUBE_API_KEY_SECRET_ARN: 'arn:yt' },
      sm.client,
    );

    await expect(reader.get('YOUTUBE_API_KEY')).rejects.toThrow(
      /store the bare YOUTUBE_API_KEY as the secret's plaintext/,
    );
  });

  it('tries again after a transient failure instead of caching it', async () => {
    const values: Record<string, string | Error> = {
      'arn:yt': awsError('ThrottlingException'),
    };
    const sm = secretsManager(values);
    const reader = new SecretReader(
      { YOUTUBE_API_KEY_SECRET_ARN: 'arn:yt' },
      sm.client,
    );

    await expect(reader.get('YOUTUBE_API_KEY')).rejects.toThrow('Throttling');
    values['arn:yt'] = 'recovered';

    expect(await reader.get('YOUTUBE_API_KEY')).toBe('recovered');
  });
});
