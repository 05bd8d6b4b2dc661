import { PassThrough } from 'node:stream';
import { newDomainRows } from '../../lambda/cli/domains';
import {
  parseFormat,
  parseInstant,
  render,
  UsageError,
} from '../../lambda/cli/output';
import { runCommand } from '../../lambda/cli/run';
import { startTestPipeline, type TestPipeline } from '../helpers/pipeline';

const NOW = new Date('2026-12-03T20:00:00Z');

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => {
    text += String(chunk);
  });
  return { stream, text: () => text };
}

describe('pipeline run and domains', () => {
  let p: TestPipeline;
  beforeAll(async () => {
    p = await startTestPipeline({
      now: () => NOW,
      settings: {
        sources: { channels: ['UCaaaaaaaaaaaaaaaaaaaaaa'], searches: [] },
        discovery: { firstLookbackDays: 2 },
      },
    });
  });
  afterAll(() => p.close());

  it('runs a cycle and prints the summary table', async () => {
    const stdout = capture();
    const stderr = capture();
    const summary = await runCommand(p.context, {
      stdout: stdout.stream,
      stderr: stderr.stream as unknown as NodeJS.WriteStream,
    });
    const table = stdout.text();
    for (const row of [
      'videos discovered',
      'comment pages',
      'comments stored',
      'new domains',
      'quota units used',
      'quota units left today',
      'time taken',
    ]) {
      expect(table).toContain(row);
    }
    expect(table).toMatch(
      new RegExp(`comments stored\\s*│\\s*${summary.commentsStored}\\b`),
    );
  });

  it('lists the new domains of a window with mentions and a sample link', async () => {
    const rows = await newDomainRows(
      p.store,
      new Date('2026-12-01T00:00:00Z'),
      new Date('2026-12-04T00:00:00Z'),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.mentions).toBeGreaterThanOrEqual(1);
      expect(String(row.sampleLink)).toContain(
        String(row.domain).split('.')[0],
      );
    }
    const csv = render(rows, 'csv').split('\n');
    expect(csv[0]).toBe('domain,firstSeen,mentions,shortener,sampleLink');
    expect(JSON.parse(render(rows, 'json'))).toHaveLength(rows.length);
  });

  it('names the option, the value and the fix for bad input', () => {
    expect(() => parseFormat('xml')).toThrow(
      new UsageError('--format: got "xml"; use one of table, csv, json'),
    );
    expect(() => parseInstant('--since', 'last week')).toThrow(
      /--since: got "last week"; give an ISO date such as 2026-11-26/,
    );
    expect(parseInstant('--since', '2026-11-26').toISOString()).toBe(
      '2026-11-26T00:00:00.000Z',
    );
  });
});
