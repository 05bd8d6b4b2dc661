import { build } from 'esbuild';
import { BUNDLING, CREDENTIAL_ALIAS } from './constructs/pipeline-function';
import { lambdaEntry } from './paths';

/** Every Lambda entry the stack deploys, by bundle name. */
export const LAMBDA_ENTRIES = {
  serve: 'serve.ts',
  watchdog: 'watchdog.ts',
  'notify-slack': 'notify-slack.ts',
  'sync-inngest': 'sync-inngest.ts',
} as const;

/** The serve bundle should stay under this (cold start grows with size). */
export const SERVE_BUNDLE_TARGET_BYTES = 1_000_000;

/**
 * Bundles each Lambda entry in memory with the options NodejsFunction uses
 * (lib/constructs/pipeline-function.ts) and returns the size of each
 * minified bundle, for `npm run bench`.
 */
export async function measureBundleSizes(): Promise<
  Array<{ name: string; bytes: number }>
> {
  const sizes: Array<{ name: string; bytes: number }> = [];
  for (const [name, entry] of Object.entries(LAMBDA_ENTRIES)) {
    const result = await build({
      entryPoints: [lambdaEntry(entry)],
      bundle: true,
      write: false,
      outfile: 'index.mjs',
      platform: 'node',
      format: 'esm',
      target: BUNDLING.target,
      minify: BUNDLING.minify,
      charset:
        BUNDLING.esbuildArgs?.['--charset'] === 'utf8' ? 'utf8' : 'ascii',
      ...(BUNDLING.mainFields ? { mainFields: BUNDLING.mainFields } : {}),
      ...(BUNDLING.banner ? { banner: { js: BUNDLING.banner } } : {}),
      alias: { [CREDENTIAL_ALIAS.from]: CREDENTIAL_ALIAS.to },
      logLevel: 'silent',
    });
    const bytes = result.outputFiles.reduce((n, f) => n + f.contents.length, 0);
    sizes.push({ name, bytes });
  }
  return sizes;
}
