// A county whose 小学 and 初中 are on separate sheets (基础基312 and 313 exports, rules §5.1 item 3): read as one
// county with no --map, each stage from its own sheet, every cell naming its own sheet. Expected figures are worked
// out here by hand from the fixture rows (rules §1 weighted CV), not by the engine.
import { describe, expect, it } from 'vitest';
import { validateSheets } from '../../src/app/validate.ts';
import { readLedger } from '../../src/ledger/index.ts';
import { juniorStatisticsSheet, STATISTICS_EXPECTED, statisticsSheet } from './layouts/statistics.ts';

const INDICATORS = ['above_degree_teachers_per_100', 'backbone_teachers_per_100', 'pe_art_teachers_per_100', 'teaching_area_per_student',
  'sports_area_per_student', 'equipment_value_per_student', 'multimedia_rooms_per_100'];

/** Rules §1: X̄ = ΣPX/ΣP, S = √(Σ(P/ΣP)(X − X̄)²), CV = S/X̄. */
function weighted(p: number[], x: number[]): { mean: number; cv: number } {
  const total = p[0] + p[1] + p[2];
  const mean = (p[0] * x[0] + p[1] * x[1] + p[2] * x[2]) / total;
  const v = (p[0] * (x[0] - mean) ** 2 + p[1] * (x[1] - mean) ** 2 + p[2] * (x[2] - mean) ** 2) / total;
  return { mean, cv: Math.sqrt(v) / mean };
}

// 初中 (313) rows: 城关中学 900 pupils, 河西九年一贯制学校 300 (its junior part), 城西中学 500.
const P = [900, 300, 500];
const JUNIOR = [
  weighted(P, [(0 + 5 + 55) / 900 * 100, (0 + 1 + 20) / 300 * 100, (0 + 2 + 30) / 500 * 100]), // 本科 and above (博 + 硕 + 本)
  weighted(P, [15 / 900 * 100, 4 / 300 * 100, 6 / 500 * 100]),
  weighted(P, [(5 + 4) / 900 * 100, (2 + 2) / 300 * 100, (3 + 2) / 500 * 100]), // 体育与健康 + 艺术计
  weighted(P, [(6000 - 800) / 900, (2400 - 300) / 300, (3200 - 0) / 500]), // 教辅计 − 室内体育用房
  weighted(P, [(12000 + 800) / 900, (3500 + 300) / 300, (6000 + 0) / 500]), // 运动场地 + 室内体育用房
  weighted(P, [300 * 10000 / 900, 90 * 10000 / 300, 140 * 10000 / 500]), // 万元 → 元
  weighted(P, [22 / 900 * 100, 8 / 300 * 100, 12 / 500 * 100]),
];

