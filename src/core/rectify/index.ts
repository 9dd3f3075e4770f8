// The rectification plan of a county (rules §7): each stage planned over its school parts, then the additions
// listed per school part, totalled per indicator and costed in 万元 when the county set unit costs.
import type { RulePack } from '../../standards/types.ts';
import { FORMULAS } from '../derive.ts';
import type { Stage } from '../types.ts';
import { planStage } from './stage.ts';
import type { Addition, CompositePlan, IndicatorPlan, PlanIndicator, Rectification, StageInput, StagePlan } from './types.ts';
import { RESOURCE_UNITS, unitCostOf, type UnitCosts } from './units.ts';

export * from './types.ts';
export * from './units.ts';
export { planStage } from './stage.ts';
export { levelUp } from './allocate.ts';
export { WaterCurve } from './waterfill.ts';

/** The pack's indicators for one stage, as the planner takes them. */
export function planIndicators(pack: RulePack, stage: Stage, costs?: UnitCosts): PlanIndicator[] {
  return pack.indicators.map((r) => ({
    id: r.id,
    name: r.name,
    scale: FORMULAS[r.id].scale,
    threshold: r.threshold?.[stage] ?? null,
    cvLimit: r.cvLimit?.[stage] ?? null,
    unit: RESOURCE_UNITS[r.id],
    cost: unitCostOf(r.id, costs),
  }));
}

export interface StageToPlan {
  input: StageInput;
  /** Name and ledger row of each school part, in the input's row order. */
  parts: { name: string; row: number; sheet?: string }[];
  /** The evaluation's CVs before any addition, per indicator. */
  cvBefore: (number | null)[];
  compositeBefore: number | null;
}

/**
 * Amounts stay as the plan made them, clear of float noise in the last digits. Most are 0 or on the 0.01 grid
 * already (whole teachers, 0.01 ㎡, whole 元), which six decimals give back unchanged: no string work for them.
 * (A double nearest to k/100 below 1e9 is within 1e-7 of it, so toFixed(6) prints k/100 and parses back to it.)
 */
function tidy(x: number): number {
  if (x === 0) return 0;
  if (Math.abs(x) < 1e9 && Math.round(x * 100) / 100 === x) return x;
  return Number(x.toFixed(6));
}

export function rectify(stages: StageToPlan[], costs: UnitCosts = {}): Rectification {
  const out: Rectification = { additions: [], byIndicator: [], cost: { total: 0, unitCosts: costs }, composite: [], stagesAfter: {}, passAfter: true, notes: [] };
  let costTotal = 0;
  for (const s of stages) {
    const { stage, indicators } = s.input;
    if (s.parts.length === 0) continue;
    const plan = planStage(s.input);
    out.stagesAfter[stage] = plan.passAfter;
    out.passAfter &&= plan.passAfter;
    out.notes.push(...plan.notes);
    indicators.forEach((ind, j) => {
      const line = indicatorPlan(s, plan, j, out.additions);
      if (!line) return;
      out.byIndicator.push(line);
      costTotal += line.cost ?? 0;
    });
    const composite = compositePlan(s, plan);
    if (composite) out.composite.push(composite);
  }
  out.cost.total = tidy(costTotal);
  return out;
}

function indicatorPlan(s: StageToPlan, plan: StagePlan, j: number, additions: Addition[]): IndicatorPlan | null {
  const { stage, indicators } = s.input;
  const ind = indicators[j];
  const school = plan.school[j];
  const cv = plan.cv[j];
  let schoolTotal = 0;
  let cvTotal = 0;
  let schools = 0;
  // A plain loop and no closure: this runs per indicator per school part of every county.
  for (let i = 0; i < s.parts.length; i++) {
    const bySchool = tidy(school[i]);
    const byCV = tidy(cv[i]);
    if (bySchool > 0) additions.push(addition(s.parts[i], stage, ind, bySchool, 'school'));
    if (byCV > 0) additions.push(addition(s.parts[i], stage, ind, byCV, 'cv'));
    schoolTotal += bySchool;
    cvTotal += byCV;
    if (bySchool > 0 || byCV > 0) schools++;
  }
  if (schools === 0) return null;
  const total = tidy(schoolTotal + cvTotal);
  return {
    stage,
    indicator: ind.id,
    name: ind.name,
    cvBefore: s.cvBefore[j],
    cvAfter: plan.cvAfter[j],
    limit: ind.cvLimit,
    total,
    schoolTotal: tidy(schoolTotal),
    cvTotal: tidy(cvTotal),
    unit: ind.unit.unit,
    schools,
    cost: ind.cost === null ? null : tidy((total * ind.cost) / 10000),
  };
}

function addition(part: StageToPlan['parts'][number], stage: Stage, ind: PlanIndicator, amount: number, reason: Addition['reason']): Addition {
  return part.sheet
    ? { school: part.name, stage, row: part.row, sheet: part.sheet, indicator: ind.id, amount, unit: ind.unit.unit, reason }
    : { school: part.name, stage, row: part.row, indicator: ind.id, amount, unit: ind.unit.unit, reason };
}

function compositePlan(s: StageToPlan, plan: StagePlan): CompositePlan | null {
  const limit = s.input.compositeLimit;
  if (limit === null || !plan.chosen || plan.chosen.indicators.length === 0) return null;
  return { stage: s.input.stage, before: s.compositeBefore, after: plan.compositeAfter, limit, indicators: plan.chosen.indicators, basis: plan.chosen.basis };
}
