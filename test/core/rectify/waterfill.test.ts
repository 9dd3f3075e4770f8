// The CV levelling of rules §7 against brute force: no add-only plan with a smaller total passes, the level is
// the lowest that passes, and whole units never break the limit. Expected values come from weightedCV over
// enumerated plans, never from the planner.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levelUp, RESOURCE_UNITS, type PlanIndicator } from '../../../src/core/rectify/index.ts';
import { CV_MARGIN } from '../../../src/core/rectify/allocate.ts';
import { floorToStep } from '../../../src/core/rectify/units.ts';
import { WaterCurve } from '../../../src/core/rectify/waterfill.ts';
import { weightedCV } from '../../../src/core/stats.ts';

const cv = (xs: number[], ws: number[]): number => {
  const r = weightedCV(xs, ws);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

const indicator = (id: PlanIndicator['id'], scale: number): PlanIndicator => ({
  id,
  name: id,
  scale,
  threshold: null,
  cvLimit: 0.5,
  unit: RESOURCE_UNITS[id],
  cost: null,
});
const AREA = indicator('sports_area_per_student', 1);
const TEACHERS = indicator('backbone_teachers_per_100', 100);

/** Values after adding `adds` (numerator units) to schools with `pupils`, for an indicator of `scale`. */
const after = (xs: number[], ps: number[], adds: ArrayLike<number>, scale: number) => xs.map((x, i) => x + (scale * adds[i]) / ps[i]);
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0);

const county = (n: number) =>
  fc.array(fc.tuple(fc.double({ min: 0.5, max: 30, noNaN: true }), fc.integer({ min: 20, max: 900 })), { minLength: n, maxLength: n });

describe('levelUp: area (fine units)', () => {
  it('passes, and no plan with 2% less in total (less rounding) passes (brute force over a grid of 3-school plans)', () => {
    fc.assert(
      fc.property(county(3), fc.double({ min: 0.05, max: 0.4, noNaN: true }), (ss, limit) => {
        const xs = ss.map(([x]) => x);
        const ps = ss.map(([, p]) => p);
        fc.pre(cv(xs, ps) > limit);
        const add = levelUp(Float64Array.from(xs), Float64Array.from(ps), AREA, limit);
        expect(add).not.toBeNull();
        expect(cv(after(xs, ps, add!, 1), ps)).toBeLessThanOrEqual(limit);
        // Less the 0.01 ㎡ each school's amount is rounded up by.
        const smaller = sum(add!) * 0.98 - 0.03;
        fc.pre(smaller > 0);
        const grid = 60;
        for (let a = 0; a <= grid; a++) {
          for (let b = 0; a + b <= grid; b++) {
            const plan = [a, b, grid - a - b].map((k) => (k / grid) * smaller);
            expect(cv(after(xs, ps, plan, 1), ps)).toBeGreaterThan(limit);
          }
        }
      }),
      { numRuns: 50 },
    );
  });

  it('raises the lowest schools to one level, the lowest level that passes', () => {
    fc.assert(
      fc.property(county(12), fc.double({ min: 0.05, max: 0.4, noNaN: true }), (ss, limit) => {
        const xs = ss.map(([x]) => x);
        const ps = ss.map(([, p]) => p);
        fc.pre(cv(xs, ps) > limit);
        const add = levelUp(Float64Array.from(xs), Float64Array.from(ps), AREA, limit)!;
        const ys = after(xs, ps, add, 1);
        const raised = ys.filter((_, i) => add[i] > 0);
        const level = Math.min(...raised);
        // One level (to the 0.01 ㎡ rounding), and every school left alone already at or above it.
        for (const y of raised) expect(y - level).toBeLessThan(0.011 / Math.min(...ps) + 1e-9);
        xs.forEach((x, i) => add[i] === 0 && expect(x).toBeGreaterThanOrEqual(level - 0.011));
        // A level 0.1% lower fails.
        const lower = level * 0.999;
        expect(cv(xs.map((x) => Math.max(x, lower)), ps)).toBeGreaterThan(limit);
      }),
      { numRuns: 200 },
    );
  });
});

