// BALANCE.CV and MEAN over a range: the enrolment-weighted mean, SD and CV of rules §1, as core/stats.ts computes
// them. A column is read once: the two-pass form needs the numbers kept in arrays for its second pass, and on
// 100,000 rows writing and re-reading those costs as much as the read itself. So the column reader also sums the
// spread about a shift K, the first kept value: variance = Σ P·d² / Σ P − (Σ P·d / Σ P)², d = X − K.
//
// Why this and not Σ P·X² − (Σ P·X)² / Σ P: both subtract, and lose digits in proportion to what they subtract
// relative to the variance: mean² for the textbook form (values near 10⁶ with a spread of 10⁻³ leave nothing),
// (mean − K)² for the shifted one, where d is exact for values near K and the sums carry the spread itself. In a
// real ledger the first school lies a few SD from the mean at most; when it does not ((mean − K)² ≥ 16 × variance)
// the column is read a second time with K = the mean of the first read, which leaves nothing to lose. The shifted
// sums are added up in blocks (pairs.ts), which keeps their rounding small. test/functions/range-stats.test.ts
// holds the CV within 1e-12 of exact arithmetic on the bench's data and on adversarial data, where the plain
// two-pass form (whose mean is off by a rounding that its second pass squares) is not.
import { statsOfMoments, weightedStatsFromSums, type WeightedStats } from '../core/stats.ts';
import type { Result } from '../model/result.ts';
import { readColumnSums, readPairs, type ColumnSums } from './pairs.ts';
import { isFnError, type FnError } from './types.ts';

/** (mean − K)² / variance from which the shifted sums are not trusted. */
const MAX_SHIFT_RATIO = 16;

/** Weighted stats of a values range and a weights range (the pairs readPairs keeps), or the range's error. */
export function rangeStats(valuesArg: unknown, weightsArg: unknown): Result<WeightedStats> | FnError {
  const first = readColumnSums(valuesArg, weightsArg);
  // Every value alike (no spread to sum) keeps the two-pass form's answer, as do rows, blocks and errors.
  if (first !== null && first.sumShiftedSquares > 0) {
    const stats = shiftedStats(first) ?? shiftedStats(readColumnSums(valuesArg, weightsArg, first.sumWeighted / first.sumWeights));
    if (stats) return stats;
  }
  const pairs = readPairs(valuesArg, weightsArg);
  if (isFnError(pairs)) return pairs;
  return weightedStatsFromSums(pairs.values, pairs.weights, pairs.sumWeights, pairs.sumWeighted);
}

/** The stats from a column's shifted sums, or null when the shift lies too far from the mean to trust them. */
function shiftedStats(s: ColumnSums | null): Result<WeightedStats> | null {
  if (s === null) return null;
  const offset = s.sumShifted / s.sumWeights;
  const variance = s.sumShiftedSquares / s.sumWeights - offset * offset;
  if (!(offset * offset < MAX_SHIFT_RATIO * variance)) return null;
  return statsOfMoments({ n: s.count, sumWeights: s.sumWeights, mean: s.sumWeighted / s.sumWeights, variance });
}
