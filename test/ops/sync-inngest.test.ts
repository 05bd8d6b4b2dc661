import {
  handleSyncEvent,
  isPlaceholderSigningKey,
  requestSync,
  type SyncDeps,
} from '../../lambda/ops/sync-inngest';

const URL = 'https://abc.lambda-url.eu-west-1.on.aws/';
const KEY = 'signkey-prod-0123456789abcdef';

const answer = (status: number, body: unknown) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
  });

/** A fetch that replays the given answers and records each call. */
function scripted(...answers: Array<Response | Error>) {
  const calls: Array<{ url: string; method: string | undefined }> = [];
  const fetch = async (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return next;
  };
  return { fetch, calls };
}

const noSleep = { sleep: async () => {} };

describe('requestSync', () => {
  it("sends PUT to the endpoint and returns Inngest's answer", async () => {
    const { fetch, calls } = scripted(
      answer(200, { message: 'Successfully registered', modified: true }),
    );
    await expect(requestSync({ url: URL, fetch, ...noSleep })).resolves.toEqual(
      {
        message: 'Successfully registered',
        modified: true,
        attempts: 1,
      },
    );
    expect(calls).toEqual([{ url: URL, method: 'PUT' }]);
  });

  it('retries cold-start failures with growing delays', async () => {
    const delays: number[] = [];
    const { fetch } = scripted(
      new Error('socket hang up'),
      answer(502, 'Bad Gateway'),
      answer(200, { message: 'ok', modified: false }),
    );
    const result = await requestSync({
      url: URL,
      fetch,
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    expect(result.attempts).toBe(3);
    expect(delays).toEqual([2_000, 4_000]);
  });

  it("fails with Inngest's reason after the last attempt", async () => {
    const { fetch, calls } = scripted(
      ...Array.from({ length: 3 }, () =>
        answer(500, { message: 'Failed to register; 401 unauthorized' }),
      ),
    );
    await expect(
      requestSync({ url: URL, fetch, attempts: 3, ...noSleep }),
    ).rejects.toThrow(
      `Inngest sync failed: PUT ${URL} answered 500: Failed to register; 401 unauthorized (after 3 attempts)`,
    );
    expect(calls).toHaveLength(3);
  });

  it('does not retry an answer that will not change', async () => {
    const { fetch, calls } = scripted(answer(404, 'Not Found'));
    await expect(requestSync({ url: URL, fetch, ...noSleep })).rejects.toThrow(
      'answered 404: Not Found',
    );
    expect(calls).toHaveLength(1);
  });
});

describe('isPlaceholderSigningKey', () => {
  it.each([
    [KEY, false],
    ['signkey-branch-ABCDEF0123', false],
    ['  signkey-test-00ff \n', false],
    ['x7#Qp!random-placeholder', true],
    ['', true],
  ])('judges %j as placeholder: %s', (value, placeholder) => {
    expect(isPlaceholderSigningKey(value)).toBe(placeholder);
  });
});

describe('handleSyncEvent', () => {
  const deps = (key: string, sync: SyncDeps['sync']): SyncDeps => ({
    readSigningKey: async () => key,
    sync,
    log: () => {},
  });
  const event = (RequestType: 'Create' | 'Update' | 'Delete') => ({
    RequestType,
    PhysicalResourceId: 'inngest-sync',
    ResourceProperties: { FunctionUrl: URL },
  });

  it.each(['Create', 'Update'] as const)(
    'syncs on %s and reports the result',
    async (type) => {
      const sync = jest.fn(async () => ({
        message: 'ok',
        modified: true,
        attempts: 1,
      }));
      await expect(
        handleSyncEvent(event(type), deps(KEY, sync)),
      ).resolves.toEqual({
        PhysicalResourceId: 'inngest-sync',
        Data: { Status: 'synced (functions changed)' },
      });
      expect(sync).toHaveBeenCalledWith(URL);
    },
  );

  it('does nothing on Delete', async () => {
    const sync = jest.fn();
    await expect(
      handleSyncEvent(event('Delete'), deps(KEY, sync)),
    ).resolves.toEqual({ PhysicalResourceId: 'inngest-sync' });
    expect(sync).not.toHaveBeenCalled();
  });

  it('skips the sync, and says why, while the key is a placeholder', async () => {
    const sync = jest.fn();
    const result = await handleSyncEvent(
      event('Create'),
      deps('generated-placeholder', sync),
    );
    expect(result.Data?.Status).toMatch(/^skipped: .*put the key in/);
    expect(sync).not.toHaveBeenCalled();
  });

  it('fails the deploy when the sync fails', async () => {
    const sync = async () => {
      throw new Error('Inngest sync failed: PUT x answered 500: nope');
    };
    await expect(
      handleSyncEvent(event('Update'), deps(KEY, sync)),
    ).rejects.toThrow('answered 500: nope');
  });

  it('names the missing property when the URL is absent', async () => {
    await expect(
      handleSyncEvent(
        { RequestType: 'Create', ResourceProperties: {} },
        deps(KEY, jest.fn()),
      ),
    ).rejects.toThrow('FunctionUrl = undefined');
  });
});
