// The layouts of rules §5.1 through the CLI, as files: a two-county sheet refused with both names and exit 2,
// evaluated with --county; --merge-campuses; a roll-up of such a sheet gives one row per county.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { SheetValues } from '../../src/ledger/types.ts';
import { juniorStatisticsSheet, statisticsSheet, STATISTICS_EXPECTED } from '../ledger/layouts/statistics.ts';
import { basicInfoTable, declarationTable, statedTableByRows } from '../ledger/layouts/declaration.ts';
import { runCli, tempDir } from './helpers.ts';
import { writeSheets } from '../ledger/layouts/xlsx.ts';

const tmp = tempDir('layouts');
afterAll(() => tmp.remove());

const twoCounties = (): SheetValues => {
  const s = statisticsSheet();
  s.values[8][2] = '甲区';
  s.values[9][2] = '甲区';
  return s;
};

describe('several counties in one sheet', () => {
  it('validate refuses with exit 2 naming both, and evaluates the one named by --county', async () => {
    const file = tmp.path('市.xlsx');
    await writeSheets(file, [twoCounties()]);
    const refused = await runCli(['validate', file]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('“某某县”、“甲区”');
    expect(refused.err).toContain('--county');

    const json = tmp.path('某某县.json');
    const run = await runCli(['validate', file, '--county', '某某县', '--json', json]);
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.county).toBe('某某县');
    expect(report.stages.primary.schoolCount).toBe(3);
  });

  it('rollup evaluates each county of the sheet separately', async () => {
    const file = tmp.path('市2.xlsx');
    await writeSheets(file, [twoCounties()]);
    const json = tmp.path('rollup.json');
    const run = await runCli(['rollup', file, '--out', tmp.path('rollup.xlsx'), '--json', json]);
    expect(run.code).toBe(0);
    const summary = JSON.parse(readFileSync(json, 'utf8'));
    expect(summary.counties.map((c: { county: string }) => c.county)).toEqual(['某某县', '甲区']);
    expect(summary.counties.map((c: { stages: { primary?: { schoolCount: number } } }) => c.stages.primary?.schoolCount ?? 0)).toEqual([3, 1]);
  });
});

describe('--merge-campuses', () => {
  it('merges 不计校数 units into their main school; without it the 2017 teaching-point rule applies', async () => {
    const file = tmp.path('某某县.xlsx');
    await writeSheets(file, [statisticsSheet()]);
    const plain = tmp.path('plain.json');
    const merged = tmp.path('merged.json');
    const r = await runCli(['validate', file, '--json', plain]);
    expect(r.code, r.err).toBe(0);
    expect((await runCli(['validate', file, '--merge-campuses', '--json', merged])).code).toBe(0);
    const cv = (path: string) => JSON.parse(readFileSync(path, 'utf8')).stages.primary.indicators.map((i: { cv: number }) => i.cv);
    const count = (path: string) => JSON.parse(readFileSync(path, 'utf8')).stages.primary.schoolCount;
    expect(count(plain)).toBe(STATISTICS_EXPECTED.default.schools);
    expect(count(merged)).toBe(STATISTICS_EXPECTED.merged.schools);
    cv(plain).forEach((c: number, j: number) => expect(c).toBeCloseTo(STATISTICS_EXPECTED.default.cv[j], 8));
    cv(merged).forEach((c: number, j: number) => expect(c).toBeCloseTo(STATISTICS_EXPECTED.merged.cv[j], 8));
  });
});

describe('复核 of a 申报表', () => {
  it('validate prints each differing 表Ⅲ cell and puts the 复核 in the JSON; rollup has a 复核 column', async () => {
    const file = tmp.path('申报表.xlsx');
    await writeSheets(file, [basicInfoTable(), declarationTable(), statedTableByRows()]);
    const json = tmp.path('申报表.json');
    const run = await runCli(['validate', file, '--json', json]);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('复核（表3）：填报的 28 个县域均值和差异系数中，2 个与按各校数据重新计算的不符');
    expect(run.out).toContain('表3!H4 小学生均教学仪器设备值差异系数填报 0.109');
    expect(run.out).toContain('表3!F5 初中生均教学及辅助用房面积县域均值填报 6.31');
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.review.differences.map((d: { cell: string }) => d.cell)).toEqual(['H4', 'F5']);
    expect(report.stages.primary.schoolCount).toBe(4);

    const summary = tmp.path('汇总.json');
    const xlsx = tmp.path('汇总.xlsx');
    expect((await runCli(['rollup', file, '--out', xlsx, '--json', summary])).code).toBe(0);
    expect(JSON.parse(readFileSync(summary, 'utf8')).counties[0].review).toEqual({ checked: 28, differences: 2 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('汇总')!;
    const headers = (ws.getRow(2).values as unknown[]).map(String);
    const col = headers.indexOf('复核（表Ⅲ）');
    expect(col).toBeGreaterThan(0);
    expect(ws.getRow(3).getCell(col).value).toBe('2 处不符');
  });
});

describe('a 小学 sheet and a 初中 sheet (基础基312, 313)', () => {
  it('validate reads both as one county, names both sheets, and marks the junior cell on its own sheet', async () => {
    const file = tmp.path('分表.xlsx');
    const junior = juniorStatisticsSheet();
    junior.values[5][24] = 1; // 城关中学's 网络多媒体教室 (Y6) far below 2.4 per 100 pupils
    await writeSheets(file, [statisticsSheet(), junior]);
    const json = tmp.path('分表.json');
    const out = tmp.path('分表-标注.xlsx');
    const run = await runCli(['validate', file, '--json', json, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('台账工作表：“基础基312”、“基础基313”');
    expect(run.out).toContain('工作表“基础基313”第 6–8 行');
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.sheets).toEqual(['基础基312', '基础基313']);
    expect([report.stages.primary.schoolCount, report.stages.junior.schoolCount]).toEqual([4, 3]);
    expect(report.schools.find((s: { name: string; stage: string }) => s.name === '城关中学').sheet).toBe('基础基313');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const note = (sheet: string, cell: string) => JSON.stringify(wb.getWorksheet(sheet)!.getCell(cell).note ?? null);
    expect(note('基础基313', 'Y6')).toContain('网络多媒体教室');
    expect(note('基础基312', 'Y6')).toBe('null');

    const rollup = tmp.path('分表-rollup.json');
    expect((await runCli(['rollup', file, '--out', tmp.path('分表-rollup.xlsx'), '--json', rollup])).code).toBe(0);
    expect(JSON.parse(readFileSync(rollup, 'utf8')).counties[0].sheets).toEqual(['基础基312', '基础基313']);
  });
});
