import { formatStatus, readStatus } from '../../lambda/cli/status';
import { withLocalStore } from '../helpers/dynalite';
import { testSettings } from '../helpers/settings';

const NOW = new Date('2026-03-10T18:00:00.000Z');

describe('pipeline status', () => {
  const store = withLocalStore({ clock: () => NOW });

  it('shows the last runs, heartbeat age, quota, the week against the target and firing alarms', async () => {
    const { store: s } = store();
    await s.putRun({
      functionId: 'discover-videos',
      runId: 'run-1',
      startedAt: '2026-03-10T17:50:00.000Z',
      endedAt: '2026-03-10T17:50:12.000Z',
      outcome: 'succeeded',
      summary: { videosDiscovered: 3, runId: 'run-1' },
    });
    await s.putHeartbeat({
      name: 'discover-videos',
      at: '2026-03-10T17:50:12.000Z',
      runId: 'run-1',
    });
    await s.chargeQuota({
      day: '2026-03-10',
      bucket: 'units',
      amount: 250,
      limit: 10_000,
    });
    await s.putDomainIfNew({
      domain: 'example.com',
      firstSeenAt: '2026-03-09T10:00:00.000Z',
      firstVideoId: 'dQw4w9WgXcQ',
      firstCommentId: 'c1',
      sampleLink: 'https://example.com/',
      shortener: false,
    });

    const report = await readStatus({
      store: s,
      settings: testSettings(),
      now: NOW,
      heartbeatName: 'discover-videos',
      alarms: async () => [
        {
          name: 'youtube-domain-pipeline-prod-quota-near-limit',
          state: 'ALARM',
        },
        { name: 'youtube-domain-pipeline-prod-discovery-stalled', state: 'OK' },
      ],
    });
    const text = formatStatus(report, 'table');

    expect(report.newDomains).toBe(1);
    expect(text).toMatch(/heartbeat \(discover-videos\)\s*│ 9 min ago/);
    expect(text).toMatch(/250 of 10000 units \(3%\)/);
    expect(text).toMatch(/1: below the target of 200-500/);
    expect(text).toMatch(/youtube-domain-pipeline-prod-quota-near-limit/);
    expect(text).not.toMatch(/discovery-stalled/);
    expect(text).toMatch(
      /discover-videos │ succeeded .* 12 +│ videosDiscovered=3 /,
    );
  });

  it('says locally that there are no alarms, and prints JSON for machines', async () => {
    const report = await readStatus({
      store: store().store,
      settings: testSettings(),
      now: NOW,
      heartbeatName: 'local-cycle',
    });

    const json = JSON.parse(formatStatus(report, 'json'));
    expect(json.heartbeat).toBeUndefined();
    expect(json).toMatchObject({
      runs: [],
      alarms: { skipped: 'local mode has no alarms' },
      target: { min: 200, max: 500 },
    });
    expect(formatStatus(report, 'table')).toMatch(/none recorded/);
  });
});
