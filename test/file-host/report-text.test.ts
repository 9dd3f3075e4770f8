// The file host's report sheet keeps hostile text as text, and builds its own HYPERLINK formulas with escaped
// names within Excel's limits (8,192 characters a formula, 255 a string literal).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ReportSheetPlan } from '../../src/core/plan.ts';
import { MAX_FORMULA, writeReportSheet } from '../../src/hosts/file/report.ts';
import { cell } from '../../src/plan/grid.ts';
import { sheetRef } from '../../src/plan/format.ts';

async function roundTrip(plan: ReportSheetPlan): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  writeReportSheet(wb, plan);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return back.getWorksheet(plan.name)!;
}

describe('file host report sheet text', () => {
  it('formula-looking names are strings, marked text by the plan; links escape quotes and stay within the limits', async () => {
    const long = '长'.repeat(10_000);
    const quoted = '城关"小学"=1';
    const plan: ReportSheetPlan = {
      name: '均衡校验报告',
      rows: [
        [cell("=cmd|' /C calc'!A0"), cell('+1+1'), cell('@SUM(1)')],
        [cell(quoted, { link: sheetRef("县's 台账", 'A2') })],
        [cell(long, { link: sheetRef('台账', 'A3') })],
      ],
      columnWidths: [20, 20, 20],
    };
    expect(plan.rows[0].map((c) => c?.text)).toEqual([true, true, true]);
    expect(plan.rows[1][0]?.text).toBeUndefined();
    const ws = await roundTrip(plan);
    expect([ws.getCell('A1').value, ws.getCell('B1').value, ws.getCell('C1').value]).toEqual(["=cmd|' /C calc'!A0", '+1+1', '@SUM(1)']);
    const link = ws.getCell('A2').value as ExcelJS.CellFormulaValue;
    expect(link.formula).toBe(`HYPERLINK("#'县''s 台账'!A2","城关""小学""=1")`);
    const cut = ws.getCell('A3').value as ExcelJS.CellFormulaValue;
    expect(cut.formula.length).toBeLessThanOrEqual(MAX_FORMULA);
    expect(cut.formula).toBe(`HYPERLINK("#'台账'!A3","${'长'.repeat(255)}")`);
  });
});
