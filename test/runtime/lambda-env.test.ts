import {
  maxRuntimeFromEnv,
  settingsFromEnv,
  stageFromEnv,
} from '../../lambda/runtime/lambda-env';

describe('lambda env', () => {
  it('reads the checkpoint run time the stack sets', () => {
    expect(maxRuntimeFromEnv({ INNGEST_MAX_RUNTIME_MS: '240000' })).toEqual({
      value: 240_000,
    });
    expect(maxRuntimeFromEnv({})).toEqual({});
  });

  it('names a bad run time and its fix instead of failing the endpoint', () => {
    const { value, problem } = maxRuntimeFromEnv({
      INNGEST_MAX_RUNTIME_MS: '4 minutes',
    });
    expect(value).toBeUndefined();
    expect(problem).toMatch(/INNGEST_MAX_RUNTIME_MS: got "4 minutes"; give/);
  });

  it('returns missing settings as an error naming PIPELINE_SETTINGS', () => {
    const result = settingsFromEnv({});
    expect('error' in result && result.error.message).toMatch(
      /PIPELINE_SETTINGS/,
    );
  });

  it('names the stage on metrics, dev when unset', () => {
    expect(stageFromEnv({ PIPELINE_STAGE: 'staging' })).toBe('staging');
    expect(stageFromEnv({})).toBe('dev');
  });
});
