import { describe, expect, it } from 'vitest';
import { evaluate, evaluateWith } from '../../src/core/evaluate.ts';
import type { County } from '../../src/core/types.ts';
import { national2012Basic } from '../../src/standards/national-2012-basic.ts';
import { national2017Quality } from '../../src/standards/national-2017-quality.ts';
import { goodJunior, goodPrimary, school } from './fixtures.ts';

const county = (...schools: County['schools']): County => ({ name: '测试县', sheet: '台账', schools });

describe('indicator derivation', () => {
  it('moves indoor sports rooms from the teaching area to the sports area', () => {
    const s = school('甲校', 'primary', { students_primary: 100, teaching_area: 600, indoor_sports_area: 150, sports_ground_area: 700 });
    const r = evaluate(county(s), national2017Quality).report.schools[0];
    expect(r.values.teaching_area_per_student).toBe(4.5);
    expect(r.values.sports_area_per_student).toBe(8.5);
  });

  it('uses a ledger’s own 体育运动场馆面积 as is (it already includes the gym)', () => {
    const s = school('甲校', 'primary', { students_primary: 100, teaching_area: 600, indoor_sports_area: 150, sports_area: 700 });
    expect(evaluate(county(s), national2017Quality).report.schools[0].values.sports_area_per_student).toBe(7);
  });

  it('counts teachers and rooms per 100 pupils', () => {
    const s = school('甲校', 'junior', { students_junior: 400, above_degree_teachers_junior: 22, multimedia_rooms: 10 });
    const v = evaluate(county(s), national2017Quality).report.schools[0].values;
    expect(v.above_degree_teachers_per_100).toBe(5.5);
    expect(v.multimedia_rooms_per_100).toBe(2.5);
  });

  it('relaxations: itinerant PE/art teachers count for a 50–99-pupil rural small school, rented venues for dense centres', () => {
    const rural = school('村小', 'primary', { students_primary: 80, pe_art_teachers_primary: 0.4, pe_art_itinerant_teachers: 0.4 }, { flags: { small_rural_school: true } });
    const dense = school('城区小学', 'primary', { students_primary: 1000, sports_ground_area: 6000, rented_sports_area: 2000 }, { flags: { dense_city_centre: true } });
    const on = evaluate(county(rural, dense), national2017Quality).report.schools;
    expect(on[0].values.pe_art_teachers_per_100).toBeCloseTo(1.0, 12);
    expect(on[1].values.sports_area_per_student).toBe(8);
    const off = evaluate(county(rural, dense), national2017Quality, { relaxations: false }).report.schools;
    expect(off[0].values.pe_art_teachers_per_100).toBeCloseTo(0.5, 12);
    expect(off[1].values.sports_area_per_student).toBe(6);
  });

  it('does not let a school without the flag use the relaxations', () => {
    const plain = school('城区小学', 'primary', { students_primary: 1000, sports_ground_area: 6000, rented_sports_area: 2000 });
    expect(evaluate(county(plain), national2017Quality).report.schools[0].values.sports_area_per_student).toBe(6);
  });
});

