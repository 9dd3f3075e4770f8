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

/** Whether the CV of `values` is within `limit` with the planner's margin: levelUp then adds nothing. */
export const withinLimit = (values: ArrayLike<number>, weights: ArrayLike<number>, limit: number): boolean => cvOf(values, weights) <= limit * (1 - CV_MARGIN);

/**
 * Least additions (numerator units) to each school so the weighted CV of `values` is ≤ limit, adding only;
 * null when no add-only plan reaches it.
 */
export function levelUp(values: Float64Array, weights: Float64Array, ind: PlanIndicator, limit: number): Float64Array | null {
  const target = limit * (1 - CV_MARGIN);
  if (withinLimit(values, weights, limit)) return new Float64Array(values.length);
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
  const sums = { sw, s1, s2 };
  const pick = UnitQueue.usable(y, step, weights) ? new UnitQueue(y, step, weights) : null;
  // Each unit goes where it lowers the CV most; the deficit left by rounding down is under one unit per school.
  for (let guard = 0; guard < 4 * n + 64; guard++) {
    if (cvFromSums(sums.sw, sums.s1, sums.s2) <= target) {
      if (cvOf(y, weights) <= target) return add;
    }
    const best = pick ? pick.best(sums) : bestByScan(y, step, weights, sums);
    if (best < 0) return null;
    const w = weights[best];
    const d = step[best];
    sums.s1 += w * d;
    sums.s2 += w * d * (2 * y[best] + d);
    y[best] += d;
    add[best] += ind.unit.step;
    pick?.update(best);
  }
  return null;
}

interface Sums {
  sw: number;
  s1: number;
  s2: number;
}

function cvFromSums(sw: number, a: number, b: number): number {
  const m = a / sw;
  return m > 0 ? Math.sqrt(Math.max(0, b / sw - m * m)) / m : Infinity;
}

/** The CV after one more unit at school i, computed exactly as the greedy choice compares it. */
const cvWithUnit = (y: Float64Array, step: Float64Array, weights: Float64Array, s: Sums, i: number): number => {
  const w = weights[i];
  const d = step[i];
  return cvFromSums(s.sw, s.s1 + w * d, s.s2 + w * d * (2 * y[i] + d));
};

/** The school where one more unit lowers the CV most (the first of equals), by trying every school. */
function bestByScan(y: Float64Array, step: Float64Array, weights: Float64Array, s: Sums): number {
  let best = -1;
  let bestCV = Infinity;
  for (let i = 0; i < y.length; i++) {
    if (!(weights[i] > 0)) continue;
    const c = cvWithUnit(y, step, weights, s, i);
    if (c < bestCV) {
      bestCV = c;
      best = i;
    }
  }
  return best;
}

/**
 * The same choice as bestByScan in log n per unit, so a county of 100,000 schools is not n² work. One unit adds
 * w·d = step × scale to Σw·y at every school alike, so the CV after it is least where it adds least to Σw·y²,
 * that is where 2y + d is least: a heap on that key. Rounding in w·d and in the sums is some 1e-16 of them;
 * every school whose key is within a far wider window (1e-11 of Σw·y² in effect) of the least is compared with
 * the exact CV, first index first, as the scan would: the choice is the scan's, unit for unit.
 */
class UnitQueue {
  /** A binary min-heap of school indices by key, and each school's place in it. */
  private readonly heap: Int32Array;
  private readonly place: Int32Array;
  private readonly size: number;
  private readonly key: Float64Array;
  private readonly unitSum: number;
  private readonly near: number[] = [];

  /** Whether every school's key is finite and w·d is the same unit everywhere (else the scan decides). */
  static usable(y: Float64Array, step: Float64Array, weights: Float64Array): boolean {
    let unit = NaN;
    for (let i = 0; i < y.length; i++) {
      const w = weights[i];
      if (!(w > 0)) continue;
      const u = w * step[i];
      if (!Number.isFinite(u) || !(u > 0) || !Number.isFinite(2 * y[i] + step[i])) return false;
      if (Number.isNaN(unit)) unit = u;
      else if (Math.abs(u - unit) > 1e-12 * unit) return false;
    }
    return true;
  }

  constructor(
    private readonly y: Float64Array,
    private readonly step: Float64Array,
    private readonly weights: Float64Array,
  ) {
    const n = y.length;
    this.key = new Float64Array(n);
    this.heap = new Int32Array(n);
    this.place = new Int32Array(n).fill(-1);
    let size = 0;
    let unit = 0;
    for (let i = 0; i < n; i++) {
      if (!(weights[i] > 0)) continue;
      this.key[i] = 2 * y[i] + step[i];
      unit = weights[i] * step[i];
      this.heap[size] = i;
      this.place[i] = size++;
    }
    this.size = size;
    this.unitSum = unit;
    for (let k = (size >> 1) - 1; k >= 0; k--) this.siftDown(k);
  }

  best(s: Sums): number {
    if (this.size === 0) return -1;
    const limit = this.key[this.heap[0]] + 1e-11 * (Math.abs(s.s2) / this.unitSum + Math.abs(this.key[this.heap[0]]));
    // Every school in the window: a heap's children are never below their parent, so the walk stops at the edge.
    const near = this.near;
    near.length = 0;
    near.push(0);
    let best = -1;
    let bestCV = Infinity;
    while (near.length > 0) {
      const k = near.pop()!;
      const i = this.heap[k];
      if (this.key[i] > limit) continue;
      const c = cvWithUnit(this.y, this.step, this.weights, s, i);
      if (c < bestCV || (c === bestCV && best >= 0 && i < best)) {
        bestCV = c;
        best = i;
      }
      if (2 * k + 1 < this.size) near.push(2 * k + 1);
      if (2 * k + 2 < this.size) near.push(2 * k + 2);
    }
    return best;
  }

  /** School i got its unit: its key grows, so it sinks. */
  update(i: number): void {
    this.key[i] = 2 * this.y[i] + this.step[i];
    this.siftDown(this.place[i]);
  }

  private less(a: number, b: number): boolean {
    const ka = this.key[a];
    const kb = this.key[b];
    return ka < kb || (ka === kb && a < b);
  }

  private siftDown(k: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * k + 1;
      const r = l + 1;
      let m = k;
      if (l < this.size && this.less(h[l], h[m])) m = l;
      if (r < this.size && this.less(h[r], h[m])) m = r;
      if (m === k) return;
      const t = h[k];
      h[k] = h[m];
      h[m] = t;
      this.place[h[k]] = k;
      this.place[h[m]] = m;
      k = m;
    }
  }
}
