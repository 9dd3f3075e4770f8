// Per school, the least raises that make it pass its rule (rules §7 reason "school"): every judged indicator to
// its threshold, except up to (judged − minMet) of them left at minRatio × threshold — the ones whose full raise
// would cost most over the floor, by unit cost when every indicator has one, else relative to the threshold.
import { ceilToStep } from './units.ts';
import type { PlanIndicator, StageInput } from './types.ts';

/** Amount to add to `amount` so that scale × (amount + a) ÷ pupils ≥ target; 0 when it already is. */
export function raiseTo(amount: number, pupils: number, target: number, ind: PlanIndicator): number {
  const { scale } = ind;
  if ((scale * amount) / pupils >= target) return 0;
  const step = ind.unit.step;
  let a = ceilToStep((target * pupils) / scale - amount, step);
  // The value is judged as the kernel computes it: one more step where float division lands just under.
  while ((scale * (amount + a)) / pupils < target) a = ceilToStep(a + step, step);
  return a;
}

/**
 * Raises per indicator and school. Schools that already pass, or have a missing value, get none; a school the
 * rule cannot pass at all (fewer judged indicators than minMet) is left for the caller to report.
 */
export function schoolRaises(input: StageInput): Float64Array[] {
  const { weights, amounts, indicators, schoolRule } = input;
  const n = weights.length;
  const all = new Float64Array(indicators.length * n);
  const out = indicators.map((_, j) => all.subarray(j * n, (j + 1) * n));
  const judged = indicators.flatMap((ind, j) => (ind.threshold === null ? [] : [j]));
  if (judged.length === 0) return out;
  const minMet = schoolRule?.minMet ?? judged.length;
  const ratio = schoolRule?.minRatio ?? 1;
  const leeway = judged.length - minMet;
  if (leeway < 0) return out;
  const byCost = judged.every((j) => indicators[j].cost !== null);
  const full = new Float64Array(indicators.length);
  const floor = new Float64Array(indicators.length);
  const keep = new Uint8Array(indicators.length);

  for (let i = 0; i < n; i++) {
    const p = weights[i];
    if (!(p > 0)) continue;
    // Most schools pass: judge them from their values first, as the kernel does, and plan only the others.
    let unmet = 0;
    let belowFloor = 0;
    let missing = false;
    for (const j of judged) {
      const ind = indicators[j];
      const t = ind.threshold as number;
      const x = (ind.scale * amounts[j][i]) / p;
      if (x !== x) missing = true;
      if (!(x >= t)) unmet++;
      if (x < ratio * t) belowFloor++;
    }
    if (missing || (unmet <= leeway && belowFloor === 0)) continue;
    for (const j of judged) {
      const ind = indicators[j];
      const t = ind.threshold as number;
      full[j] = raiseTo(amounts[j][i], p, t, ind);
      floor[j] = raiseTo(amounts[j][i], p, ratio * t, ind);
    }
    // Leave at the floor the `leeway` indicators whose full raise saves most over it, in comparable terms.
    keep.fill(0);
    for (let k = 0; k < leeway; k++) {
      let best = -1;
      let bestSaving = -1;
      for (const j of judged) {
        if (keep[j] || full[j] <= 0) continue;
        const ind = indicators[j];
        const per = byCost ? (ind.cost as number) : ind.scale / ((ind.threshold as number) * p);
        const saving = (full[j] - floor[j]) * per;
        if (saving > bestSaving) {
          bestSaving = saving;
          best = j;
        }
      }
      if (best < 0) break;
      keep[best] = 1;
    }
    for (const j of judged) out[j][i] = keep[j] ? floor[j] : full[j];
  }
  return out;
}
