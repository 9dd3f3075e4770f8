// BALANCE.PLAN: the rectification plan (rules §7) for one indicator over a range of schools — each school raised
// to the indicator's threshold, then the lowest levelled up until the CV is within its limit. Spilled one row
// per cell of the range: position in the range, amount to add to the numerator (人, ㎡, 元, 间), value after.
import { FORMULAS } from '../core/derive.ts';
import { levelUp, RESOURCE_UNITS, type PlanIndicator } from '../core/rectify/index.ts';
import { raiseTo } from '../core/rectify/school.ts';
import { STAGE_NAMES } from '../core/types.ts';
import { asMatrix, parseIndicator, parseStage, parseStandard } from './args.ts';
import { readPairs } from './pairs.ts';
import { fnError, isFnError, type FnMatrix, type FnResult } from './types.ts';
import { MESSAGES } from '../model/messages.ts';

export function planOne(v: unknown, w: unknown, stageArg: unknown, indicatorArg: unknown, standardArg: unknown): FnResult {
  const stage = parseStage(stageArg);
  if (isFnError(stage)) return stage;
  const id = parseIndicator(indicatorArg);
  if (isFnError(id)) return id;
  const pack = parseStandard(standardArg);
  if (isFnError(pack)) return pack;
  const rule = pack.indicators.find((r) => r.id === id);
  if (!rule) return fnError('#N/A', MESSAGES.packLacksIndicator(pack.name, id));
  const pairs = readPairs(v, w);
  if (isFnError(pairs)) return pairs;
  // readPairs hands back shared scratch arrays: copy before the next call can reuse them.
  const xs = Float64Array.from(pairs.values);
  const ps = Float64Array.from(pairs.weights);
  const index = Int32Array.from(pairs.index);
  const scale = FORMULAS[id].scale;
  const ind: PlanIndicator = {
    id,
    name: rule.name,
    scale,
    threshold: rule.threshold?.[stage] ?? null,
    cvLimit: rule.cvLimit?.[stage] ?? null,
    unit: RESOURCE_UNITS[id],
    cost: null,
  };
  const add = new Float64Array(xs.length);
  const after = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    if (ind.threshold !== null) add[i] = raiseTo((xs[i] * ps[i]) / scale, ps[i], ind.threshold, ind);
    after[i] = xs[i] + (scale * add[i]) / ps[i];
  }
  if (ind.cvLimit !== null) {
    const more = levelUp(after, ps, ind, ind.cvLimit);
    if (!more) return fnError('#NUM!', `${STAGE_NAMES[stage]}${rule.name}：找不到只增不减就能使差异系数达标的方案`);
    for (let i = 0; i < xs.length; i++) {
      add[i] += more[i];
      after[i] = xs[i] + (scale * add[i]) / ps[i];
    }
  }
  const cells = asMatrix(v).flat();
  const out: FnMatrix = cells.map((c, k) => [k + 1, 0, typeof c === 'number' ? c : '']);
  for (let i = 0; i < xs.length; i++) out[index[i]] = [index[i] + 1, Number(add[i].toFixed(6)), after[i]];
  return out;
}
