import { Metrics } from '@aws-lambda-powertools/metrics';
import { createEmfMetrics } from '../../lambda/runtime/metrics';

describe('createEmfMetrics', () => {
  let printed: string[];
  beforeEach(() => {
    printed = [];
    // Powertools writes EMF straight to stdout (POWERTOOLS_DEV would
    // switch metrics off altogether).
    jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => {
        printed.push(String(chunk));
        return true;
      });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('prints one EMF record with the namespace, dimensions and units', () => {
    createEmfMetrics('prod').emit({
      videosDiscovered: 3,
      quotaUsedPercent: 12.5,
    });

    expect(printed).toHaveLength(1);
    const record = JSON.parse(printed[0] ?? '{}');
    expect(record).toMatchObject({
      service: 'youtube-domain-pipeline',
      stage: 'prod',
      VideosDiscovered: 3,
      QuotaUsedPercent: 12.5,
    });
    const [directive] = record._aws.CloudWatchMetrics;
    expect(directive.Namespace).toBe('YouTubeDomainPipeline');
    expect(directive.Dimensions[0].sort()).toEqual(['service', 'stage']);
    expect(directive.Metrics).toEqual(
      expect.arrayContaining([
        { Name: 'VideosDiscovered', Unit: 'Count' },
        { Name: 'QuotaUsedPercent', Unit: 'Percent' },
      ]),
    );
  });

  it('prints nothing when there is nothing to count', () => {
    const metrics = new Metrics({ namespace: 'X', serviceName: 'y' });
    const publish = jest.spyOn(metrics, 'publishStoredMetrics');

    createEmfMetrics('prod', metrics).emit({ newDomains: undefined });

    expect(publish).not.toHaveBeenCalled();
  });
});
