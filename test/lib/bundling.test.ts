import { statSync } from 'node:fs';
import { join } from 'node:path';
import {
  LAMBDA_ENTRIES,
  measureBundleSizes,
  SERVE_BUNDLE_TARGET_BYTES,
} from '../../lib/bundle-sizes';
import { synthPipeline } from './helpers/synth';

/** Function description prefix → bundle name in lib/bundle-sizes.ts. */
const FUNCTIONS: Record<string, keyof typeof LAMBDA_ENTRIES> = {
  'Inngest endpoint': 'serve',
  Watchdog: 'watchdog',
  'Posts alerts': 'notify-slack',
  'Custom resource': 'sync-inngest',
};

interface FunctionResource {
  readonly Metadata?: Record<string, string>;
  readonly Properties: { readonly Description?: string };
}

/**
 * The one test that runs esbuild for real, as `cdk deploy` does: every
 * other stack test skips bundling to stay fast.
 */
describe('Lambda bundling', () => {
  it('bundles every Lambda as minified ESM, the serve bundle under 1 MB', async () => {
    const { app, stack } = synthPipeline({ bundle: true });
    const assembly = app.synth();
    const template = assembly.getStackArtifact(stack.artifactId).template;
    const resources = Object.values(
      template.Resources as Record<string, FunctionResource & { Type: string }>,
    ).filter((r) => r.Type === 'AWS::Lambda::Function');

    const bundled: Record<string, number> = {};
    for (const [prefix, name] of Object.entries(FUNCTIONS)) {
      const fn = resources.find((r) =>
        r.Properties.Description?.startsWith(prefix),
      );
      const assetPath = fn?.Metadata?.['aws:asset:path'];
      expect(assetPath).toBeDefined();
      const file = join(assembly.directory, String(assetPath), 'index.mjs');
      bundled[name] = statSync(file).size;
    }

    expect(Object.keys(bundled).sort()).toEqual(
      Object.keys(LAMBDA_ENTRIES).sort(),
    );
    // npm run bench measures what deploys: same options, same bytes.
    const measured = Object.fromEntries(
      (await measureBundleSizes()).map((s) => [s.name, s.bytes]),
    );
    expect(measured).toEqual(bundled);
    expect(bundled.serve).toBeLessThan(SERVE_BUNDLE_TARGET_BYTES);
  }, 120_000);
});
