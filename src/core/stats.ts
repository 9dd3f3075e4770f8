import { MESSAGES } from '../model/messages.ts';
import { fail, ok, type Result } from './types.ts';

export interface WeightedStats {
  /** Schools that took part (positive weight). */
  n: number;
  sumWeights: number;
  /** Σ P·X / Σ P: the county value. */
  mean: number;
  /** Enrolment-weighted population standard deviation. */
  sd: number;
  /** sd / mean: 差异系数. */
  cv: number;
}

/** Weighted moments of a slice; filled in place so hot loops allocate nothing. */
export interface Moments {
  n: number;
  sumWeights: number;
  mean: number;
  /** Weighted population variance Σ P(X − X̄)² / Σ P. */
  variance: number;
}

export const emptyMoments = (): Moments => ({ n: 0, sumWeights: 0, mean: 0, variance: 0 });

/**
 * Two passes over values[start..end) of already-validated data (finite, weights ≥ 0); rows with weight 0
 * take no part. (The columnar kernel fuses the same two passes with indicator derivation and verdicts.)
 */
export function momentsOfRange(values: ArrayLike<number>, weights: ArrayLike<number>, start: number, end: number, out: Moments): Moments {
  let sumW = 0;
  let sumWX = 0;
  let n = 0;
  for (let i = start; i < end; i++) {
    const w = weights[i];
    if (w === 0) continue;
    sumW += w;
    sumWX += w * values[i];
    n++;
  }
  const mean = sumW > 0 ? sumWX / sumW : 0;
  out.n = n;
  out.sumWeights = sumW;
  out.mean = mean;
  out.variance = sumW > 0 ? sumOfSquaresAbout(values, weights, start, end, mean) / sumW : 0;
  return out;
}

/** The second pass: Σ P(X − mean)² over values[start..end), rows of weight 0 left out. */
export function sumOfSquaresAbout(values: ArrayLike<number>, weights: ArrayLike<number>, start: number, end: number, mean: number): number {
  let ss = 0;
  for (let i = start; i < end; i++) {
    const w = weights[i];
    if (w === 0) continue;
    const d = values[i] - mean;
    ss += w * d * d;
  }
  return ss;
}

/**
 * Enrolment-weighted mean, standard deviation and CV (rules §1), two passes for accuracy.
 * A weight of 0 means "no pupils in this stage": the row takes no part. A value of 0 with a positive weight counts.
 */
export function weightedStats(values: ArrayLike<number>, weights: ArrayLike<number>): Result<WeightedStats> {
  if (values.length !== weights.length) {
    return fail('length_mismatch', `数值与权重的个数不一致（${values.length} 与 ${weights.length}）`);
  }
  for (let i = 0; i < values.length; i++) {
    const w = weights[i];
    if (!Number.isFinite(w) || !Number.isFinite(values[i])) return fail('invalid_value', `第 ${i + 1} 个数据不是有效数字`);
    if (w < 0) return fail('negative_weight', `权重含负数（第 ${i + 1} 个：${w}）`);
  }
  return statsOfMoments(momentsOfRange(values, weights, 0, values.length, emptyMoments()));
}

/**
 * weightedStats of data already checked (finite, weights > 0) whose first pass is done: the functions' range reader
 * sums Σ P and Σ P·X in reading order as it copies, the same sums in the same order as momentsOfRange.
 */
export function weightedStatsFromSums(values: ArrayLike<number>, weights: ArrayLike<number>, sumW: number, sumWX: number): Result<WeightedStats> {
  const n = values.length;
  const mean = sumW > 0 ? sumWX / sumW : 0;
  const variance = sumW > 0 ? sumOfSquaresAbout(values, weights, 0, n, mean) / sumW : 0;
  return statsOfMoments({ n, sumWeights: sumW, mean, variance });
}

/** Mean, SD and CV from moments, with the no-weight and zero-mean failures. */
export function statsOfMoments(m: Moments): Result<WeightedStats> {
  if (m.n === 0) return fail('no_weight', MESSAGES.noWeight);
  if (m.mean === 0) return fail('zero_mean', MESSAGES.zeroMean);
  const sd = Math.sqrt(m.variance);
  return ok({ n: m.n, sumWeights: m.sumWeights, mean: m.mean, sd, cv: sd / Math.abs(m.mean) });
}

/** Weighted CV alone. */
export function weightedCV(values: ArrayLike<number>, weights: ArrayLike<number>): Result<number> {
  const s = weightedStats(values, weights);
  return s.ok ? ok(s.value.cv) : s;
}

/** Weighted mean alone; unlike the CV it is defined when the mean is 0. */
export function weightedMean(values: ArrayLike<number>, weights: ArrayLike<number>): Result<number> {
  const s = weightedStats(values, weights);
  if (s.ok) return ok(s.value.mean);
  return s.code === 'zero_mean' ? ok(0) : s;
}

/** 综合差异系数: the plain average of a stage's indicator CVs (2012 method). */
export function compositeCV(cvs: ArrayLike<number>): Result<number> {
  if (cvs.length === 0) return fail('no_data', '没有可用的差异系数');
  let sum = 0;
  for (let i = 0; i < cvs.length; i++) {
    const c = cvs[i];
    if (!Number.isFinite(c) || c < 0) return fail('invalid_value', `第 ${i + 1} 个差异系数无效：${c}`);
    sum += c;
  }
  return ok(sum / cvs.length);
}

/**
 * Each school's effect on the county CV: CV with all schools minus CV without school i.
 * Positive means the school raises the CV (drags the county down). null where leaving it out leaves no CV.
 * O(n) from centred sums, so it stays cheap on 100,000-row ranges.
 */
export function leaveOneOutImpact(values: ArrayLike<number>, weights: ArrayLike<number>): Result<(number | null)[]> {
  const impacts = new Float64Array(values.length);
  const all = leaveOneOutInto(values, weights, impacts);
  if (!all.ok) return all;
  const out: (number | null)[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = impacts[i] === impacts[i] ? impacts[i] : null;
  return ok(out);
}

/** leaveOneOutImpact into a column: NaN where leaving the school out leaves no CV (no boxed number per school). */
export function leaveOneOutInto(values: ArrayLike<number>, weights: ArrayLike<number>, out: Float64Array): Result<WeightedStats> {
  const all = weightedStats(values, weights);
  if (!all.ok) return all;
  const { mean, sumWeights, cv } = all.value;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i];
    if (w === 0) continue;
    const d = values[i] - mean;
    s1 += w * d;
    s2 += w * d * d;
  }
  for (let i = 0; i < values.length; i++) {
    const w = weights[i];
    if (w === 0) {
      out[i] = 0;
      continue;
    }
    const d = values[i] - mean;
    const rest = sumWeights - w;
    if (rest <= 0) {
      out[i] = Number.NaN;
      continue;
    }
    const shift = (s1 - w * d) / rest;
    const meanWithout = mean + shift;
    const variance = Math.max(0, (s2 - w * d * d) / rest - shift * shift);
    out[i] = meanWithout === 0 ? Number.NaN : cv - Math.sqrt(variance) / Math.abs(meanWithout);
  }
  return all;
}

/** Round half away from zero to `decimals`, as the filing templates print. */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return (Math.sign(x) * Math.round(Math.abs(x) * f + Number.EPSILON * f)) / f;
}
