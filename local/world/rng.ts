/**
 * A small deterministic random number generator, so the sample world and
 * the generated comment corpus are the same on every machine and run.
 */

/** FNV-1a over the UTF-16 code units: turns any seed string into 32 bits. */
function hashSeed(seed: string | number): number {
  const text = typeof seed === 'number' ? `n:${seed}` : seed;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Returns a generator of numbers in [0, 1): mulberry32 seeded from a hash
 * of `seed`. Equal seeds give equal sequences.
 */
export function makeRng(seed: string | number): () => number {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One item of a non-empty list, chosen uniformly. */
export function pick<T>(rng: () => number, items: readonly T[]): T {
  if (items.length === 0) {
    throw new Error('pick: items is empty; pass at least one item');
  }
  return items[Math.floor(rng() * items.length)] as T;
}

/** An integer in [min, max], both ends included. */
export function intBetween(rng: () => number, min: number, max: number) {
  return min + Math.floor(rng() * (max - min + 1));
}

/** True with probability `p`. */
export function chance(rng: () => number, p: number): boolean {
  return rng() < p;
}
