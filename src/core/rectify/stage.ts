// One stage: school raises first, then what each CV over its limit (2017) or the composite (2012) needs on top,
// then the plan applied and judged again by the same kernel as the verdict. A plan that does not pass is not
// presented: the stage keeps no additions and says why.
import { CV_OK, judgeStageTable, type IndicatorSpec } from '../kernel.ts';
import { STAGE_NAMES } from '../types.ts';
import { levelUp, withinLimit } from './allocate.ts';
import { compositeTargets } from './composite.ts';
import { schoolRaises } from './school.ts';
import type { StageInput, StagePlan } from './types.ts';

export function planStage(input: StageInput): StagePlan {
  const { weights, amounts, indicators, stage } = input;
  const n = weights.length;
  const k = indicators.length;
  const label = STAGE_NAMES[stage];
  // The school raises get their own columns below (or zeros where they cannot be planned).
  const plan: StagePlan = { school: [], cv: zeros(k, n), passAfter: false, cvAfter: indicators.map(() => null), compositeAfter: null, notes: [] };
  if (n === 0) {
    plan.school = zeros(k, n);
    return plan;
  }

  let incomplete = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      if (amounts[j][i] !== amounts[j][i]) {
        incomplete++;
        break;
      }
    }
  }
  if (incomplete > 0) {
    plan.notes.push(`${label}有 ${incomplete} 所学校缺少数据，补齐后才能测算整改`);
    plan.school = zeros(k, n);
    return judge(input, plan);
  }

  plan.school = schoolRaises(input);
  const values = zeros(k, n);
  for (let j = 0; j < k; j++) {
    const scale = indicators[j].scale;
    const a = amounts[j];
    const add = plan.school[j];
    const xs = values[j];
    for (let i = 0; i < n; i++) xs[i] = (scale * (a[i] + add[i])) / weights[i];
  }

  if (input.compositeLimit !== null) {
    const choice = compositeTargets(values, weights, amounts, indicators, input.compositeLimit);
    if (!choice) plan.notes.push(`${label}综合差异系数：找不到只增不减就能达标的方案`);
    else {
      plan.chosen = { indicators: choice.chosen.map((j) => indicators[j].id), basis: choice.basis };
      for (const j of choice.chosen) {
        const add = levelUp(values[j], weights, indicators[j], choice.targets[j] as number);
        if (add) plan.cv[j] = add;
        else plan.notes.push(`${label}“${indicators[j].name}”：找不到只增不减就能达标的方案`);
      }
    }
  } else {
    for (let j = 0; j < k; j++) {
      const limit = indicators[j].cvLimit;
      // Within its limit already: nothing to add (plan.cv[j] stays 0), and no column allocated to say so.
      if (limit === null || withinLimit(values[j], weights, limit)) continue;
      const add = levelUp(values[j], weights, indicators[j], limit);
      if (add) plan.cv[j] = add;
      else plan.notes.push(`${label}“${indicators[j].name}”差异系数：找不到只增不减就能达标的方案`);
    }
  }

  judge(input, plan);
  if (!plan.passAfter && plan.notes.length === 0) plan.notes.push(`${label}：测算的方案复核未通过，未予采用`);
  if (plan.notes.length > 0) {
    plan.school = zeros(k, n);
    plan.cv = zeros(k, n);
    judge(input, plan);
  }
  return plan;
}

/** k columns of n zeros: per indicator, per school, nothing added (views of one buffer: one allocation, not k). */
function zeros(k: number, n: number): Float64Array[] {
  const all = new Float64Array(k * n);
  const out: Float64Array[] = new Array(k);
  for (let j = 0; j < k; j++) out[j] = all.subarray(j * n, (j + 1) * n);
  return out;
}

/** Applies the plan to the numerators and judges the stage as evaluate() does. */
function judge(input: StageInput, plan: StagePlan): StagePlan {
  const { weights, amounts, indicators } = input;
  const after = zeros(amounts.length, weights.length);
  for (let j = 0; j < amounts.length; j++) {
    const a = amounts[j];
    const school = plan.school[j];
    const cv = plan.cv[j];
    const out = after[j];
    for (let i = 0; i < a.length; i++) out[i] = a[i] + school[i] + cv[i];
  }
  const specs: IndicatorSpec[] = indicators.map((ind) => ({ threshold: ind.threshold, cvLimit: ind.cvLimit }));
  const table = { groupStart: [0, weights.length], weights, amounts: after, scales: indicators.map((ind) => ind.scale), valueDecimals: input.valueDecimals ?? null };
  const compare = input.compareCV ?? ((c: number) => c);
  const v = judgeStageTable(table, specs, input.schoolRule, compare);
  plan.cvAfter = indicators.map((_, j) => (v.cvStatus[j][0] === CV_OK ? v.cv[j][0] : null));
  if (input.compositeLimit !== null) {
    const known = plan.cvAfter.every((c) => c !== null);
    plan.compositeAfter = known ? (plan.cvAfter as number[]).reduce((a, b) => a + b, 0) / plan.cvAfter.length : null;
    plan.passAfter = plan.compositeAfter !== null && compare(plan.compositeAfter) <= input.compositeLimit;
  } else {
    plan.passAfter = v.groupPass[0] === 1;
  }
  return plan;
}
