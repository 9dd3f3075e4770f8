// Timing helpers shared by the sections. The machine is shared, so peers are timed alternately (a busy moment
// slows each alike) and the fastest run of each is kept: the least disturbed measure of what the code costs.

/** Runs each function three times to warm up (past the JIT tiers), then `runs` rounds of all of them in turn; the fastest time of each, in ms. */
export function fastestAlternating(fns: (() => unknown)[], runs: number): number[] {
  for (let r = 0; r < 3; r++) for (const fn of fns) fn();
  const best = fns.map(() => Infinity);
  for (let r = 0; r < runs; r++) {
    fns.forEach((fn, i) => {
      const t0 = performance.now();
      fn();
      best[i] = Math.min(best[i], performance.now() - t0);
    });
  }
  return best;
}
