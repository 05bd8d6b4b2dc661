import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import { nextFirings } from '../../lambda/cli/doctor/checks/cron';
import { runDoctor } from '../../lambda/cli/doctor/command';
import { silentLog } from '../../lambda/core/deps';

const settings = (extra: object = {}) =>
  JSON.stringify({ sources: { searches: ['homelab tips'] }, ...extra });

describe('pipeline doctor: the local setup', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'doctor-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const doctor = async (pipelineSettings: string) => {
    const results = await runDoctor({
      target: { mode: 'local', reason: 'no AWS region configured' },
      env: { PIPELINE_DATA_DIR: dataDir, PIPELINE_SETTINGS: pipelineSettings },
      log: silentLog,
      now: () => new Date('2026-03-10T18:03:00Z'),
      clients: {
        fetch: () => Promise.reject(new Error('no network in local mode')),
        secretsManager: () => new SecretsManagerClient({}),
        cloudWatch: () => new CloudWatchClient({}),
        sns: () => new SNSClient({}),
      },
    });
    return Object.fromEntries(results.map((r) => [r.id, r]));
  };

  it('checks settings, cron, YouTube, store, heartbeat and quota, and skips the rest saying why', async () => {
    const results = await doctor(settings());

    const statuses = Object.fromEntries(
      Object.entries(results).map(([id, r]) => [id, r.status]),
    );
    expect(statuses).toEqual({
      stack: 'skip',
      settings: 'pass',
      secrets: 'skip',
      'youtube-key': 'pass',
      cron: 'pass',
      endpoint: 'skip',
      introspection: 'skip',
      'inngest-sync': 'skip',
      'inngest-functions': 'skip',
      'discovery-runs': 'skip',
      'recent-failures': 'skip',
      tables: 'pass',
      heartbeat: 'warn',
      alarms: 'skip',
      subscriptions: 'skip',
      quota: 'pass',
    });
    expect(results.stack?.evidence).toBe(
      'local mode: no AWS region configured',
    );
    expect(results.cron?.evidence).toBe(
      '"TZ=UTC */10 * * * *" next fires at 2026-03-10 18:10, 2026-03-10 18:20, 2026-03-10 18:30 UTC',
    );
    expect(results.heartbeat?.fix).toBe('run one: npm start');
  });

  it('fails bad settings with the field and the fix', async () => {
    const results = await doctor(settings({ quota: { dailyUnits: -5 } }));

    expect(results.settings?.status).toBe('fail');
    expect(results.settings?.evidence).toMatch(/quota\.dailyUnits/);
    expect(results.tables?.status).toBe('fail');
  });

  it('warns when the cron does not fire at the cadence quota pacing assumes', async () => {
    const results = await doctor(
      settings({
        schedule: { cron: 'TZ=Europe/Berlin */15 * * * *', cadenceMinutes: 10 },
      }),
    );

    expect(results.cron?.status).toBe('warn');
    expect(results.cron?.evidence).toMatch(
      /15 minutes apart, but the cadence is 10 minutes/,
    );
  });
});

describe('nextFirings', () => {
  const at = new Date('2026-03-10T18:03:00Z');

  it('reads the time zone in front of the fields', () => {
    const result = nextFirings('TZ=America/New_York 0 9 * * *', at);

    expect(result).toEqual({
      firings: [
        new Date('2026-03-11T13:00:00Z'),
        new Date('2026-03-12T13:00:00Z'),
        new Date('2026-03-13T13:00:00Z'),
      ],
    });
  });

  it.each([
    ['*/10 * * * *', /no TZ=<zone>/],
    ['TZ=Mars/Olympus */10 * * * *', /unknown time zone "Mars\/Olympus"/],
    ['TZ=UTC 61 * * * *', /expected range 0-59/],
    ['TZ=UTC 0 */10 * * * *', /6 fields; Inngest takes five/],
  ])('names what is wrong with "%s"', (cron, message) => {
    expect(nextFirings(cron, at)).toEqual({
      error: expect.stringMatching(message),
    });
  });
});
