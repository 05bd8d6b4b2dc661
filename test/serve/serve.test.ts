import '../helpers/inngest-als';
import { createHandler } from '../../lambda/serve';
import {
  type FakeInngestCloud,
  startFakeInngestCloud,
} from '../helpers/inngest-cloud';
import { useProcessEnv } from '../helpers/inngest-env';
import {
  functionUrlEvent,
  lambdaContext,
  OTHER_SIGNING_KEY,
  TEST_EVENT_KEY,
  TEST_SIGNING_KEY,
  type UrlRequest,
} from '../helpers/inngest-signing';

const quiet = { metrics: { emit() {} } };

async function call(request: UrlRequest) {
  const response = await createHandler(process.env, quiet)(
    functionUrlEvent(request),
    lambdaContext,
  );
  return {
    status: response.statusCode,
    headers: response.headers ?? {},
    body: response.body ? JSON.parse(response.body) : undefined,
  };
}

describe('serve handler: with only the two Inngest keys', () => {
  let cloud: FakeInngestCloud;
  beforeAll(async () => {
    cloud = await startFakeInngestCloud();
  });
  afterAll(() => cloud.close());
  useProcessEnv(() => ({
    INNGEST_SIGNING_KEY: TEST_SIGNING_KEY,
    INNGEST_EVENT_KEY: TEST_EVENT_KEY,
    INNGEST_BASE_URL: cloud.url,
  }));

  it.each([
    ['GET', {}],
    ['POST', { query: { fnId: 'youtube-domain-pipeline-discover-videos' } }],
    ['PUT', {}],
  ] as const)('answers an unsigned %s with 401', async (method, extra) => {
    const response = await call({ method, body: {}, ...extra });

    expect(response.status).toBe(401);
    expect(cloud.registrations).toHaveLength(0);
  });

  it.each(['GET', 'PUT'] as const)(
    'answers a %s signed with another key with 401',
    async (method) => {
      const response = await call({ method, signWith: OTHER_SIGNING_KEY });

      expect(response.status).toBe(401);
    },
  );

  it('answers a signature older than five minutes with 401', async () => {
    const response = await call({
      method: 'GET',
      signWith: TEST_SIGNING_KEY,
      signedAt: new Date(Date.now() - 6 * 60_000),
    });

    expect(response.status).toBe(401);
  });

  it('reports cloud mode, both keys and the four functions when signed', async () => {
    const response = await call({ method: 'GET', signWith: TEST_SIGNING_KEY });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      authentication_succeeded: true,
      mode: 'cloud',
      has_signing_key: true,
      has_event_key: true,
      function_count: 4,
      app_id: 'youtube-domain-pipeline',
      framework: 'aws-lambda',
      env: null,
    });
  });

  it('fails a run that needs the settings without retries, naming them', async () => {
    const body = {
      event: { name: 'pipeline/discovery.requested', data: {} },
      events: [{ name: 'pipeline/discovery.requested', data: {} }],
      steps: {},
      ctx: {
        run_id: '01TESTRUN',
        attempt: 0,
        stack: { stack: [], current: 0 },
      },
    };

    const response = await call({
      method: 'POST',
      query: {
        fnId: 'youtube-domain-pipeline-discover-videos',
        stepId: 'step',
      },
      body,
      headers: { 'x-run-id': '01TESTRUN' },
      signWith: TEST_SIGNING_KEY,
    });

    expect(response.status).toBe(400);
    expect(response.headers['x-inngest-no-retry']).toBe('true');
    expect(response.body).toMatchObject({
      name: 'NonRetriableError',
      message: expect.stringContaining('PIPELINE_SETTINGS'),
    });
  });
});

