// Turns a water level into amounts per school in the indicator's units, and makes sure the CV still passes
// after rounding. Area and 元 round up to 0.01 ㎡ / 1 元, which moves the CV by next to nothing; whole teachers
// and rooms can move it a lot (one teacher is 3.3 per hundred pupils at a 30-pupil school), so those start
// from the level rounded down and add one unit at a time where it lowers the CV most, until it passes.
import { emptyMoments, momentsOfRange } from '../stats.ts';
import type { PlanIndicator } from './types.ts';
import { ceilToStep, floorToStep } from './units.ts';
import { WaterCurve } from './waterfill.ts';

/** Safety margin under the limit, so the verdict does not hang on the last bit of a float. */
export const CV_MARGIN = 1e-9;

export function cvOf(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  const m = momentsOfRange(values, weights, 0, values.length, emptyMoments());
  return m.n > 0 && m.mean > 0 ? Math.sqrt(m.variance) / m.mean : Infinity;
}

/**
 * Least additions (numerator units) to each school so the weighted CV of `values` is ≤ limit, adding only;
 * null when no add-only plan reaches it.
 */
export function levelUp(values: Float64Array, weights: Float64Array, ind: PlanIndicator, limit: number): Float64Array | null {
  const n = values.length;
  const target = limit * (1 - CV_MARGIN);
  const zero = new Float64Array(n);
  if (cvOf(values, weights) <= target) return zero;
  const curve = new WaterCurve(values, weights);
  const level = curve.levelFor(target);
  if (level === null) return null;
  return ind.unit.whole ? wholeUnits(values, weights, ind, level, target) : fineUnits(values, weights, ind, level, curve.highest, target);
}

function fineUnits(values: Float64Array, weights: Float64Array, ind: PlanIndicator, level: number, highest: number, target: number): Float64Array | null {
  const n = values.length;
  const add = new Float64Array(n);
  const after = new Float64Array(n);
  const gap = Math.max(Math.abs(level), 1) * 1e-12;
  for (let k = 0; k < 64; k++) {
    const l = Math.min(highest, k === 0 ? level : level + gap * 2 ** k);
    for (let i = 0; i < n; i++) {
      const f = weights[i] / ind.scale;
      add[i] = values[i] < l ? ceilToStep((l - values[i]) * f, ind.unit.step) : 0;
      after[i] = values[i] + add[i] / f;
    }
    if (cvOf(after, weights) <= target) return add;
    if (l === highest) break;
  }
  return null;
}

function wholeUnits(values: Float64Array, weights: Float64Array, ind: PlanIndicator, level: number, target: number): Float64Array | null {
  const n = values.length;
  const add = new Float64Array(n);
  const y = new Float64Array(n);
  const step = new Float64Array(n);
  let sw = 0;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    const f = w / ind.scale;
    add[i] = values[i] < level ? floorToStep((level - values[i]) * f, ind.unit.step) : 0;
    y[i] = values[i] + add[i] / f;
    step[i] = ind.unit.step / f;
    if (!(w > 0)) continue;
    sw += w;
    s1 += w * y[i];
    s2 += w * y[i] * y[i];
  }
  const cv = (a: number, b: number) => {
    const m = a / sw;
    return m > 0 ? Math.sqrt(Math.max(0, b / sw - m * m)) / m : Infinity;
  };
  // Each unit goes where it lowers the CV most; the deficit left by rounding down is under one unit per school.
  for (let guard = 0; guard < 4 * n + 64; guard++) {
    if (cv(s1, s2) <= target) {
      if (cvOf(y, weights) <= target) return add;
    }
    let best = -1;
    let bestCV = Infinity;
    for (let i = 0; i < n; i++) {
      const w = weights[i];
      if (!(w > 0)) continue;
      const d = step[i];
      const c = cv(s1 + w * d, s2 + w * d * (2 * y[i] + d));
      if (c < bestCV) {
        bestCV = c;
        best = i;
      }
    }
    if (best < 0) return null;
    const w = weights[best];
    const d = step[best];
    s1 += w * d;
    s2 += w * d * (2 * y[best] + d);
    y[best] += d;
    add[best] += ind.unit.step;
  }
  return null;
}
