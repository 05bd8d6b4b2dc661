import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  LAMBDA_ENTRIES,
  measureBundleSizes,
  SERVE_BUNDLE_TARGET_BYTES,
} from '../../lib/bundle-sizes';
import { REPO_ROOT } from '../../lib/paths';
import { stackNameFor } from '../../lib/pipeline-stack';

/** Function description prefix → bundle name in lib/bundle-sizes.ts. */
const FUNCTIONS: Record<string, keyof typeof LAMBDA_ENTRIES> = {
  'Inngest endpoint': 'serve',
  Watchdog: 'watchdog',
  'Posts alerts': 'notify-slack',
  'Custom resource': 'sync-inngest',
};

interface FunctionResource {
  readonly Type: string;
  readonly Metadata?: Record<string, string>;
  readonly Properties: { readonly Description?: string };
}

/** The environment less anything that could reach an AWS account. */
function offlineEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
  for (const name of Object.keys(env)) {
    if (/^AWS_|^CDK_DEFAULT_/.test(name)) delete env[name];
  }
  return { ...env, NPM_CONFIG_UPDATE_NOTIFIER: 'false' };
}

/**
 * The one test that runs esbuild for real, through the same command a
 * user runs (`npx cdk synth`), offline and with no AWS credentials: every
 * other stack test skips bundling to stay fast.
 */
describe('cdk synth', () => {
  it('synthesizes offline and bundles every Lambda, the serve bundle under 1 MB', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cdk-out-'));
    const cdk = join(REPO_ROOT, 'node_modules', '.bin', 'cdk');
    await promisify(execFile)(cdk, ['synth', '--quiet', '--output', out], {
      cwd: REPO_ROOT,
      env: offlineEnv(),
      timeout: 110_000,
    });
    const template = JSON.parse(
      readFileSync(join(out, `${stackNameFor('prod')}.template.json`), 'utf8'),
    );
    const resources = Object.values(
      template.Resources as Record<string, FunctionResource>,
    ).filter((r) => r.Type === 'AWS::Lambda::Function');

    const bundled: Record<string, number> = {};
    for (const [prefix, name] of Object.entries(FUNCTIONS)) {
      const fn = resources.find((r) =>
        r.Properties.Description?.startsWith(prefix),
      );
      const assetPath = fn?.Metadata?.['aws:asset:path'];
      expect(assetPath).toBeDefined();
      bundled[name] = statSync(join(out, String(assetPath), 'index.mjs')).size;
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