describe('serve handler: sync', () => {
  let cloud: FakeInngestCloud;
  beforeEach(async () => {
    cloud = await startFakeInngestCloud();
  });
  afterEach(() => cloud.close());
  useProcessEnv(() => ({
    INNGEST_SIGNING_KEY: TEST_SIGNING_KEY,
    INNGEST_EVENT_KEY: TEST_EVENT_KEY,
    INNGEST_BASE_URL: cloud.url,
    PIPELINE_SETTINGS: JSON.stringify({
      sources: { channels: ['UCaaaaaaaaaaaaaaaaaaaaaa'] },
      schedule: { cron: 'TZ=UTC */15 * * * *', cadenceMinutes: 15 },
      harvest: { concurrency: 7 },
    }),
    // Stray variables that would otherwise name a branch environment.
    BRANCH: 'feature-x',
    VERCEL_GIT_COMMIT_REF: 'feature-y',
  }));

  it('registers the functions with their triggers, concurrency and retries', async () => {
    const response = await call({ method: 'PUT', signWith: TEST_SIGNING_KEY });

    expect(response.status).toBe(200);
    expect(cloud.registrations).toHaveLength(1);
    const [registration] = cloud.registrations;
    expect(registration?.body).toMatchObject({
      appName: 'youtube-domain-pipeline',
      framework: 'aws-lambda',
      url: 'https://abc123.lambda-url.eu-west-1.on.aws/',
    });
    const byId = Object.fromEntries(
      (registration?.body.functions ?? []).map((f) => [f.id, f]),
    );
    const fn = (id: string) => byId[`youtube-domain-pipeline-${id}`];
    expect(Object.keys(byId).sort()).toEqual([
      'youtube-domain-pipeline-discover-videos',
      'youtube-domain-pipeline-extract-domains',
      'youtube-domain-pipeline-harvest-comments',
      'youtube-domain-pipeline-report-failure',
    ]);
    expect(fn('discover-videos')).toMatchObject({
      triggers: [
        { cron: 'TZ=UTC */15 * * * *' },
        { event: 'pipeline/discovery.requested' },
      ],
      concurrency: { limit: 1 },
      steps: { step: { retries: { attempts: 2 } } },
    });
    expect(fn('harvest-comments')).toMatchObject({
      triggers: [
        { event: 'pipeline/video.discovered' },
        { event: 'pipeline/video.harvest.requested' },
      ],
      concurrency: [{ limit: 7 }, { limit: 1, key: 'event.data.videoId' }],
      steps: { step: { retries: { attempts: 5 } } },
    });
    expect(fn('extract-domains')).toMatchObject({
      triggers: [{ event: 'pipeline/comments.stored' }],
      steps: { step: { retries: { attempts: 5 } } },
    });
    expect(fn('report-failure')).toMatchObject({
      triggers: [
        {
          event: 'inngest/function.failed',
          expression:
            "event.data.function_id != 'youtube-domain-pipeline-report-failure'",
        },
      ],
      steps: { step: { retries: { attempts: 3 } } },
    });
  });

  it('syncs to production whatever branch variables are set', async () => {
    await call({ method: 'PUT', signWith: TEST_SIGNING_KEY });
    const introspection = await call({
      method: 'GET',
      signWith: TEST_SIGNING_KEY,
    });

    const [registration] = cloud.registrations;
    expect(registration?.headers['x-inngest-env']).toBeUndefined();
    expect(introspection.body.env).toBeNull();
    expect(process.env.BRANCH).toBeUndefined();
  });

  it('authenticates the sync with the hashed signing key', async () => {
    await call({ method: 'PUT', signWith: TEST_SIGNING_KEY });

    const auth = cloud.registrations[0]?.headers.authorization ?? '';
    expect(auth).toMatch(/^Bearer signkey-test-[0-9a-f]{64}$/);
    expect(auth).not.toContain(TEST_SIGNING_KEY);
  });
});

describe('serve handler: a staging environment', () => {
  let cloud: FakeInngestCloud;
  beforeEach(async () => {
    cloud = await startFakeInngestCloud();
  });
  afterEach(() => cloud.close());
  useProcessEnv(() => ({
    INNGEST_SIGNING_KEY: TEST_SIGNING_KEY,
    INNGEST_EVENT_KEY: TEST_EVENT_KEY,
    INNGEST_BASE_URL: cloud.url,
    INNGEST_ENV: 'staging',
    BRANCH_NAME: 'feature-x',
  }));

  it('names the environment INNGEST_ENV gives, and no other', async () => {
    await call({ method: 'PUT', signWith: TEST_SIGNING_KEY });

    expect(cloud.registrations[0]?.headers['x-inngest-env']).toBe('staging');
  });
});

describe('serve handler: keys from Secrets Manager', () => {
  const secrets: Record<string, string> = {
    'arn:signing': TEST_SIGNING_KEY,
    'arn:event': TEST_EVENT_KEY,
  };
  useProcessEnv(() => ({
    INNGEST_SIGNING_KEY_SECRET_ARN: 'arn:signing',
    INNGEST_EVENT_KEY_SECRET_ARN: 'arn:event',
  }));

  it('reads each secret once per cold start', async () => {
    const reads: string[] = [];
    const send = jest.fn(async (command: { input: { SecretId: string } }) => {
      reads.push(command.input.SecretId);
      return { SecretString: secrets[command.input.SecretId] };
    });
    const handler = createHandler(process.env, {
      ...quiet,
      secretsManager: () => ({ send }) as never,
    });

    for (let i = 0; i < 3; i++) {
      const response = await handler(
        functionUrlEvent({ method: 'GET', signWith: TEST_SIGNING_KEY }),
        lambdaContext,
      );
      expect(response.statusCode).toBe(200);
    }

    expect(reads.sort()).toEqual(['arn:event', 'arn:signing']);
  });
});
