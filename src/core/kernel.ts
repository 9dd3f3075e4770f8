// The numeric heart of an evaluation, over columns: one stage, many groups (counties), many indicators.
// evaluate() runs one county through it; a national roll-up runs thousands of counties through the same code
// without building an object per school.
import { emptyMoments, momentsOfRange } from './stats.ts';

/** One stage's schools, grouped by county: group g is rows [groupStart[g], groupStart[g + 1]). */
export interface StageTable {
  groupStart: ArrayLike<number>;
  /** Enrolment of the stage (the weight P_i). */
  weights: Float64Array;
  /** Per indicator, per school value; NaN marks a missing value (internal only, never reported as NaN). */
  values: Float64Array[];
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
export function schoolPasses(metCount: number, lowestUnmetRatio: number, indicatorCount: number, rule: SchoolRule | undefined): boolean {
  if (!rule) return metCount === indicatorCount;
  return metCount >= rule.minMet && lowestUnmetRatio >= rule.minRatio;
}

export function judgeStageTable(
  table: StageTable,
  specs: IndicatorSpec[],
  rule: SchoolRule | undefined,
  compareCV: (cv: number) => number = (cv) => cv,
): StageVerdicts {
  const groups = table.groupStart.length - 1;
  const rows = table.weights.length;
  const k = specs.length;
  const mean = specs.map(() => new Float64Array(groups));
  const cv = specs.map(() => new Float64Array(groups));
  const cvStatus = specs.map(() => new Uint8Array(groups));
  const metCount = new Uint8Array(rows);
  const lowestRatio = new Float64Array(rows).fill(Infinity);
  const complete = new Uint8Array(rows).fill(1);
  const cvPass = new Uint8Array(groups).fill(1);
  const m = emptyMoments();

  for (let j = 0; j < k; j++) {
    const xs = table.values[j];
    const { threshold, cvLimit } = specs[j];
    for (let g = 0; g < groups; g++) {
      const start = table.groupStart[g];
      const end = table.groupStart[g + 1];
      momentsOfRange(xs, table.weights, start, end, m);
      mean[j][g] = m.mean;
      if (m.n === 0) cvStatus[j][g] = CV_NO_WEIGHT;
      else if (m.mean === 0) cvStatus[j][g] = CV_ZERO_MEAN;
      else cv[j][g] = Math.sqrt(m.variance) / Math.abs(m.mean);
      if (cvLimit !== null && (cvStatus[j][g] !== CV_OK || compareCV(cv[j][g]) > cvLimit)) cvPass[g] = 0;
    }
    for (let i = 0; i < rows; i++) {
      const x = xs[i];
      if (x !== x) {
        complete[i] = 0;
        continue;
      }
      if (threshold === null) continue;
      if (x >= threshold) metCount[i]++;
      else if (x / threshold < lowestRatio[i]) lowestRatio[i] = x / threshold;
    }
  }

  const judged = specs.some((s) => s.threshold !== null);
  const schoolPass = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    schoolPass[i] = judged && complete[i] === 1 && schoolPasses(metCount[i], lowestRatio[i], k, rule) ? 1 : 0;
  }
  const groupPass = new Uint8Array(groups);
  for (let g = 0; g < groups; g++) {
    let ok = cvPass[g];
    if (judged) for (let i = table.groupStart[g]; ok && i < table.groupStart[g + 1]; i++) ok = schoolPass[i];
    groupPass[g] = ok;
  }
  return { mean, cv, cvStatus, metCount, schoolPass, groupPass };
}
