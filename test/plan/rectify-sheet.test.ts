// The report sheet's 整改测算 section: per indicator before → after, total, unit, cost; then per school.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import type { ReportSheetPlan } from '../../src/core/plan.ts';
import { buildPlan } from '../../src/plan/index.ts';
import { county, evaluation, ledger, pack } from './fixture.ts';

const section = (sheet: ReportSheetPlan) => {
  const start = sheet.rows.findIndex((r) => typeof r[0]?.v === 'string' && (r[0].v as string).endsWith('、整改测算'));
  const end = sheet.rows.findIndex((r, i) => i > start && r.length === 0);
  return sheet.rows.slice(start, end).map((r) => r.map((c) => c?.v ?? null));
};

describe('report sheet: 整改测算', () => {
  const rows = section(buildPlan(evaluation, ledger, pack).reportSheet);

  it('lists per indicator the CV before → after, the total, unit and schools', () => {
    const header = rows.findIndex((r) => r[0] === '学段');
    expect(rows[header]).toEqual(['学段', '指标', '差异系数（整改前）', '差异系数（整改后）', '限值', '需增加', '单位', '学校数', '费用（万元）']);
    const table = rows.slice(header + 1, header + 5).map((r) => [r[0], r[1], r[5], r[6], r[7], r[8]]);
    expect(table).toEqual([
      ['小学', '高学历教师', 1, '人', 1, '—'],
      ['小学', '体育场馆', 150, '㎡', 1, '—'],
      ['小学', '多媒体教室', 4, '间', 1, '—'],
      ['初中', '多媒体教室', 3, '间', 1, '—'],
    ]);
    const before = evaluation.report.stages.primary!.indicators.find((r) => r.id === 'above_degree_teachers_per_100')!.cv;
    expect(rows[header + 1][2]).toBe(before);
  });

  it('then per school: the least raises that make each school pass (hand-computed)', () => {
    // 石岭村小学 (100 pupils): higher-degree teachers 3 → full 4.2 needs 2, 85% (3.57) needs 1; sports 600 ㎡ → full
    // 750 needs 150, 85% needs 37.5. Staying at 85% saves 1/4.2 = 24% of the teacher threshold, 112.5/750 = 15% of
    // the sports one: teachers stay at 85% (1 人), sports to its threshold (150 ㎡).
    // 新城九年一贯制学校: 6 rooms split 300 : 330 → primary 2.857 (85% of 2.3 × 3 = 5.865: 3.008 → 4 间),
    // junior 3.143 (85% of 2.4 × 3 = 6.12: 2.977 → 3 间); rooms are its only unmet indicator.
    const header = rows.findIndex((r) => r[0] === '学校');
    expect(rows[header]).toEqual(['学校', '学段', '高学历教师（人）', '体育场馆（㎡）', '多媒体教室（间）']);
    expect(rows.slice(header + 1)).toEqual([
      ['石岭村小学', '小学', 1, 150, null],
      ['新城九年一贯制学校', '小学', null, null, 4],
      ['新城九年一贯制学校', '初中', null, null, 3],
    ]);
    expect(rows.some((r) => r[0] === '未设单价，仅列数量。按方案增加后复核：资源配置达标')).toBe(true);
  });

  it('costs each indicator in 万元 when the county set unit costs', () => {
    const priced = evaluate(county, pack, { unitCosts: { teacher: 100000, sports_area: 800, multimedia_room: 50000 } });
    const r = section(buildPlan(priced, ledger, pack).reportSheet);
    const header = r.findIndex((x) => x[0] === '学段');
    // 1 × 100,000 = 10 万元; 150 × 800 = 12 万元; 4 × 50,000 = 20 万元; 3 × 50,000 = 15 万元: 57 万元.
    expect(r.slice(header + 1, header + 5).map((x) => x[8])).toEqual([10, 12, 20, 15]);
    expect(r.some((x) => x[0] === '合计约 57.00 万元。按方案增加后复核：资源配置达标')).toBe(true);
  });
});
