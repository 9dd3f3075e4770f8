// `validate --costs`: the plan of rules §7 in the JSON, costed with the county's unit costs, and its totals
// printed under the verdict table.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.ts';
import { FAILING, writeLedger } from './fixtures.ts';
import { runCli, tempDir } from './helpers.ts';

const tmp = tempDir('rectification');
beforeAll(async () => {
  await writeLedger(tmp.path('山背县.xlsx'), FAILING);
});
afterAll(() => tmp.remove());

const SAMPLE_COSTS = new URL('../../docs/unit-costs.sample.json', import.meta.url);

describe('balance validate: 整改测算', () => {
  it('writes report.rectification with the §7 fields and costs it in 万元 from --costs', async () => {
    const json = tmp.path('plan.json');
    const run = await runCli(['validate', tmp.path('山背县.xlsx'), '--json', json, '--costs', SAMPLE_COSTS.pathname]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    const plan = report.rectification!;
    expect(Object.keys(plan).slice(0, 3)).toEqual(['additions', 'byIndicator', 'cost']);
    expect(plan.additions.length).toBeGreaterThan(0);
    expect(Object.keys(plan.byIndicator[0]).slice(0, 8)).toEqual(['stage', 'indicator', 'cvBefore', 'cvAfter', 'limit', 'total', 'unit', 'schools']);
    const costs = JSON.parse(readFileSync(SAMPLE_COSTS, 'utf8')) as Record<string, number>;
    const perUnit: Record<string, number> = {
      above_degree_teachers_per_100: costs.teacher,
      backbone_teachers_per_100: costs.teacher,
      pe_art_teachers_per_100: costs.teacher,
      teaching_area_per_student: costs.teaching_area,
      sports_area_per_student: costs.sports_area,
      equipment_value_per_student: costs.equipment,
      multimedia_rooms_per_100: costs.multimedia_room,
    };
    const expected = plan.additions.reduce((sum, a) => sum + (a.amount * perUnit[a.indicator]) / 10000, 0);
    expect(plan.cost.total).toBeCloseTo(expected, 4);
    expect(plan.cost.total).toBeGreaterThan(0);
    expect(plan.passAfter).toBe(true);
    expect(run.out).toContain('整改测算（达标至少需增加）');
    expect(run.out).toContain(`整改合计约 ${plan.cost.total.toFixed(2)} 万元`);
  });

  it('a unit-cost file with an unknown key is an input error naming the key', async () => {
    const bad = tmp.path('bad-costs.json');
    writeFileSync(bad, JSON.stringify({ teachers: 100000 }));
    const run = await runCli(['validate', tmp.path('山背县.xlsx'), '--costs', bad]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('“teachers”不是可用的项目');
  });
});

describe('balance validate: 整改测算 for 2012', () => {
  it('names the indicators it levels for the composite', async () => {
    // Twelve primary schools, one in four well off and the rest with a twentieth of its area, sports ground,
    // equipment, computers and books: five CVs near 1.5, the composite near 0.95.
    const rows = Array.from({ length: 12 }, (_, i) => {
      const k = i % 4 === 0 ? 1 : 0.05;
      const n = 200 + 30 * i;
      return { name: `小学${i + 1}`, n, k };
    });
    const path = tmp.path('2012.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['学校名称', '学校类型', '小学在校生数', '教学及辅助用房面积', '运动场地面积', '教学仪器设备值（万元）', '计算机台数', '图书册数', '专任教师数（小学）', '高于规定学历教师数（小学）', '中级及以上职称教师数（小学）']);
    for (const r of rows) ws.addRow([r.name, '小学', r.n, 5 * r.n * r.k, 9 * r.n * r.k, 0.24 * r.n * r.k, 0.12 * r.n * r.k, 30 * r.n * r.k, 0.06 * r.n, 0.05 * r.n, 0.03 * r.n]);
    await wb.xlsx.writeFile(path);
    const json = tmp.path('2012.json');
    const run = await runCli(['validate', path, '--standard', 'national-2012-basic', '--json', json]);
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    expect(report.stages.primary!.composite!).toBeGreaterThan(0.65);
    const [composite] = report.rectification!.composite;
    expect(composite.basis).toBe('fewest');
    expect(run.out).toMatch(/小学综合差异系数 \d\.\d{3} → 0\.6\d{2}（限值 0\.65），选取最少的指标：/);
    const names = composite.indicators.map((id) => report.rectification!.byIndicator.find((b) => b.indicator === id)!.name);
    expect(run.out).toContain(`选取最少的指标：${names.join('、')}`);
    expect(report.rectification!.passAfter).toBe(true);
  });
});
