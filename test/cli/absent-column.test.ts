// A required column no header maps to is one problem naming the column, and its stage is 未评估 for that
// reason — not one "为空" line per school (rules §5.2). Through the CLI, on a 60-school county: printed text,
// JSON and the annotated copy's report sheet.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { REPORT_SHEET } from '../../src/core/plan.ts';
import type { Report } from '../../src/core/report.ts';
import { ledgerGrid, PASSING, writeLedger, type FixtureSchool, type LedgerFileOptions } from './fixtures.ts';
import { runCli, tempDir } from './helpers.ts';

const tmp = tempDir('absent-column');
afterAll(() => tmp.remove());

/** 60 schools: PASSING ten times over (40 primary, 20 junior), each under its own name. */
const COUNTY: FixtureSchool[] = Array.from({ length: 60 }, (_, i) => ({ ...PASSING[i % PASSING.length], name: `${PASSING[i % PASSING.length].name}${Math.floor(i / PASSING.length) + 1}` }));
const PRIMARY = COUNTY.filter((s) => s.type === '小学').length;

async function run(name: string, write: (file: string) => Promise<void>, extra: string[] = []) {
  const file = tmp.path(`${name}.xlsx`);
  await write(file);
  const json = tmp.path(`${name}.json`);
  const out = tmp.path(`${name}-annotated.xlsx`);
  const cli = await runCli(['validate', file, '--json', json, '--out', out, ...extra]);
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const sheetTexts: string[] = [];
  wb.getWorksheet(REPORT_SHEET)!.eachRow((row) => row.eachCell((c) => sheetTexts.push(String(c.value))));
  return { ...cli, report, sheetTexts };
}

const headed = (headers: LedgerFileOptions['headers']) => (file: string) => writeLedger(file, COUNTY, { headers });

describe('an unmapped required column', () => {
  it('enrolment (小学部学生 instead of 小学在校生数): one problem, the primary stage 未评估 naming the column, no school "为空"', async () => {
    const { code, out, report, sheetTexts } = await run('enrolment', headed({ students_primary: '小学部学生' }));
    expect(code).toBe(0);
    const reason = '小学数据不全，未评估：工作表“台账”没有“小学在校生数”列（表头未对应）';
    expect(report.stages.primary).toMatchObject({ schoolCount: 0, pass: null, reason });
    expect(report.stages.junior!.pass).toBe(true);
    expect(report.pass).toBeNull();
    expect(report.gaps).toEqual([{ stage: 'primary', sheet: '台账', cells: [], reason: '没有“小学在校生数”列（表头未对应）' }]);
    const message = `没有“小学在校生数”列（表头未对应）：${PRIMARY} 所学校没有可用的在校生数，未计入`;
    expect(report.problems).toEqual([{ severity: 'error', sheet: '台账', message }]);

    expect(out).toContain(`小学：没有可计入的学校 —— 资源配置未评估\n${reason}`);
    expect(out).toContain('全县结论：未评估');
    expect(out).toContain('数据问题：共 1 条（错误 1，警告 0，提示 0）');
    expect(out.split('\n').filter((l) => l.includes('[错误]'))).toEqual([`  [错误] 工作表 台账：${message}`]);
    expect(out).not.toMatch(/为空|全县结论：通过/);

    expect(sheetTexts).toContain(reason);
    expect(sheetTexts).toContain(message);
    expect(sheetTexts.some((t) => t.includes('为空'))).toBe(false);
  });

  it('an input column (县级及以上骨干教师数（小学）): one problem, the indicator and stage 未评估 (not 未达标)', async () => {
    const { code, out, report, sheetTexts } = await run('backbone', headed({ backbone_teachers_primary: '小学骨干' }));
    expect(code).toBe(0);
    const gap = '没有“县级及以上骨干教师数（小学）”列（表头未对应），无法计算每百名学生拥有县级以上骨干教师数';
    expect(report.stages.primary).toMatchObject({ schoolCount: PRIMARY, pass: null, reason: `小学数据不全，未评估：工作表“台账”${gap}` });
    expect(report.stages.primary!.indicators.find((r) => r.id === 'backbone_teachers_per_100')).toMatchObject({ cv: null, cvPass: null });
    expect(report.stages.junior!.pass).toBe(true);
    expect(report.gaps).toEqual([{ stage: 'primary', sheet: '台账', cells: [], reason: gap }]);
    const message = `没有“县级及以上骨干教师数（小学）”列（表头未对应）：小学 ${PRIMARY} 所学校无法计算每百名学生拥有县级以上骨干教师数`;
    expect(report.problems).toEqual([{ severity: 'error', sheet: '台账', message }]);
    // The table's verdict column says 未评估 for the CV nobody could compute.
    expect(out.split('\n').find((l) => l.startsWith('每百名学生拥有县级以上骨干教师数'))).toMatch(/-\s+-\s+0\.50\s+未评估/);
    expect(out.split('\n').filter((l) => l.includes('[错误]'))).toHaveLength(1);
    expect(sheetTexts).toContain(message);
  });

  it('a column the standard does not use (2012 needs no 骨干教师) costs nothing: no problem, the stage judged', async () => {
    const { report } = await run('backbone-2012', headed({ backbone_teachers_primary: '小学骨干' }), ['--standard', 'national-2012-basic']);
    expect(report.problems.filter((p) => p.message.includes('骨干'))).toEqual([]);
    expect(report.gaps).toEqual([]);
    expect(report.stages.primary!.pass).not.toBeNull();
  });

  it('no type column and no primary enrolment column: the schools that cannot be typed are told once, both stages 未评估', async () => {
    const { report, out } = await run('untyped', async (file) => {
      const grid = ledgerGrid(COUNTY, { headers: { students_primary: '小学部学生' } });
      const typeCol = grid[0].indexOf('学校类型');
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('台账').addRows(grid.map((r) => r.filter((_, c) => c !== typeCol)));
      await wb.xlsx.writeFile(file);
    });
    const message = `没有“小学在校生数”列（表头未对应）：${PRIMARY} 所学校没有可读的在校生数，无法判断学校类型，未计入`;
    expect(report.problems).toEqual([{ severity: 'error', sheet: '台账', message }]);
    // Such a school may be a junior school with its count blank: neither stage can be judged without it.
    expect(report.stages.primary!.pass).toBeNull();
    expect(report.stages.junior!.pass).toBeNull();
    expect(report.pass).toBeNull();
    expect(out).not.toContain('全县结论：通过');
  });
});
