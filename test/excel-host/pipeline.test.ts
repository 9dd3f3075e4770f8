// The whole 校验全县 flow through the Excel host on the built-in sample county: what the host read is what the
// pipeline planned from, the plan lands in the workbook, the settings are saved, and 清除标注 restores it.
import { beforeAll, describe, expect, it } from 'vitest';
import { clearWorkbook, validateWorkbook } from '../../src/app/validate.ts';
import { ExcelHost } from '../../src/hosts/excel/host.ts';
import { SAMPLE_SHEET, sampleLedgerRows } from '../../src/sample/index.ts';
import { ExcelEnums, FakeExcel } from './fake-excel.ts';

beforeAll(() => {
  (globalThis as Record<string, unknown>).Excel = ExcelEnums;
});

describe('校验全县 on the sample county through the Excel host', () => {
  it('applies the pipeline’s plan, saves the settings, and clear restores the workbook', async () => {
    const xl = new FakeExcel();
    xl.addSheet(SAMPLE_SHEET, sampleLedgerRows());
    const cells = () => [...xl.sheet(SAMPLE_SHEET).cells.entries()].map(([k, c]) => [k, c.v, c.fill ?? null]).sort();
    const before = { cells: cells(), notes: xl.sheet(SAMPLE_SHEET).notes.size, sheets: xl.sheets.map((s) => s.name) };
    const host = new ExcelHost({ run: xl.run, notesSupported: () => true, mergesSupported: () => true });

    const outcome = await validateWorkbook(host);
    expect(outcome.error).toBeUndefined();
    const plan = outcome.plan!;
    const marks = plan.marks;
    expect(marks.length).toBeGreaterThan(0);
    const ledger = xl.sheet(SAMPLE_SHEET);
    for (const m of marks) {
      expect(ledger.cells.get(m.cell)?.fill).toBe(m.fill.toUpperCase());
      expect(ledger.notes.get(m.cell)).toBe(m.note);
    }
    expect(xl.sheet(plan.reportSheet.name).cells.get('A1')?.v).toBe(plan.reportSheet.rows[0][0]?.v);
    expect(await host.loadSettings()).toMatchObject({ version: 1, standard: 'national-2017-quality', sheet: SAMPLE_SHEET });

    // Validating again reads the same ledger (the report sheet is not taken for it) and changes nothing.
    const again = await validateWorkbook(host);
    expect(again.plan).toEqual(plan);

    await clearWorkbook(host);
    expect({ cells: cells(), notes: xl.sheet(SAMPLE_SHEET).notes.size, sheets: xl.sheets.map((s) => s.name).filter((n) => n !== '_balance_state') }).toEqual(before);
    expect((await host.loadSettings())?.sheet).toBe(SAMPLE_SHEET);
  });
});
