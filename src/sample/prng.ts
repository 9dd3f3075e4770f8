// A small seeded PRNG (mulberry32): the sample county is the same on every machine and every run.
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rng {
  /** Uniform in [lo, hi). */
  between(lo: number, hi: number): number;
  int(lo: number, hi: number): number;
}

export function rng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    between: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => Math.floor(lo + (hi - lo + 1) * next()),
  };
}