describe('2017 per-school rule: at least 6 of 7 met and the rest at least 85%', () => {
  const withTeachingArea = (perPupil: number) => {
    const s = goodPrimary('甲校', 200);
    s.values.teaching_area = perPupil * 200;
    return evaluate(county(s), national2017Quality).report.schools[0];
  };

  it('passes with all 7 met', () => {
    expect(withTeachingArea(4.5)).toMatchObject({ metCount: 7, pass: true });
  });

  it('passes with 6 met and the 7th at exactly 85% of its threshold', () => {
    const r = withTeachingArea(4.5 * 0.85);
    expect(r.met?.teaching_area_per_student).toBe(false);
    expect(r).toMatchObject({ metCount: 6, pass: true });
  });

  it('fails with the 7th just under 85%', () => {
    expect(withTeachingArea(4.5 * 0.85 - 0.001)).toMatchObject({ metCount: 6, pass: false });
  });

  it('fails with only 5 met, even when both are above 85%', () => {
    const s = goodPrimary('甲校', 200);
    s.values.teaching_area = 4.4 * 200;
    s.values.multimedia_rooms = (2.2 * 200) / 100;
    expect(evaluate(county(s), national2017Quality).report.schools[0]).toMatchObject({ metCount: 5, pass: false });
  });

  it('gives each shortfall in the base unit: ㎡, 元, 人, 间', () => {
    const s = school('弱校', 'primary', {
      students_primary: 200,
      teaching_area: 800, // 4.0 ㎡ per pupil against 4.5: short of 100 ㎡
      equipment_value: 200 * 1500, // 1500 元 against 2000: short of 100,000 元
      backbone_teachers_primary: 1, // 0.5 per 100 against 1.0: short of 1 人
      multimedia_rooms: 4, // 2.0 per 100 against 2.3: short of 0.6 间
    });
    const r = evaluate(county(s), national2017Quality).report.schools[0];
    expect(r.shortfall?.teaching_area_per_student).toBeCloseTo(100, 9);
    expect(r.shortfall?.equipment_value_per_student).toBeCloseTo(100000, 6);
    expect(r.shortfall?.backbone_teachers_per_100).toBeCloseTo(1, 12);
    expect(r.shortfall?.multimedia_rooms_per_100).toBeCloseTo(0.6, 12);
  });

  it('cannot pass a school with missing data, and reports the missing cell', () => {
    const s = goodPrimary('缺数校', 200);
    delete s.values.multimedia_rooms;
    s.cells!.multimedia_rooms = 'M9';
    const { report } = evaluate(county(s), national2017Quality);
    expect(report.schools[0]).toMatchObject({ metCount: 6, pass: false });
    expect(report.schools[0].values.multimedia_rooms_per_100).toBeNull();
    expect(report.problems).toContainEqual(expect.objectContaining({ severity: 'error', sheet: '台账', cell: 'M9' }));
  });
});

describe('2017 county verdict: every CV within its limit and every school passing', () => {
  it('passes a county of identical good schools at both stages', () => {
    const { report } = evaluate(county(goodPrimary('一小', 300), goodPrimary('二小', 500), goodJunior('一中', 800), goodJunior('二中', 600)), national2017Quality);
    expect(report.stages.primary).toMatchObject({ schoolCount: 2, students: 800, pass: true, composite: null, compositeLimit: null });
    expect(report.stages.junior?.pass).toBe(true);
    expect(report.stages.primary?.indicators.every((i) => i.cv !== null && i.cv < 1e-9 && i.cvPass)).toBe(true);
    expect(report.parts[0]).toMatchObject({ id: 'resources', pass: true });
  });

  it('never passes the county on resources alone: the other parts are listed as not evaluated', () => {
    const { report } = evaluate(county(goodPrimary('一小', 300), goodJunior('一中', 800)), national2017Quality);
    expect(report.parts.map((p) => [p.id, p.pass])).toEqual([
      ['resources', true],
      ['government', null],
      ['quality', null],
      ['recognition', null],
    ]);
    expect(report.parts[1].reason).toContain('未评估');
    expect(report.pass).toBe(null);
    expect(report.reason).toBe('政府保障程度、教育质量、社会认可度未评估，县域结论无法认定');
  });

  it('fails a stage whose CV exceeds 0.50 even though every school meets its thresholds', () => {
    // Equipment 2000 vs 9000 元 per pupil: both above the threshold, CV ≈ 0.64.
    const a = goodPrimary('一小', 500);
    const b = goodPrimary('二小', 500);
    a.values.equipment_value = 2000 * 500;
    b.values.equipment_value = 9000 * 500;
    const { report } = evaluate(county(a, b), national2017Quality);
    const eq = report.stages.primary!.indicators.find((i) => i.id === 'equipment_value_per_student')!;
    expect(eq.cv).toBeCloseTo(3500 / 5500, 12);
    expect(eq).toMatchObject({ cvLimit: 0.5, cvPass: false, schoolsBelow: 0, threshold: 2000, mean: 5500 });
    expect(report.schools.every((s) => s.pass)).toBe(true);
    expect(report.stages.primary!.pass).toBe(false);
    expect(report.parts[0].reason).toContain('差异系数');
  });

  it('fails a stage when one school fails the per-school rule, whatever the CVs', () => {
    const { report } = evaluate(county(goodPrimary('一小', 500), goodPrimary('二小', 500), goodPrimary('弱小', 20, 0.5)), national2017Quality);
    expect(report.stages.primary!.indicators.every((i) => i.cvPass)).toBe(true);
    expect(report.schools.find((s) => s.name === '弱小')!.pass).toBe(false);
    expect(report.stages.primary!.pass).toBe(false);
    expect(report.parts[0].items.some((i) => i.school === '弱小' && i.pass === false)).toBe(true);
  });

  it('judges limits inclusively: a CV of exactly 0.5 passes', () => {
    // Two equal-weight schools at 1 and 3 per pupil: mean 2, sd 1, CV 0.5.
    const a = goodPrimary('一小', 100);
    const b = goodPrimary('二小', 100);
    a.values.equipment_value = 2000 * 100;
    b.values.equipment_value = 6000 * 100;
    const eq = evaluate(county(a, b), national2017Quality).report.stages.primary!.indicators.find((i) => i.id === 'equipment_value_per_student')!;
    expect(eq.cv).toBe(0.5);
    expect(eq.cvPass).toBe(true);
  });

  it('names the schools that drag each CV most', () => {
    const low = goodPrimary('拖后腿小学', 400);
    low.values.sports_ground_area = 2 * 400;
    const ev = evaluate(county(goodPrimary('一小', 300), goodPrimary('二小', 500), low), national2017Quality);
    expect(ev.drivers.primary?.sports_area_per_student?.[0]).toMatchObject({ name: '拖后腿小学', value: 2 });
  });
});