describe('a 小学 sheet and a 初中 sheet of one county', () => {
  it('reads both sheets with no mapping, each stage from its own sheet, and names them', () => {
    const read = readLedger([statisticsSheet(), juniorStatisticsSheet()]);
    if (!read.ok) throw new Error(read.message);
    expect(read.county.sheets).toEqual(['基础基312', '基础基313']);
    expect(read.sheetParts?.map((p) => [p.sheet, p.stage, p.headerRows])).toEqual([['基础基312', 'primary', [2, 3, 4, 5]], ['基础基313', 'junior', [2, 3, 4, 5]]]);
    expect(read.missingRequired).toEqual([]);
    expect(read.county.name).toBe('某某县');
    const hexi = read.county.schools.filter((s) => s.name === '河西九年一贯制学校');
    expect(hexi.map((s) => [s.sheet, s.type, s.values.students_primary ?? null, s.values.students_junior ?? null]))
      .toEqual([['基础基312', 'primary_part', 400, null], ['基础基313', 'junior_part', null, 300]]);
    expect(read.county.schools.find((s) => s.name === '城关中学')?.values.above_degree_teachers_junior).toBe(60);
  });

  it('evaluates both stages to the hand-computed CVs; the nine-year school is two parts, not a duplicate', () => {
    const out = validateSheets([statisticsSheet(), juniorStatisticsSheet()]);
    expect(out.error).toBeUndefined();
    const report = out.evaluation!.report;
    const primary = report.stages.primary!;
    expect(primary.schoolCount).toBe(STATISTICS_EXPECTED.default.schools);
    expect(primary.students).toBe(STATISTICS_EXPECTED.default.students);
    INDICATORS.forEach((id, j) => expect(primary.indicators.find((i) => i.id === id)!.cv, id).toBeCloseTo(STATISTICS_EXPECTED.default.cv[j], 8));
    const junior = report.stages.junior!;
    expect(junior.schoolCount).toBe(3);
    expect(junior.students).toBe(1700);
    expect(junior.pass).not.toBeNull();
    INDICATORS.forEach((id, j) => {
      const r = junior.indicators.find((i) => i.id === id)!;
      expect(Math.abs(r.mean! - JUNIOR[j].mean), `${id} mean`).toBeLessThan(1e-9);
      expect(Math.abs(r.cv! - JUNIOR[j].cv), `${id} cv`).toBeLessThan(1e-9);
    });
    expect(report.sheets).toEqual(['基础基312', '基础基313']);
    expect(report.moreRows?.map((r) => [r.sheet, r.schools])).toEqual([['基础基313', 3]]);
    expect(report.schools.filter((s) => s.name === '河西九年一贯制学校').map((s) => [s.stage, s.sheet])).toEqual([['primary', '基础基312'], ['junior', '基础基313']]);
    expect(out.problems.filter((p) => p.message.includes('重复填报'))).toEqual([]);
    expect(out.problems.some((p) => p.message.includes('缺') && p.message.includes('初中'))).toBe(false);
  });

  it('problems, marks and report links name the sheet of their own cell', () => {
    const junior = juniorStatisticsSheet();
    junior.values[7][5] = '三百'; // 城西中学's 在校生数 (F8) unreadable
    const small = juniorStatisticsSheet();
    small.values[5][24] = 1; // 城关中学's 网络多媒体教室 (Y6) far below 2.4 per 100 pupils
    const bad = validateSheets([statisticsSheet(), junior]);
    expect(bad.problems.find((p) => p.cell === 'F8')?.sheet).toBe('基础基313');
    expect(bad.evaluation!.report.stages.junior!.pass).toBeNull();
    expect(bad.evaluation!.report.gaps.some((g) => g.sheet === '基础基313' && g.cells.includes('F8'))).toBe(true);

    const out = validateSheets([statisticsSheet(), small]);
    const fail = out.plan!.marks.filter((m) => m.kind === 'fail' && m.cell === 'Y6');
    expect(fail.map((m) => m.sheet)).toEqual(['基础基313']);
    expect(fail[0].note).toContain('网络多媒体教室');
    expect(out.plan!.moreLedgerSheets).toEqual([{ sheet: '基础基313', anchor: { headerRows: [2, 3, 4, 5], nameColumn: 2 } }]);
    const links = out.plan!.reportSheet.rows.flat().flatMap((c) => (c?.link ? [c.link] : []));
    expect(links).toContain("'基础基313'!Y6");
    expect(links).toContain("'基础基313'!B6");
    expect(out.plan!.reportSheet.rows[1]?.[0]?.v).toContain('基础基312、基础基313');
  });

  it('a sheet named by the user is read alone', () => {
    const read = readLedger([statisticsSheet(), juniorStatisticsSheet()], { sheet: '基础基313' });
    if (!read.ok) throw new Error(read.message);
    expect(read.sheetParts).toBeUndefined();
    expect(read.county.schools.map((s) => s.name)).toEqual(['城关中学', '河西九年一贯制学校', '城西中学']);
  });

  it('template-style sheets 小学 and 初中 with the same header are one county', () => {
    const header = ['学校名称', '学校类型', '在校生数', '专任教师数', '教学及辅助用房面积（㎡）', '运动场地面积（㎡）', '教学仪器设备值（万元）'];
    const primary = { name: '小学', values: [['某某县小学情况'], header, ['一小', '小学', 600, 30, 3000, 5000, 150], ['九年制学校', '九年一贯制', 200, 12, 1000, 2000, 50]] };
    const junior = { name: '初中', values: [['某某县初中情况'], header, ['一中', '初中', 800, 60, 5000, 9000, 250], ['九年制学校', '九年一贯制', 100, 9, 600, 1500, 30]] };
    const read = readLedger([primary, junior]);
    if (!read.ok) throw new Error(read.message);
    expect(read.county.sheets).toEqual(['小学', '初中']);
    const out = validateSheets([primary, junior]);
    const report = out.evaluation!.report;
    expect([report.stages.primary!.schoolCount, report.stages.junior!.schoolCount]).toEqual([2, 2]);
    expect([report.stages.primary!.students, report.stages.junior!.students]).toEqual([800, 900]);
    // 生均教学及辅助用房面积, 初中: (5000 + 600) / 900 pupils; each part unsplit.
    expect(report.stages.junior!.indicators.find((i) => i.id === 'teaching_area_per_student')!.mean).toBeCloseTo(5600 / 900, 10);
  });
});
