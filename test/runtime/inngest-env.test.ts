import {
  inngestEnvironment,
  removeStrayInngestVariables,
} from '../../lambda/runtime/inngest-env';

describe('removeStrayInngestVariables', () => {
  it('removes the branch variables the SDK would read, and only those', () => {
    const env: NodeJS.ProcessEnv = {
      BRANCH: 'a',
      BRANCH_NAME: 'b',
      VERCEL_GIT_COMMIT_REF: 'c',
      INNGEST_DEV: '1',
      INNGEST_ENV: 'staging',
      PATH: '/bin',
    };

    const removed = removeStrayInngestVariables(env);

    expect(removed.sort()).toEqual([
      'BRANCH',
      'BRANCH_NAME',
      'INNGEST_DEV',
      'VERCEL_GIT_COMMIT_REF',
    ]);
    expect(env).toEqual({ INNGEST_ENV: 'staging', PATH: '/bin' });
  });
});

describe('inngestEnvironment', () => {
  it('is production (none) unless INNGEST_ENV names one', () => {
    expect(inngestEnvironment({})).toBeUndefined();
    expect(inngestEnvironment({ INNGEST_ENV: '  ' })).toBeUndefined();
    expect(inngestEnvironment({ INNGEST_ENV: 'staging' })).toBe('staging');
  });
});
