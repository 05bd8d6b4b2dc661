import { Validations } from 'aws-cdk-lib';
import { synthPipeline } from './helpers/synth';

interface Acknowledged {
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

/** Every acknowledgment recorded in the stack, with where it was made. */
function acknowledgments(
  root: ReturnType<typeof synthPipeline>['stack'],
): Acknowledged[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>))
      .map(([id, reason]) => ({
        path: c.node.path,
        // Recorded qualified by plugin, e.g. `AwsSolutions::AwsSolutions-SMG4`.
        id: id.replace(/^[\w-]+::/, ''),
        reason,
      })),
  );
}

describe('cdk-nag AwsSolutions checks', () => {
  it.each([
    ['production', {}],
    [
      'staging with AWS Chatbot',
      {
        stage: 'staging',
        slackWorkspaceId: 'T01ABCDEF23',
        slackChannelId: 'C01ABCDEF23',
      },
    ],
  ])('finds nothing unacknowledged in %s', (_name, context) => {
    const { app } = synthPipeline({ context, nag: true });
    // Synthesis throws with the report when any rule finds a violation.
    expect(() => app.synth()).not.toThrow();
  });

  it('acknowledges only these findings, each with a real reason', () => {
    const { stack } = synthPipeline({ nag: true });
    const found = acknowledgments(stack).filter((a) =>
      a.id.startsWith('AwsSolutions-'),
    );
    expect(
      [...new Set(found.map((a) => a.id.replace(/\[.*/, '')))].sort(),
    ).toEqual([
      'AwsSolutions-IAM5',
      'AwsSolutions-SMG4',
      'AwsSolutions-SNS2',
      'AwsSolutions-SQS3',
    ]);
    for (const a of found) {
      expect(a.reason.length).toBeGreaterThan(80);
    }
    // The one wildcard accepted is the Provider framework's invoke grant.
    expect(found.filter((a) => a.id.startsWith('AwsSolutions-IAM5'))).toEqual([
      expect.objectContaining({
        path: expect.stringMatching(/InngestSync\/ProviderRole$/),
        id: expect.stringMatching(
          /^AwsSolutions-IAM5\[Resource::<InngestSyncHandlerFunction\w+\.Arn>:\*\]$/,
        ),
      }),
    ]);
  });
});
