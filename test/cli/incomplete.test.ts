// No verdict on data that was not read (rules §5.2), through the CLI as a clerk runs it: ledgers whose resources
// would pass on the rows that were read are 未评估 — in the printed verdict, the JSON (pass: null with a reason
// naming sheet and cells), the report sheet — and the exit code stays 0 because the evaluation ran.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.ts';
import { REPORT_SHEET } from '../../src/core/plan.ts';
import { FAILING, PASSING, writeLedger } from './fixtures.ts';
import { runCli, tempDir } from './helpers.ts';

const tmp = tempDir('incomplete');
afterAll(() => tmp.remove());

const readJson = (path: string): Report => JSON.parse(readFileSync(path, 'utf8')) as Report;

/** Rewrites cells of a written ledger (sheet 台账, header on row 1): cell address → value. */
async function patch(path: string, cells: Record<string, ExcelJS.CellValue>, insertRows: { at: number; values: unknown[] }[] = []): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('台账')!;
  for (const r of insertRows) ws.insertRow(r.at, r.values);
  for (const [a, v] of Object.entries(cells)) ws.getCell(a).value = v;
  await wb.xlsx.writeFile(path);
}

/** Column letter of a header in the file writeLedger wrote. */
async function letterOf(path: string, header: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  let letter = '';
  wb.getWorksheet('台账')!.getRow(1).eachCell((c) => {
    if (c.value === header) letter = c.address.replace(/\d+/g, '');
  });
  if (!letter) throw new Error(`no header ${header}`);
  return letter;
}

async function validate(name: string): Promise<{ code: number; out: string; report: Report }> {
  const file = tmp.path(`${name}.xlsx`);
  const json = tmp.path(`${name}.json`);
  const run = await runCli(['validate', file, '--json', json]);
  return { code: run.code, out: run.out, report: readJson(json) };
}

describe('validate on data that was not read', () => {
  it('the complete ledger is the control: its resources pass', async () => {
    await writeLedger(tmp.path('control.xlsx'), PASSING);
    const { code, report } = await validate('control');
    expect(code).toBe(0);
    expect(report.parts.find((p) => p.id === 'resources')!.pass).toBe(true);
    expect(report.gaps).toEqual([]);
    expect(report.rows).toEqual({ sheet: '台账', first: 2, last: 7, total: 6, schools: 6, skipped: {}, errors: 0 });
  });

  it('an enrolment formula with no calculated value: the primary stage and the resources are 未评估, naming the cell', async () => {
    const file = tmp.path('formula.xlsx');
    await writeLedger(file, PASSING);
    const c = await letterOf(file, '小学在校生数');
    await patch(file, { [`${c}3`]: { formula: `SUM(${c}2:${c}2)` } as ExcelJS.CellFormulaValue });
    const { code, out, report } = await validate('formula');
    expect(code).toBe(0);
    expect(report.pass).toBeNull();
    expect(report.stages.primary!.pass).toBeNull();
    expect(report.stages.primary!.reason).toBe(`小学数据不全，未评估：工作表“台账” ${c}3 在校生数为空或无法读取`);
    expect(report.stages.junior!.pass).toBe(true);
    const resources = report.parts.find((p) => p.id === 'resources')!;
    expect(resources).toMatchObject({ pass: null, reason: `数据不全，未评估：工作表“台账” ${c}3 在校生数为空或无法读取` });
    expect(report.gaps).toEqual([{ stage: 'primary', sheet: '台账', cells: [`${c}3`], reason: '在校生数为空或无法读取' }]);
    expect(report.problems).toContainEqual({ severity: 'error', sheet: '台账', cell: `${c}3`,
      message: '“城关第二小学”的小学在校生数：公式没有计算结果，请在 Excel/WPS 中重新计算并保存，按缺失处理' });
    expect(report.problems.some((p) => p.cell === `${c}3` && p.message.includes('为空'))).toBe(false);
    expect(out).toContain('资源配置未评估');
    expect(out).toContain(`小学数据不全，未评估：工作表“台账” ${c}3 在校生数为空或无法读取`);
    expect(out).toContain('全县结论：未评估');
    expect(out).not.toContain('全县结论：通过');
  });

  it('a failing county with an unread enrolment: the plan covers the schools read and never promises 达标', async () => {
    const file = tmp.path('plan-gap.xlsx');
    await writeLedger(file, FAILING);
    const c = await letterOf(file, '小学在校生数');
    await patch(file, { [`${c}3`]: null });
    const { out, report } = await validate('plan-gap');
    const plan = report.rectification!;
    expect(plan.byIndicator.length).toBeGreaterThan(0);
    expect(plan.passAfter).toBeNull();
    expect(plan.stagesAfter.primary).toBeNull();
    expect(plan.notes).toContain('小学数据不全：测算只涵盖已读取的学校，补齐数据后重新校验才能确定能否达标');
    expect(out).toContain('按方案增加后复核：数据不全，仍未评估');
    expect(out).not.toContain('按方案增加后复核：资源配置达标');
  });

  it('a note row in mid-table is skipped and the schools below it are read; the accounting says so', async () => {
    const file = tmp.path('note.xlsx');
    await writeLedger(file, PASSING);
    await patch(file, {}, [{ at: 4, values: ['注：以下为乡镇学校'] }]);
    const { code, out, report } = await validate('note');
    expect(code).toBe(0);
    expect(report.schools.map((s) => s.name)).toEqual(PASSING.map((s) => s.name));
    expect(report.rows).toEqual({ sheet: '台账', first: 2, last: 8, total: 7, schools: 6, skipped: { note: 1 }, errors: 0 });
    expect(report.parts.find((p) => p.id === 'resources')!.pass).toBe(true);
    expect(out).toContain('读取情况：工作表“台账”第 2–8 行共 7 行：学校 6 所；跳过 1 行（说明/备注行 1）');
  });

  it('a failing stage stays 未通过 beside a stage that cannot be judged: the two verdicts are kept apart', async () => {
    const file = tmp.path('mixed.xlsx');
    await writeLedger(file, FAILING);
    const c = await letterOf(file, '初中在校生数');
    const juniorRow = 2 + FAILING.findIndex((s) => s.type === '初中');
    await patch(file, { [`${c}${juniorRow}`]: '八百' });
    const { code, out, report } = await validate('mixed');
    expect(code).toBe(0);
    expect(report.stages.primary!.pass).toBe(false);
    expect(report.stages.junior!.pass).toBeNull();
    expect(report.stages.junior!.reason).toContain(`${c}${juniorRow}`);
    expect(report.parts.find((p) => p.id === 'resources')!.pass).toBe(false);
    expect(report.pass).toBe(false);
    expect(out).toContain('全县结论：未通过');
  });

  it('the annotated copy’s report sheet carries the 未评估 reason and the row accounting', async () => {
    const file = tmp.path('formula.xlsx');
    const annotated = tmp.path('formula-annotated.xlsx');
    const run = await runCli(['validate', file, '--out', annotated]);
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(annotated);
    const texts: string[] = [];
    wb.getWorksheet(REPORT_SHEET)!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    const c = await letterOf(file, '小学在校生数');
    expect(texts).toContain(`小学数据不全，未评估：工作表“台账” ${c}3 在校生数为空或无法读取`);
    expect(texts).toContain('未认定');
    expect(texts).toContain('工作表“台账”第 2–7 行共 6 行：学校 6 所');
  });
});
