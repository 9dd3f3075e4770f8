// An independent check of a rectification plan, as the held-out oracle works: add each amount to its school
// part's numerator, recompute every value, CV and per-school verdict from the report's own figures with
// weightedCV, and find the least CV total by a plain bisection of its own.
import { FORMULAS } from '../../../src/core/derive.ts';
import type { Report } from '../../../src/core/report.ts';
import { weightedCV } from '../../../src/core/stats.ts';
import type { Stage } from '../../../src/core/types.ts';
import type { IndicatorId, RulePack } from '../../../src/standards/types.ts';

export interface Applied {
  /** Per stage and indicator, values before (after school additions) and after every addition, and pupils. */
  stages: Partial<Record<Stage, { ids: IndicatorId[]; pupils: number[]; afterSchool: number[][]; after: number[][] }>>;
  cvs: Partial<Record<Stage, Partial<Record<IndicatorId, number>>>>;
  failingSchools: string[];
}

const cvOf = (xs: number[], ws: number[]): number => {
  const r = weightedCV(xs, ws);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

export function apply(report: Report, pack: RulePack): Applied {
  const plan = report.rectification!;
  const out: Applied = { stages: {}, cvs: {}, failingSchools: [] };
  for (const stage of ['primary', 'junior'] as const) {
    const schools = report.schools.filter((s) => s.stage === stage);
    if (schools.length === 0) continue;
    const ids = pack.indicators.map((r) => r.id);
    const added = (reasons: string[]) =>
      ids.map((id) =>
        schools.map((s) => {
          const amount = plan.additions
            .filter((a) => a.stage === stage && a.row === s.row && a.indicator === id && reasons.includes(a.reason))
            .reduce((sum, a) => sum + a.amount, 0);
          return (s.values[id] as number) + (FORMULAS[id].scale * amount) / s.students;
        }),
      );
    const pupils = schools.map((s) => s.students);
    const after = added(['school', 'cv']);
    out.stages[stage] = { ids, pupils, afterSchool: added(['school']), after };
    out.cvs[stage] = Object.fromEntries(ids.map((id, j) => [id, cvOf(after[j], pupils)]));
    schools.forEach((s, i) => {
      const rule = pack.schoolRule;
      const judged = pack.indicators.filter((r) => r.threshold?.[stage] !== undefined);
      if (judged.length === 0) return;
      let met = 0;
      let below = 0;
      for (const r of judged) {
        const x = after[ids.indexOf(r.id)][i];
        const t = r.threshold![stage]!;
        if (x >= t) met++;
        if (x < (rule?.minRatio ?? 1) * t) below++;
      }
      if (met < (rule?.minMet ?? judged.length) || below > 0) out.failingSchools.push(s.name);
    });
  }
  return out;
}

/** The least total (numerator units) that brings the CV of xs within limit by adding only: bisection on the level. */
export function leastTotal(xs: number[], pupils: number[], scale: number, limit: number): number {
  const raised = (level: number) => xs.map((x) => Math.max(x, level));
  if (cvOf(xs, pupils) <= limit) return 0;
  let lo = Math.min(...xs);
  let hi = Math.max(...xs);
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (cvOf(raised(mid), pupils) <= limit) hi = mid;
    else lo = mid;
  }
  return xs.reduce((sum, x, i) => sum + (Math.max(0, hi - x) * pupils[i]) / scale, 0);
}
