import {
  measureBundleSizes,
  SERVE_BUNDLE_TARGET_BYTES,
} from '../lib/bundle-sizes';
import type { BenchRow } from './report';

/** Minified size of each Lambda bundle; the serve bundle has a target. */
export async function benchBundles(): Promise<BenchRow[]> {
  const sizes = await measureBundleSizes();
  return sizes.map(({ name, bytes }) => {
    const value = `${(bytes / 1024).toFixed(0)} KiB`;
    if (name !== 'serve') return { name: `${name} bundle`, value };
    return {
      name: 'serve bundle',
      value,
      target: `< ${(SERVE_BUNDLE_TARGET_BYTES / 1_000_000).toFixed(0)} MB`,
      pass: bytes < SERVE_BUNDLE_TARGET_BYTES,
    };
  });
}
