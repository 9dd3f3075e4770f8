// Plans on whole counties, checked by applying them independently (oracle.ts): the sample county, a county where
// every school passes but one lavish school pushes the CVs over, and a 2012 county.
import { describe, expect, it } from 'vitest';
import { FORMULAS } from '../../../src/core/derive.ts';
import { evaluate } from '../../../src/core/evaluate.ts';
import type { Report } from '../../../src/core/report.ts';
import type { County } from '../../../src/core/types.ts';
import { readLedger } from '../../../src/ledger/index.ts';
import { SAMPLE_SHEET, sampleLedgerRows } from '../../../src/sample/index.ts';
import { national2012Basic } from '../../../src/standards/national-2012-basic.ts';
import { national2017Quality } from '../../../src/standards/national-2017-quality.ts';
import type { RulePack } from '../../../src/standards/types.ts';
import { goodJunior, goodPrimary } from '../fixtures.ts';
import { apply, leastTotal } from './oracle.ts';

function sampleCounty(): County {
  const read = readLedger([{ name: SAMPLE_SHEET, values: sampleLedgerRows() }]);
  if (!read.ok) throw new Error(read.message);
  return read.county;
}

/** Every CV within its limit and every school passing after the plan; CV additions within 2% (+1 unit a school) of the least. */
function expectPlanPasses(report: Report, pack: RulePack) {
  const plan = report.rectification!;
  expect(plan.passAfter).toBe(true);
  expect(plan.notes).toEqual([]);
  const applied = apply(report, pack);
  expect(applied.failingSchools).toEqual([]);
  for (const [stage, st] of Object.entries(applied.stages)) {
    const s = stage as 'primary' | 'junior';
    st.ids.forEach((id, j) => {
      const rule = pack.indicators[j];
      const limit = rule.cvLimit?.[s];
      if (limit === undefined) return;
      expect(applied.cvs[s]![id]!).toBeLessThanOrEqual(limit);
      const least = leastTotal(st.afterSchool[j], st.pupils, FORMULAS[id].scale, limit);
      const cvAdds = plan.additions.filter((a) => a.stage === s && a.indicator === id && a.reason === 'cv');
      const total = cvAdds.reduce((sum, a) => sum + a.amount, 0);
      const step = plan.additions.find((a) => a.indicator === id)?.unit === '㎡' ? 0.01 : 1;
      expect(total).toBeLessThanOrEqual(least * 1.02 + cvAdds.length * step + 1e-6);
      expect(total).toBeGreaterThanOrEqual(least * (1 - 1e-6));
      const line = plan.byIndicator.find((b) => b.stage === s && b.indicator === id);
      if (line) expect(line.cvAfter).toBeCloseTo(applied.cvs[s]![id]!, 9);
    });
  }
}

describe('rectification: sample county (2017)', () => {
  const pack = national2017Quality;
  const { report } = evaluate(sampleCounty(), pack);

  it('fails before, and the plan passes when applied', () => {
    expect(report.stages.primary!.pass).toBe(false);
    expectPlanPasses(report, pack);
    expect(report.rectification!.stagesAfter).toEqual({ primary: true, junior: true });
  });

  it('lists additions with the fields of rules §7 and totals per indicator that add up', () => {
    const plan = report.rectification!;
    expect(plan.additions.length).toBeGreaterThan(0);
    for (const a of plan.additions) {
      expect(Object.keys(a)).toEqual(['school', 'stage', 'row', 'indicator', 'amount', 'unit', 'reason']);
      expect(a.amount).toBeGreaterThan(0);
      if (a.unit === '人' || a.unit === '间') expect(Number.isInteger(a.amount)).toBe(true);
    }
    for (const line of plan.byIndicator) {
      const mine = plan.additions.filter((a) => a.stage === line.stage && a.indicator === line.indicator);
      expect(line.total).toBeCloseTo(mine.reduce((s, a) => s + a.amount, 0), 6);
      expect(line.schools).toBe(new Set(mine.map((a) => a.row)).size);
    }
    expect(plan.cost.total).toBe(0);
  });

  it('school raises make each failing school pass and go no further than a threshold', () => {
    const plan = report.rectification!;
    for (const a of plan.additions.filter((x) => x.reason === 'school')) {
      const s = report.schools.find((x) => x.row === a.row && x.stage === a.stage)!;
      const rule = pack.indicators.find((r) => r.id === a.indicator)!;
      const t = rule.threshold![a.stage]!;
      const scale = FORMULAS[a.indicator].scale;
      const step = a.unit === '㎡' ? 0.01 : 1;
      // One step less would leave it under the level it was raised to (the threshold or 85% of it).
      const before = (s.values[a.indicator] as number) + (scale * (a.amount - step)) / s.students;
      expect(before).toBeLessThan(t);
      expect((s.values[a.indicator] as number) + (scale * a.amount) / s.students).toBeLessThan(t + (scale * step) / s.students + 1e-9);
    }
  });

  it('costs the plan in 万元 with unit costs', () => {
    const costs = { teacher: 120000, sports_area: 800, teaching_area: 3500, equipment: 1, multimedia_room: 60000 };
    const priced = evaluate(sampleCounty(), pack, { unitCosts: costs }).report;
    expectPlanPasses(priced, pack);
    const plan = priced.rectification!;
    const byKind = (u: string) => (u === '人' ? costs.teacher : u === '间' ? costs.multimedia_room : u === '元' ? 1 : 0);
    let expected = 0;
    for (const a of plan.additions) {
      expected += (a.amount * (a.unit === '㎡' ? (a.indicator === 'sports_area_per_student' ? costs.sports_area : costs.teaching_area) : byKind(a.unit))) / 10000;
    }
    expect(plan.cost.total).toBeCloseTo(expected, 4);
    expect(plan.cost.unitCosts).toEqual(costs);
  });
});

