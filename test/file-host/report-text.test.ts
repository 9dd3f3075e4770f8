// The file host's report sheet keeps hostile text as text, and builds its own HYPERLINK formulas with escaped
// names within Excel's limits (8,192 characters a formula, 255 a string literal): a ledger with such school
// names through the whole pipeline, the annotated copy read back.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { validateWorkbook } from '../../src/app/validate.ts';
import { REPORT_SHEET } from '../../src/core/plan.ts';
import { FileHost } from '../../src/hosts/file/index.ts';
import { MAX_FORMULA, MAX_LITERAL, hyperlinkFormula } from '../../src/plan/format.ts';

const LONG = `城关${'长'.repeat(400)}小学`;
const NAMES = ["=cmd|' /C calc'!A0", '+1+1', '@SUM(1,2)', '城关"小学"=1', LONG];

async function annotated(): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['学校名称', '学校类型', '小学在校生数', '初中在校生数', '教学及辅助用房面积（㎡）']);
  NAMES.forEach((n, i) => ws.addRow([n, '小学', 300 + i, null, 600 + i]));
  ws.addRow(['城关中学', '初中', null, 800, 4000]);
  const host = await FileHost.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()), '台账.xlsx');
  const outcome = await validateWorkbook(host);
  expect(outcome.error).toBeUndefined();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await host.toBuffer()) as unknown as ArrayBuffer);
  return back.getWorksheet(REPORT_SHEET)!;
}

describe('file host report sheet text', () => {
  it('names are strings or the shown text of our own HYPERLINK; no other formula; links escaped and within the limits', async () => {
    const ws = await annotated();
    const strings: string[] = [];
    const formulas: ExcelJS.CellFormulaValue[] = [];
    ws.eachRow((row) => row.eachCell((c) => {
      const v = c.value;
      if (typeof v === 'string') strings.push(v);
      else if (v && typeof v === 'object' && 'formula' in v) formulas.push(v as ExcelJS.CellFormulaValue);
    }));
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) {
      expect(f.formula).toMatch(/^HYPERLINK\("#'[^']*'![A-Z]+\d+","/);
      expect(f.formula.length).toBeLessThanOrEqual(MAX_FORMULA);
    }
    for (const name of NAMES.slice(0, 3)) expect(strings).toContain(name);
    // A linked name: the quotes doubled inside the literal.
    expect(formulas.map((f) => f.formula)).toContain(`HYPERLINK("#'台账'!A5","城关""小学""=1")`);
    // The long name: cut to 255 characters in the link.
    const long = formulas.filter((f) => f.formula.includes('长长长'));
    expect(long.length).toBeGreaterThan(0);
    for (const f of long) expect(f.formula).toMatch(new RegExp(`^HYPERLINK\\("#'台账'![A-Z]+6","${Array.from(LONG).slice(0, MAX_LITERAL).join('')}"\\)$`));
  });

  it('hyperlinkFormula: quotes doubled without passing the literal limit; a target too long gets no link', () => {
    const f = hyperlinkFormula("'台账'!A1", '"'.repeat(300))!;
    expect(f.shown).toBe('"'.repeat(127));
    expect(f.formula).toBe(`HYPERLINK("#'台账'!A1","${'""'.repeat(127)}")`);
    expect(hyperlinkFormula('x'.repeat(MAX_FORMULA), 'a')).toBeNull();
  });
});
