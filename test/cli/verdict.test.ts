import { describe, expect, it } from 'vitest';
import { evaluateWith } from '../../src/core/index.ts';
import type { Report } from '../../src/core/report.ts';
import { buildRollup, rollupCounty } from '../../src/cli/rollup-model.ts';
import { buildRollupWorkbook } from '../../src/cli/rollup-workbook.ts';
import { displayWidth } from '../../src/cli/table.ts';
import { formatVerdict } from '../../src/cli/verdict.ts';
import { getStandard } from '../../src/standards/index.ts';
import { FAILING, PASSING, countyOf } from './fixtures.ts';

function reportOf(name: string, schools = FAILING, standard = 'national-2017-quality'): Report {
  const r = evaluateWith(countyOf(name, schools), standard);
  if (!r.ok) throw new Error(r.message);
  return r.value.report;
}

describe('verdict table', () => {
  const report = reportOf('河口县');
  const pack = getStandard('national-2017-quality');
  if (!pack.ok) throw new Error(pack.message);
  const text = formatVerdict(report, pack.value);

  it('prints each indicator with the mean to 2 decimals and the CV to 3, aligned in display columns', () => {
    const primary = report.stages.primary!;
    const lines = text.split('\n');
    const tableStart = lines.findIndex((l) => l.startsWith('小学：'));
    expect(lines[tableStart]).toBe(`小学：5 所学校，在校生 ${primary.students} 人 —— 资源配置未达标`);
    for (const ind of primary.indicators) {
      const line = lines.slice(tableStart).find((l) => l.startsWith(ind.name));
      expect(line, ind.name).toBeDefined();
      const cells = line!.split(/\s{2,}/);
      expect(cells[1]).toBe((ind.mean as number).toFixed(2));
      expect(cells[2]).toBe((ind.cv as number).toFixed(3));
      expect(cells[3]).toBe('0.50');
      expect(cells[4]).toBe(ind.cvPass ? '达标' : '未达标');
      expect(cells[5]).toBe(String(ind.threshold));
      expect(cells[6]).toBe(String(ind.schoolsBelow));
    }
    // Right-aligned: the CV ends at the same display column on every row, header included.
    const endOf = (line: string, text: string, after: string) => {
      const from = line.indexOf(after) + after.length;
      return displayWidth(line.slice(0, line.indexOf(text, from) + text.length));
    };
    const header = lines[tableStart + 1];
    const ends = primary.indicators.map((ind) => {
      const line = lines.slice(tableStart).find((l) => l.startsWith(ind.name))!;
      return endOf(line, (ind.cv as number).toFixed(3), (ind.mean as number).toFixed(2));
    });
    expect(new Set([...ends, endOf(header, '差异系数', '县均值')])).toEqual(new Set([ends[0]]));
  });

  it('names the failing school, every part and the county verdict', () => {
    expect(text).toContain('未达到校际标准的学校（1 所）：山背村小学');
    for (const p of report.parts) expect(text).toContain(p.name);
    expect(text).toContain('未评估');
    expect(text).toContain('全县结论：未通过（资源配置未达标；政府保障程度、教育质量、社会认可度未评估）');
    expect(text).toContain('数据问题：无');
  });

  it('prints the composite and its limit for the 2012 method', () => {
    const pack2012 = getStandard('national-2012-basic');
    if (!pack2012.ok) throw new Error(pack2012.message);
    const r = reportOf('河口县', FAILING, 'national-2012-basic');
    const text2012 = formatVerdict(r, pack2012.value);
    expect(text2012).toMatch(/综合差异系数 \d\.\d{3}（限值 0\.65）(达标|未达标)/);
    // 2012 sets no per-indicator limit or threshold: those columns are left out rather than printed empty.
    const header = text2012.split('\n').find((l) => l.startsWith('指标'))!;
    expect(header.split(/\s+/)).toEqual(['指标', '县均值', '差异系数']);
  });
});

describe('roll-up model and workbook', () => {
  const reports = [reportOf('甲县', PASSING), reportOf('乙县', FAILING)];
  const summary = buildRollup(
    'national-2017-quality',
    reports.map((r, i) => rollupCounty(`${i}.xlsx`, r)),
    [{ file: 'bad.xlsx', message: '不是 .xlsx 文件' }],
  );

  it('carries every indicator CV and verdict per stage, and the county verdict, from the reports', () => {
    expect(summary.counties.map((c) => c.county)).toEqual(['甲县', '乙县']);
    reports.forEach((r, i) => {
      const c = summary.counties[i];
      expect(c.pass).toBe(r.pass);
      expect(c.stages.primary!.indicators.map((x) => [x.id, x.cv, x.cvPass])).toEqual(
        r.stages.primary!.indicators.map((x) => [x.id, x.cv, x.cvPass]),
      );
      expect(c.stages.primary!.pass).toBe(r.stages.primary!.pass);
    });
    expect(summary.counties[0].stages.primary!.schoolsFailing).toBe(0);
    expect(summary.counties[1].stages.primary!.schoolsFailing).toBe(1);
    expect(summary.counties[1].parts.find((p) => p.id === 'resources')!.pass).toBe(false);
  });

  it('lays the CVs side by side per stage and lists the unreadable files', () => {
    const wb = buildRollupWorkbook(summary);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '小学差异系数', '初中差异系数', '明细', '未读取的文件']);
    const sheet = wb.getWorksheet('小学差异系数')!;
    const ids = reports[1].stages.primary!.indicators;
    expect(sheet.getRow(2).getCell(3).value).toBe(ids[0].name);
    expect(sheet.getRow(3).getCell(1).value).toBe('差异系数限值');
    expect(sheet.getRow(5).getCell(1).value).toBe('乙县');
    ids.forEach((ind, k) => expect(sheet.getRow(5).getCell(3 + k).value).toBe(ind.cv));
    expect(sheet.getRow(5).getCell(3).numFmt).toBe('0.000');
    const summarySheet = wb.getWorksheet('汇总')!;
    expect([2, 3, 4, 5, 6].map((c) => summarySheet.getRow(2).getCell(c).value)).toEqual(['全县结论', ...reports[0].parts.map((p) => p.name)]);
    expect(summarySheet.getRow(4).getCell(3).value).toBe('未达标');
    expect((summarySheet.getRow(4).getCell(3).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFF8CBAD');
    expect(wb.getWorksheet('未读取的文件')!.getRow(3).getCell(2).value).toBe('不是 .xlsx 文件');
  });
});
