// 2012 (rules §7): the composite — the average of the stage's CVs — over its limit. The sum of the CVs must fall by
// R = Σ CV − n × limit; each indicator's share of R costs the water-filling total for its lower CV. The plan
// splits R in small slices, each to the indicator where the next slice is cheapest: by unit cost when every
// indicator has one, else among the fewest indicators that can carry R, by the addition relative to the
// county's total of that resource.
import { CV_MARGIN, cvOf } from './allocate.ts';
import type { PlanIndicator } from './types.ts';
import { WaterCurve } from './waterfill.ts';

const SLICES = 200;

export interface CompositeChoice {
  /** Per indicator, the CV to level it to, or null to leave it. */
  targets: (number | null)[];
  chosen: number[];
  basis: 'cost' | 'fewest';
}

export function compositeTargets(values: Float64Array[], weights: Float64Array, amounts: Float64Array[], indicators: PlanIndicator[], limit: number): CompositeChoice | null {
  const k = indicators.length;
  const cvs = values.map((xs) => cvOf(xs, weights));
  if (cvs.some((c) => !Number.isFinite(c))) return null;
  const basis = indicators.every((ind) => ind.cost !== null) ? 'cost' : 'fewest';
  const excess = cvs.reduce((a, b) => a + b, 0) - k * limit * (1 - CV_MARGIN);
  if (excess <= 0) return { targets: indicators.map(() => null), chosen: [], basis };
  const slice = excess / SLICES;

  // price × numerator added, for each indicator levelled by m slices (m up to what its CV can give).
  const tables = indicators.map((ind, j) => {
    const total = amounts[j].reduce((a, b) => a + b, 0);
    const price = basis === 'cost' ? (ind.cost as number) : total > 0 ? 1 / total : NaN;
    if (!(price >= 0)) return [0];
    const curve = new WaterCurve(values[j], weights);
    const table = [0];
    for (let m = 1; m <= SLICES && cvs[j] - m * slice > cvs[j] * 1e-6; m++) {
      const level = curve.levelFor(cvs[j] - m * slice);
      if (level === null) break;
      table.push((price * curve.weightedRaise(level)) / ind.scale);
    }
    return table;
  });

  const split = (set: number[]): { cost: number; m: number[] } | null => {
    const m = new Array<number>(k).fill(0);
    for (let s = 0; s < SLICES; s++) {
      let best = -1;
      let bestCost = Infinity;
      for (const j of set) {
        const t = tables[j];
        if (m[j] + 1 >= t.length) continue;
        const c = t[m[j] + 1] - t[m[j]];
        if (c < bestCost) {
          bestCost = c;
          best = j;
        }
      }
      if (best < 0) return null;
      m[best]++;
    }
    return { cost: set.reduce((sum, j) => sum + tables[j][m[j]], 0), m };
  };

  const all = indicators.map((_, j) => j);
  let found: { cost: number; m: number[] } | null = null;
  if (basis === 'cost') found = split(all);
  else {
    for (let size = 1; size <= k && !found; size++) {
      for (const set of subsets(all, size)) {
        if (set.reduce((n, j) => n + tables[j].length - 1, 0) < SLICES) continue;
        const r = split(set);
        if (r && (!found || r.cost < found.cost)) found = r;
      }
    }
  }
  if (!found) return null;
  const m = found.m;
  return {
    targets: cvs.map((c, j) => (m[j] > 0 ? c - m[j] * slice : null)),
    chosen: all.filter((j) => m[j] > 0),
    basis,
  };
}

function subsets(items: number[], size: number): number[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [first, ...rest] = items;
  return [...subsets(rest, size - 1).map((s) => [first, ...s]), ...subsets(rest, size)];
}
