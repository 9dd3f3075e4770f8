// The least addition that brings a weighted CV within a limit (rules §7 reason "cv"). For a fixed total added,
// the county mean is fixed, so the CV is smallest when the lowest values are levelled up to one common level
// (water-filling); the CV falls as the level rises, so the least total is at the lowest level whose CV passes,
// found by bisection. Values here are indicator values; a school's numerator rises by (level − x) × P ÷ scale.

/** Schools sorted by value with prefix sums: the CV and the total at any water level in O(log n). */
export class WaterCurve {
  private readonly xs: Float64Array;
  private readonly prefW: Float64Array;
  private readonly prefWX: Float64Array;
  private readonly prefWX2: Float64Array;
  readonly sumW: number;

  constructor(values: ArrayLike<number>, weights: ArrayLike<number>) {
    const idx = Array.from({ length: values.length }, (_, i) => i).filter((i) => weights[i] > 0);
    idx.sort((a, b) => values[a] - values[b]);
    const n = idx.length;
    this.xs = Float64Array.from(idx, (i) => values[i]);
    this.prefW = new Float64Array(n + 1);
    this.prefWX = new Float64Array(n + 1);
    this.prefWX2 = new Float64Array(n + 1);
    for (let k = 0; k < n; k++) {
      const w = weights[idx[k]];
      const x = this.xs[k];
      this.prefW[k + 1] = this.prefW[k] + w;
      this.prefWX[k + 1] = this.prefWX[k] + w * x;
      this.prefWX2[k + 1] = this.prefWX2[k] + w * x * x;
    }
    this.sumW = this.prefW[n];
  }

  get lowest(): number {
    return this.xs[0];
  }

  get highest(): number {
    return this.xs[this.xs.length - 1];
  }

  /** Schools with a value below `level`. */
  private below(level: number): number {
    let lo = 0;
    let hi = this.xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.xs[mid] < level) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** CV with every school below `level` raised to it. */
  cvAt(level: number): number {
    const n = this.xs.length;
    const j = this.below(level);
    const wj = this.prefW[j];
    const s1 = level * wj + this.prefWX[n] - this.prefWX[j];
    const s2 = level * level * wj + this.prefWX2[n] - this.prefWX2[j];
    const mean = s1 / this.sumW;
    const variance = Math.max(0, s2 / this.sumW - mean * mean);
    return mean > 0 ? Math.sqrt(variance) / mean : Infinity;
  }

  /** Σ P·(level − x) over the schools below it: the total in value × pupils (÷ scale gives the numerator). */
  weightedRaise(level: number): number {
    const j = this.below(level);
    return level * this.prefW[j] - this.prefWX[j];
  }

  /**
   * The lowest level whose CV is ≤ target: the lowest value when the CV already passes, null when no level does
   * (a target of 0 with unequal values, or no school).
   */
  levelFor(target: number): number | null {
    if (this.xs.length === 0) return null;
    if (this.cvAt(this.lowest) <= target) return this.lowest;
    if (!(target > 0)) return null;
    // The CV falls as the level rises and is 0 at the highest value: bracket between sorted values, then bisect.
    let lo = 0;
    let hi = this.xs.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (this.cvAt(this.xs[mid]) <= target) hi = mid;
      else lo = mid;
    }
    let a = this.xs[lo];
    let b = this.xs[hi];
    for (let it = 0; it < 200 && b - a > 1e-13 * Math.max(1, Math.abs(b)); it++) {
      const mid = (a + b) / 2;
      if (this.cvAt(mid) <= target) b = mid;
      else a = mid;
    }
    return b;
  }
}
