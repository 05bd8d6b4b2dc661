import '../helpers/inngest-als';
import { doctorExitCode, renderDoctor } from '../../lambda/cli/doctor/command';
import { useProcessEnv } from '../helpers/inngest-env';
import { TEST_EVENT_KEY } from '../helpers/inngest-signing';
import {
  ALERTS_TOPIC,
  alarm,
  type DoctorWorld,
  PROD_SIGNING_KEY,
  startDoctorWorld,
} from './helpers/doctor-world';

/** Another production key: what a serve function with a stale key holds. */
const OTHER_PROD_KEY = PROD_SIGNING_KEY.replace(/ab12/g, 'cd34');

describe('pipeline doctor: a deployed stage', () => {
  let world: DoctorWorld;
  useProcessEnv(() => ({
    INNGEST_SIGNING_KEY: PROD_SIGNING_KEY,
    INNGEST_EVENT_KEY: TEST_EVENT_KEY,
    // Nothing is synced here; the SDK must not reach the real Inngest.
    INNGEST_BASE_URL: 'http://127.0.0.1:9/',
  }));
  beforeEach(async () => {
    world = await startDoctorWorld();
  });
  afterEach(() => world.close());

  /** Discovery ran on time, at Inngest and in the tables. */
  const healthy = async () => {
    world.inngestRuns(3);
    await world.storedRuns(3);
  };

  it('passes every check of a healthy stage, and exits 0', async () => {
    await healthy();

    const results = await world.doctor();

    const notPassing = Object.values(results).filter(
      (r) => r.status !== 'pass',
    );
    expect(notPassing).toEqual([]);
    expect(results.introspection?.evidence).toMatch(
      /cloud mode, both keys, 4 functions, production/,
    );
    expect(doctorExitCode(Object.values(results))).toBe(0);
  });

  it('names a wrong URL registered when Inngest runs discovery the tables never see', async () => {
    world.inngestRuns(3);

    const { 'discovery-runs': row } = await world.doctor();

    expect(row?.status).toBe('fail');
    expect(row?.evidence).toMatch(/^wrong URL registered: Inngest reports 3/);
    expect(row?.fix).toMatch(/app's URL must be http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('names a stale sync when the signing key changed after the deploy', async () => {
    await healthy();
    world.secretChangedAt = new Date(world.now.getTime() - 10 * 60_000);

    const { 'inngest-sync': row } = await world.doctor();

    expect(row).toMatchObject({ status: 'fail', fix: /deploy again/ });
    expect(row?.evidence).toMatch(
      /^stale sync: the signing key secret changed/,
    );
  });

  it('names a failed sync when the last deploy was rolled back', async () => {
    await healthy();
    world.stackStatus = 'UPDATE_ROLLBACK_COMPLETE';

    const results = await world.doctor();

    expect(results['inngest-sync']?.evidence).toMatch(
      /^failed sync: the last deploy was rolled back/,
    );
    expect(results.stack?.status).toBe('fail');
    expect(results.stack?.fix).toMatch(/describe-stack-events/);
  });

  it('names a failed sync when the deploy skipped it for a placeholder key', async () => {
    await healthy();
    world.outputs.InngestSyncStatus =
      'skipped: the Inngest signing key secret still holds its placeholder';

    const { 'inngest-sync': row } = await world.doctor();

    expect(row?.status).toBe('fail');
    expect(row?.evidence).toMatch(/^failed sync: .* did not sync: skipped/);
    expect(row?.fix).toMatch(/put the Inngest keys into their secrets/);
  });

  it('names a key mismatch when the endpoint holds another signing key', async () => {
    await healthy();
    process.env.INNGEST_SIGNING_KEY = OTHER_PROD_KEY;

    const { introspection: row, endpoint } = await world.doctor();

    expect(endpoint?.status).toBe('pass');
    expect(row?.status).toBe('fail');
    expect(row?.evidence).toMatch(
      /^key mismatch: a GET signed with the signing key in Secrets Manager \(hash [0-9a-f]{12}\) was refused/,
    );
    expect(row?.fix).toMatch(/deploy again/);
    expect(JSON.stringify(row)).not.toContain(PROD_SIGNING_KEY);
  });

  it('names an event key mismatch', async () => {
    await healthy();
    process.env.INNGEST_EVENT_KEY = 'an-older-event-key';

    const { introspection: row } = await world.doctor();

    expect(row?.status).toBe('fail');
    expect(row?.evidence).toMatch(/event key mismatch/);
  });

  it('names a paused function when Inngest runs discovery not at all', async () => {
    const results = await world.doctor();

    const row = results['inngest-functions'];
    expect(row?.status).toBe('fail');
    expect(row?.evidence).toMatch(
      /^paused function: Inngest ran discover-videos not once/,
    );
    expect(row?.fix).toMatch(/select discover-videos and resume it/);
    expect(results['discovery-runs']?.status).toBe('fail');
  });

  it('names a branch environment the endpoint names instead of production', async () => {
    await healthy();
    process.env.INNGEST_ENV = 'feature-x';

    const { introspection: row } = await world.doctor();

    expect(row?.status).toBe('fail');
    expect(row?.evidence).toMatch(
      /branch environment: the endpoint names Inngest environment "feature-x", the stage expects production/,
    );
    expect(row?.fix).toMatch(/inngestEnv/);
  });

  it('names too few recent runs', async () => {
    world.inngestRuns(1);
    await world.storedRuns(1);

    const { 'discovery-runs': row, 'inngest-functions': functions } =
      await world.doctor();

    expect(functions?.status).toBe('pass');
    expect(row?.status).toBe('fail');
    expect(row?.evidence).toMatch(
      /^no recent runs: 1 discover-videos run\(s\) recorded in 30 min .*expected at least 2/,
    );
    expect(row?.fix).toMatch(/trigger discovery --wait/);
  });

  it('names a stale heartbeat past the stall limit', async () => {
    world.inngestRuns(3);
    await world.storedRuns(1, 45);

    const { heartbeat: row } = await world.doctor();

    expect(row?.status).toBe('fail');
    expect(row?.evidence).toMatch(
      /^stale heartbeat: last successful discovery 45 min ago/,
    );
    expect(row?.fix).toMatch(/docs\/runbook.md#discovery-stalled/);
  });

  it('names an unconfirmed e-mail subscription', async () => {
    await healthy();
    world.subscriptions.push({
      TopicArn: ALERTS_TOPIC,
      Protocol: 'email',
      Endpoint: 'oncall@example.org',
      SubscriptionArn: 'PendingConfirmation',
    });

    const { subscriptions: row } = await world.doctor();

    expect(row?.status).toBe('fail');
    expect(row?.evidence).toMatch(
      /^unconfirmed subscription: oncall@example.org \(alerts\)/,
    );
    expect(row?.fix).toMatch(/click the link .* aws sns subscribe/);
  });

  it('names an alarm firing, with its runbook section', async () => {
    await healthy();
    world.alarms = [
      alarm('discovery-stalled', 'ALARM'),
      alarm('quota-near-limit', 'OK'),
    ];

    const { alarms: row } = await world.doctor();

    expect(row?.status).toBe('fail');
    expect(row?.evidence).toMatch(
      /^alarm firing: youtube-domain-pipeline-prod-discovery-stalled/,
    );
    expect(row?.fix).toBe(
      'discovery-stalled: docs/runbook.md#discovery-stalled',
    );
  });

  it('fails a signing key that is still the placeholder, and a key YouTube refuses', async () => {
    await healthy();
    world.secrets.signing = 'Xq3RandomPlaceholderValue0123456';
    world.secrets.youtube = 'not-a-key';

    const results = await world.doctor();

    expect(results.secrets?.evidence).toMatch(/placeholder/);
    expect(results['youtube-key']?.status).toBe('fail');
    expect(results['youtube-key']?.fix).toMatch(/youtube-api-key secret/);
  });

  it('warns of recent failures with their error', async () => {
    await healthy();
    world.api.events.push({
      internal_id: '01FAILED',
      name: 'inngest/function.failed',
      data: {
        function_id: 'youtube-domain-pipeline-harvest-comments',
        run_id: 'run-x',
        error: { name: 'FatalYouTubeError', message: 'keyInvalid' },
      },
      ts: world.now.getTime() - 60_000,
    });

    const { 'recent-failures': row } = await world.doctor();

    expect(row?.status).toBe('warn');
    expect(row?.evidence).toMatch(
      /youtube-domain-pipeline-harvest-comments x1; latest .*FatalYouTubeError: keyInvalid/,
    );
  });

  it('exits 1 and prints JSON rows when a check fails', async () => {
    const results = Object.values(await world.doctor());

    const json = JSON.parse(
      renderDoctor(results, 'json', { mode: 'local', reason: 'test' }),
    );
    expect(doctorExitCode(results)).toBe(1);
    expect(json.ok).toBe(false);
    expect(json.checks[0]).toEqual({
      id: 'stack',
      status: 'pass',
      evidence: expect.any(String),
      fix: '',
    });
  });
});