describe('levelUp: whole teachers', () => {
  it('passes after rounding, and no plan with fewer teachers passes (exhaustive over 2–4 schools)', () => {
    const schools = fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 15, max: 400 })), { minLength: 2, maxLength: 4 });
    fc.assert(
      fc.property(schools, fc.double({ min: 0.05, max: 0.45, noNaN: true }), (ss, limit) => {
        const counts = ss.map(([c]) => c);
        const ps = ss.map(([, p]) => p);
        const xs = counts.map((c, i) => (100 * c) / ps[i]);
        fc.pre(xs.some((x) => x > 0) && cv(xs, ps) > limit);
        const add = levelUp(Float64Array.from(xs), Float64Array.from(ps), TEACHERS, limit);
        expect(add).not.toBeNull();
        for (const a of add!) expect(Number.isInteger(a)).toBe(true);
        expect(cv(after(xs, ps, add!, 100), ps)).toBeLessThanOrEqual(limit);
        const total = sum(add!);
        fc.pre(total <= 30);
        // Every plan of fewer whole teachers fails.
        const visit = (i: number, left: number, plan: number[]): void => {
          if (i === ps.length) {
            if (cv(after(xs, ps, plan, 100), ps) <= limit) throw new Error(`${plan} passes with fewer teachers than ${Array.from(add!)}`);
            return;
          }
          for (let a = 0; a <= left; a++) visit(i + 1, left - a, [...plan, a]);
        };
        if (total > 0) visit(0, total - 1, []);
      }),
      { numRuns: 200 },
    );
  });
});

/** The greedy of rules §7 as first written: each whole unit to the school where it lowers the CV most, found by trying every school. */
function scanPlan(xs: number[], ps: number[], ind: PlanIndicator, limit: number): number[] | null {
  const target = limit * (1 - CV_MARGIN);
  if (cv(xs, ps) <= target) return xs.map(() => 0);
  const level = new WaterCurve(Float64Array.from(xs), Float64Array.from(ps)).levelFor(target);
  if (level === null) return null;
  const n = xs.length;
  const f = ps.map((p) => p / ind.scale);
  const add = xs.map((x, i) => (x < level ? floorToStep((level - x) * f[i], ind.unit.step) : 0));
  const y = xs.map((x, i) => x + add[i] / f[i]);
  const d = f.map((fi) => ind.unit.step / fi);
  const sw = sum(ps);
  let s1 = sum(y.map((v, i) => ps[i] * v));
  let s2 = sum(y.map((v, i) => ps[i] * v * v));
  const cvOfSums = (a: number, b: number) => {
    const m = a / sw;
    return m > 0 ? Math.sqrt(Math.max(0, b / sw - m * m)) / m : Infinity;
  };
  for (let guard = 0; guard < 4 * n + 64; guard++) {
    if (cvOfSums(s1, s2) <= target && cv(y, ps) <= target) return add;
    let best = -1;
    let bestCV = Infinity;
    for (let i = 0; i < n; i++) {
      const c = cvOfSums(s1 + ps[i] * d[i], s2 + ps[i] * d[i] * (2 * y[i] + d[i]));
      if (c < bestCV) [bestCV, best] = [c, i];
    }
    if (best < 0) return null;
    s1 += ps[best] * d[best];
    s2 += ps[best] * d[best] * (2 * y[best] + d[best]);
    y[best] += d[best];
    add[best] += ind.unit.step;
  }
  return null;
}

describe('levelUp: whole units for large counties', () => {
  it('gives the very plan of a school-by-school scan, unit for unit, equal schools included (first school first)', () => {
    // Few distinct sizes and counts, so many schools tie exactly and the order among equals is tested too.
    const school = fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom(30, 45, 60, 120, 300, 800));
    fc.assert(
      fc.property(fc.array(school, { minLength: 2, maxLength: 300 }), fc.double({ min: 0.05, max: 0.45, noNaN: true }), (ss, limit) => {
        const ps = ss.map(([, p]) => p);
        const xs = ss.map(([c], i) => (100 * c) / ps[i]);
        fc.pre(xs.some((x) => x > 0));
        const add = levelUp(Float64Array.from(xs), Float64Array.from(ps), TEACHERS, limit);
        const expected = scanPlan(xs, ps, TEACHERS, limit);
        expect(add === null ? null : Array.from(add)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
