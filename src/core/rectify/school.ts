// Per school, the least raises that make it pass its rule (rules §7 reason "school"): every judged indicator to
// its threshold, except up to (judged − minMet) of them left at minRatio × threshold — the ones whose full raise
// would cost most over the floor, by unit cost when every indicator has one, else relative to the threshold.
import { ceilToStep } from './units.ts';
import type { PlanIndicator, StageInput } from './types.ts';

/** Amount to add to `amount` so that scale × (amount + a) ÷ pupils ≥ target; 0 when it already is. */
export function raiseTo(amount: number, pupils: number, target: number, ind: PlanIndicator): number {
  const value = (a: number) => (ind.scale * (amount + a)) / pupils;
  if (value(0) >= target) return 0;
  let a = ceilToStep((target * pupils) / ind.scale - amount, ind.unit.step);
  // The value is judged as the kernel computes it: one more step where float division lands just under.
  while (value(a) < target) a = ceilToStep(a + ind.unit.step, ind.unit.step);
  return a;
}

/**
 * Raises per indicator and school. Schools that already pass, or have a missing value, get none; a school the
 * rule cannot pass at all (fewer judged indicators than minMet) is left for the caller to report.
 */
export function schoolRaises(input: StageInput): Float64Array[] {
  const { weights, amounts, indicators, schoolRule } = input;
  const n = weights.length;
  const out = indicators.map(() => new Float64Array(n));
  const judged = indicators.flatMap((ind, j) => (ind.threshold === null ? [] : [j]));
  if (judged.length === 0) return out;
  const minMet = schoolRule?.minMet ?? judged.length;
  const ratio = schoolRule?.minRatio ?? 1;
  const leeway = judged.length - minMet;
  if (leeway < 0) return out;
  const byCost = judged.every((j) => indicators[j].cost !== null);
  const full = new Float64Array(indicators.length);
  const floor = new Float64Array(indicators.length);

  for (let i = 0; i < n; i++) {
    const p = weights[i];
    if (!(p > 0) || judged.some((j) => Number.isNaN(amounts[j][i]))) continue;
    let unmet = 0;
    let belowFloor = 0;
    for (const j of judged) {
      const ind = indicators[j];
      const t = ind.threshold as number;
      full[j] = raiseTo(amounts[j][i], p, t, ind);
      floor[j] = raiseTo(amounts[j][i], p, ratio * t, ind);
      if (full[j] > 0) unmet++;
      if (floor[j] > 0) belowFloor++;
    }
    if (unmet <= leeway && belowFloor === 0) continue;
    // Saving of leaving indicator j at the floor instead of the threshold, in comparable terms.
    const saving = (j: number) => {
      const ind = indicators[j];
      const per = byCost ? (ind.cost as number) : ind.scale / ((ind.threshold as number) * p);
      return (full[j] - floor[j]) * per;
    };
    const left = new Set(
      judged
        .filter((j) => full[j] > 0)
        .sort((a, b) => saving(b) - saving(a) || a - b)
        .slice(0, leeway),
    );
    for (const j of judged) out[j][i] = left.has(j) ? floor[j] : full[j];
  }
  return out;
}
