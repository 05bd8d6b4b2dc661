import type { Settings } from '../../lambda/core/settings';
import { parseSettings } from '../../lambda/core/settings-loader';

/** Valid settings with test-sized defaults; `overrides` merge per section. */
export function testSettings(
  overrides: { [K in keyof Settings]?: Partial<Settings[K]> } = {},
): Settings {
  const base: Record<string, unknown> = {
    sources: {
      channels: ['UCaaaaaaaaaaaaaaaaaaaaaa', 'UCbbbbbbbbbbbbbbbbbbbbbb'],
      searches: ['homelab tips'],
    },
  };
  for (const [key, value] of Object.entries(overrides)) {
    base[key] = { ...((base[key] as object) ?? {}), ...value };
  }
  return parseSettings(base, 'test settings');
}