describe('rounding policy', () => {
  const s = () => {
    const x = goodPrimary('甲校', 1000);
    x.values.teaching_area = 4.496 * 1000;
    return county(x);
  };
  it('compares unrounded by default', () => {
    expect(evaluate(s(), national2017Quality).report.schools[0].met?.teaching_area_per_student).toBe(false);
  });
  it('rounds then compares as a setting (4.496 → 4.50 meets 4.5)', () => {
    expect(evaluate(s(), national2017Quality, { roundBeforeCompare: true }).report.schools[0].met?.teaching_area_per_student).toBe(true);
  });
});

describe('2012 basic balance: the composite CV against 0.65 / 0.55', () => {
  it('reports the composite as the average of the eight CVs and judges it', () => {
    const a = goodPrimary('一小', 500);
    const b = goodPrimary('二小', 500);
    b.values.books = 90 * 500; // books 30 vs 90: CV 0.5 on one indicator, 0 on the other seven
    const { report } = evaluate(county(a, b, goodJunior('一中', 600)), national2012Basic);
    const st = report.stages.primary!;
    expect(st.indicators).toHaveLength(8);
    expect(st.composite).toBeCloseTo(0.5 / 8, 12);
    expect(st).toMatchObject({ compositeLimit: 0.65, pass: true });
    expect(st.indicators[0]).toMatchObject({ cvLimit: null, cvPass: null, threshold: null, schoolsBelow: null });
    expect(report.schools[0]).toMatchObject({ met: null, metCount: null, pass: null, shortfall: null });
    expect(report.parts.map((p) => p.id)).toEqual(['basic_standard', 'resources', 'government_work', 'satisfaction']);
  });

  it('fails a stage whose composite exceeds the limit', () => {
    const a = goodJunior('一中', 500);
    const b = goodJunior('二中', 500);
    for (const f of ['teaching_area', 'sports_ground_area', 'equipment_value', 'computers', 'books'] as const) b.values[f] = a.values[f]! * 6;
    for (const f of ['teachers_junior', 'above_degree_teachers_junior', 'senior_title_teachers_junior'] as const) b.values[f] = a.values[f]! * 6;
    const st = evaluate(county(a, b), national2012Basic).report.stages.junior!;
    expect(st.composite).toBeCloseTo(5 / 7, 12); // each CV is (6−1)/(6+1)
    expect(st.pass).toBe(false);
  });
});

describe('errors', () => {
  it('an unknown standard id is a typed error with a Chinese message', () => {
    const r = evaluateWith(county(goodPrimary('一小', 100)), 'no-such-standard');
    expect(r).toMatchObject({ ok: false, code: 'unknown_standard' });
    if (!r.ok) expect(r.message).toContain('未知的评估标准');
  });

  it('a stage where every school has a value of 0 reports the mean-of-0 error instead of a CV', () => {
    const a = goodPrimary('一小', 100);
    const b = goodPrimary('二小', 100);
    a.values.multimedia_rooms = 0;
    b.values.multimedia_rooms = 0;
    const { report } = evaluate(county(a, b), national2017Quality);
    const mm = report.stages.primary!.indicators.find((i) => i.id === 'multimedia_rooms_per_100')!;
    expect(mm).toMatchObject({ cv: null, cvPass: false, mean: 0 });
    expect(report.problems.some((p) => p.message.includes('平均值为 0'))).toBe(true);
  });
});