describe('rectification: one lavish school', () => {
  // Nine modest schools that each pass, and one with ten times their sports ground: the sports CV goes over 0.5.
  const schools = Array.from({ length: 9 }, (_, i) => goodPrimary(`小学${i + 1}`, 300 + 40 * i));
  const lavish = goodPrimary('实验小学', 500);
  lavish.values.sports_ground_area = 9 * 500 * 12;
  const county: County = { name: '测试县', sheet: '台账', schools: [...schools, lavish, goodJunior('一中', 800)] };
  const pack = national2017Quality;
  const { report } = evaluate(county, pack);

  it('every school passes, but the sports CV is over its limit', () => {
    expect(report.schools.every((s) => s.pass)).toBe(true);
    const sports = report.stages.primary!.indicators.find((r) => r.id === 'sports_area_per_student')!;
    expect(sports.cvPass).toBe(false);
  });

  it('raises the others to one level and leaves the lavish school alone', () => {
    const plan = report.rectification!;
    expect(plan.additions.every((a) => a.reason === 'cv' && a.indicator === 'sports_area_per_student')).toBe(true);
    expect(plan.additions.some((a) => a.school === '实验小学')).toBe(false);
    expect(plan.additions).toHaveLength(9);
    expectPlanPasses(report, pack);
    // Hand check: the nine are all at 9 ㎡/生 and the lavish school at 108, so the level L solves
    // CV(L) = 0.5 over nine schools at L (4,140 pupils) and one at 108 (500 pupils).
    const w1 = 4140;
    const w2 = 500;
    const cvAt = (l: number) => {
      const m = (w1 * l + w2 * 108) / (w1 + w2);
      return Math.sqrt((w1 * (l - m) ** 2 + w2 * (108 - m) ** 2) / (w1 + w2)) / m;
    };
    let lo = 9;
    let hi = 108;
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (cvAt(mid) <= 0.5) hi = mid;
      else lo = mid;
    }
    const total = plan.byIndicator[0].cvTotal;
    expect(total).toBeGreaterThanOrEqual((hi - 9) * w1 - 1e-6);
    expect(total).toBeLessThanOrEqual((hi - 9) * w1 + 9 * 0.01 + 1e-6);
  });
});

describe('rectification: 2012 composite', () => {
  // Twelve primary schools: one in four well off, the rest with a twentieth of its area, equipment, computers and books.
  const schools = Array.from({ length: 12 }, (_, i) => {
    const s = goodPrimary(`小学${i + 1}`, 200 + 30 * i);
    const k = i % 4 === 0 ? 1 : 0.05;
    for (const f of ['teaching_area', 'sports_ground_area', 'equipment_value', 'computers', 'books'] as const) s.values[f] = s.values[f]! * k;
    return s;
  });
  const county: County = { name: '测试县', sheet: '台账', schools };
  const pack = national2012Basic;

  it('fails on the composite, and levelling the fewest indicators brings it within 0.65', () => {
    const { report } = evaluate(county, pack);
    const st = report.stages.primary!;
    expect(st.composite!).toBeGreaterThan(0.65);
    const plan = report.rectification!;
    expect(plan.passAfter).toBe(true);
    const [composite] = plan.composite;
    expect(composite.basis).toBe('fewest');
    expect(composite.before).toBeCloseTo(st.composite!, 12);
    const applied = apply(report, pack);
    const cvs = Object.values(applied.cvs.primary!);
    const after = cvs.reduce((a, b) => a + b, 0) / cvs.length;
    expect(after).toBeLessThanOrEqual(0.65);
    expect(composite.after).toBeCloseTo(after, 9);
    // The five weak indicators have CVs near 1.4 and the three teacher ones 0: the sum must fall by
    // 8 × (composite − 0.65), which fewer indicators cannot carry than ⌈that ÷ the largest CV⌉.
    const sorted = st.indicators.map((r) => r.cv!).sort((a, b) => b - a);
    const excess = 8 * (st.composite! - 0.65);
    let fewest = 0;
    for (let carried = 0; carried < excess; fewest++) carried += sorted[fewest];
    expect(composite.indicators).toHaveLength(fewest);
    const touched = new Set(plan.additions.map((a) => a.indicator));
    expect([...touched].sort()).toEqual([...composite.indicators].sort());
  });

  it('with unit costs, levels by cost and says so', () => {
    const costs = { teacher: 100000, teaching_area: 3000, sports_area: 500, equipment: 1, computer: 5000, book: 30 };
    const { report } = evaluate(county, pack, { unitCosts: costs });
    const plan = report.rectification!;
    expect(plan.passAfter).toBe(true);
    expect(plan.composite[0].basis).toBe('cost');
    expect(plan.cost.total).toBeGreaterThan(0);
    const cvs = Object.values(apply(report, pack).cvs.primary!);
    expect(cvs.reduce((a, b) => a + b, 0) / cvs.length).toBeLessThanOrEqual(0.65);
  });
});

describe('rectification: nothing to do', () => {
  it('a passing county has an empty plan that passes', () => {
    const county: County = { name: '测试县', sheet: '台账', schools: [goodPrimary('甲', 300), goodPrimary('乙', 400, 1.1), goodJunior('丙', 500)] };
    const { report } = evaluate(county, national2017Quality);
    expect(report.rectification).toMatchObject({ additions: [], byIndicator: [], passAfter: true, cost: { total: 0 } });
  });
});
