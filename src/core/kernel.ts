// The numeric heart of an evaluation, over columns: one stage, many groups (counties), many indicators.
// evaluate() runs one county through it; a national roll-up runs thousands of counties through the same code
// without building an object per school.
import { roundTo } from './stats.ts';

/**
 * One stage's schools, grouped by county: group g is rows [groupStart[g], groupStart[g + 1]).
 * Values are not stored: each is scale × amount ÷ pupils, derived inside the passes so a national run reads
 * each column only twice, as the bare CV loop does.
 */
export interface StageTable {
  groupStart: ArrayLike<number>;
  /** Enrolment of the stage (the weight P_i). */
  weights: Float64Array;
  /** Per indicator, per school numerator in base units; NaN marks a missing value (internal only, never reported). */
  amounts: Float64Array[];
  /** Per indicator: 1 for per pupil, 100 for per 100 pupils. */
  scales: number[];
  /** Round each school value to this many decimals before use (the rounding policy), or null. */
  valueDecimals?: number | null;
}

export interface IndicatorSpec {
  /** Per-school threshold (inclusive ≥), or null when the standard sets none. */
  threshold: number | null;
  /** CV limit (inclusive ≤), or null. */
  cvLimit: number | null;
}

export interface SchoolRule {
  minMet: number;
  minRatio: number;
}

/** Why a CV could not be computed: the same causes the checked API reports as typed errors. */
export const CV_OK = 0;
export const CV_NO_WEIGHT = 1;
export const CV_ZERO_MEAN = 2;

export interface StageVerdicts {
  /** Per indicator, per group. */
  mean: Float64Array[];
  cv: Float64Array[];
  cvStatus: Uint8Array[];
  /** Per school: indicators met, and the verdict (1 pass, 0 fail). */
  metCount: Uint8Array;
  schoolPass: Uint8Array;
  /** Per group: 1 when every CV is within its limit and every school passes. */
  groupPass: Uint8Array;
}

/**
 * The 2017 per-school rule (rules §4.1): at least minMet met and every unmet one at least minRatio of its threshold.
 * Without a rule every indicator must be met.
 */
export function schoolPasses(metCount: number, belowMinRatio: number, indicatorCount: number, rule: SchoolRule | undefined): boolean {
  if (!rule) return metCount === indicatorCount;
  return metCount >= rule.minMet && belowMinRatio === 0;
}

export function judgeStageTable(
  table: StageTable,
  specs: IndicatorSpec[],
  rule: SchoolRule | undefined,
  compareCV: (cv: number) => number = (cv) => cv,
): StageVerdicts {
  const groups = table.groupStart.length - 1;
  const w = table.weights;
  const rows = w.length;
  const k = specs.length;
  const decimals = table.valueDecimals ?? null;
  if (k > 15) throw new RangeError('judgeStageTable: at most 15 indicators per stage (4-bit tallies)');
  const mean = specs.map(() => new Float64Array(groups));
  const cv = specs.map(() => new Float64Array(groups));
  const cvStatus = specs.map(() => new Uint8Array(groups));
  // Per school, met indicators in the low 4 bits and indicators below minRatio × threshold in the high 4 bits
  // (at most 11 indicators each): one read-modify-write per value in the hot loop instead of two.
  const tally = new Uint8Array(rows);
  const complete = new Uint8Array(rows).fill(1);
  const cvPass = new Uint8Array(groups).fill(1);
  // Values derived in pass 1 are kept for pass 2 so each is divided out once.
  let largest = 0;
  for (let g = 0; g < groups; g++) largest = Math.max(largest, table.groupStart[g + 1] - table.groupStart[g]);
  const x1 = new Float64Array(largest);

  for (let j = 0; j < k; j++) {
    const a = table.amounts[j];
    const scale = table.scales[j];
    const { cvLimit } = specs[j];
    // Without a threshold nothing is met and nothing is below: the comparisons below are then always false.
    const judged = specs[j].threshold !== null;
    const threshold = specs[j].threshold ?? Infinity;
    const floor = judged ? (rule ? rule.minRatio : 1) * threshold : -Infinity;
    for (let g = 0; g < groups; g++) {
      const start = table.groupStart[g];
      const end = table.groupStart[g + 1];
      // Pass 1: derive each value, accumulate Σw and Σwx, and judge the school against the threshold.
      let sumW = 0;
      let sumWX = 0;
      let n = 0;
      for (let i = start; i < end; i++) {
        const p = w[i];
        if (p === 0) continue;
        let x = (scale * a[i]) / p;
        x1[i - start] = x;
        if (x !== x) {
          complete[i] = 0;
          continue;
        }
        if (decimals !== null) x1[i - start] = x = roundTo(x, decimals);
        sumW += p;
        sumWX += p * x;
        n++;
        // Branch-free counting: schools sit on both sides of thresholds, so branches here mispredict.
        tally[i] += +(x >= threshold) + (+(x < floor) << 4);
      }
      const m = n > 0 ? sumWX / sumW : 0;
      mean[j][g] = m;
      if (n === 0 || m === 0) {
        cvStatus[j][g] = n === 0 ? CV_NO_WEIGHT : CV_ZERO_MEAN;
        if (cvLimit !== null) cvPass[g] = 0;
        continue;
      }
      // Pass 2: the weighted sum of squares about the mean (two passes for accuracy, as rules §1 computes).
      let ss = 0;
      for (let i = start; i < end; i++) {
        const p = w[i];
        const x = x1[i - start];
        if (p === 0 || x !== x) continue;
        const d = x - m;
        ss += p * d * d;
      }
      const c = Math.sqrt(ss / sumW) / Math.abs(m);
      cv[j][g] = c;
      if (cvLimit !== null && compareCV(c) > cvLimit) cvPass[g] = 0;
    }
  }

  const judged = specs.some((s) => s.threshold !== null);
  const schoolPass = new Uint8Array(rows);
  const metCount = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    metCount[i] = tally[i] & 15;
    schoolPass[i] = judged && complete[i] === 1 && schoolPasses(metCount[i], tally[i] >> 4, k, rule) ? 1 : 0;
  }
  const groupPass = new Uint8Array(groups);
  for (let g = 0; g < groups; g++) {
    let ok = cvPass[g];
    if (judged) for (let i = table.groupStart[g]; ok && i < table.groupStart[g + 1]; i++) ok = schoolPass[i];
    groupPass[g] = ok;
  }
  return { mean, cv, cvStatus, metCount, schoolPass, groupPass };
}
