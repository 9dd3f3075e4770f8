// A workbook annotated in Excel and then validated or cleared by the CLI (the file host), and the other way
// round: both keep their state in the one shared layout, so a re-run replaces instead of stacking and either
// host's clear gives back the original workbook.
import { beforeAll, describe, expect, it } from 'vitest';
import { REPORT_SHEET } from '../../src/core/plan.ts';
import { ExcelHost } from '../../src/hosts/excel/host.ts';
import { FileHost } from '../../src/hosts/file/index.ts';
import { excelOf, hostOf } from '../file-host/snapshot.ts';
import { STATE_SHEET } from '../../src/hosts/state.ts';
import { ledgerRows, planFor } from './county.ts';
import { ExcelEnums, FakeExcel } from './fake-excel.ts';
import { fakeToXlsx, look, xlsxToFake } from './xlsx-bridge.ts';

beforeAll(() => {
  (globalThis as Record<string, unknown>).Excel = ExcelEnums;
});

const SCHOOLS = 12;
const CLERK_NOTE = '原有批注：数据待核';
const excel = (xl: FakeExcel) => new ExcelHost({ run: xl.run, notesSupported: () => true, mergesSupported: () => true });
const plan = planFor([{ name: '台账', values: ledgerRows(SCHOOLS) }]);
const FIXED_NOTE = '原有批注：面积待复核';

/** The same county after the school of row 6 was fixed: F6 no longer fails. */
function fixedRows(): unknown[][] {
  const rows = ledgerRows(SCHOOLS);
  rows[5][5] = 6 * (rows[5][1] as number);
  return rows;
}
const fixedPlan = planFor([{ name: '台账', values: fixedRows() }]);
/** The clerk's own look on a cell marked in both runs; F6 (marked in the first run only) has another. */
const target = fixedPlan.marks.find((m) => m.cell !== 'F6')!;

/** The clerk's workbook, as saved to disk and opened again (so both sides compare like with like). */
async function original(): Promise<FakeExcel> {
  const xl = new FakeExcel();
  xl.addSheet('填表说明', [['每校一行']]);
  const ledger = xl.addSheet('台账', ledgerRows(SCHOOLS));
  ledger.cells.get(target.cell)!.fill = '#00B0F0';
  ledger.notes.set(target.cell, CLERK_NOTE);
  ledger.notes.set('A2', '与本次校验无关的批注');
  ledger.cells.get('F6')!.fill = '#FFFF00';
  ledger.notes.set('F6', FIXED_NOTE);
  return xlsxToFake(await fakeToXlsx(xl));
}

/** The school of row 6 fixed in the file: its value changes, nothing else. */
async function fixInFile(host: FileHost): Promise<FileHost> {
  const wb = await excelOf(host);
  wb.getWorksheet('台账')!.getCell('F6').value = fixedRows()[5][5] as number;
  return hostOf(wb);
}

function fixInExcel(xl: FakeExcel): void {
  xl.sheet('台账').cells.get('F6')!.v = fixedRows()[5][5];
}

/** Every marked cell carries our fill and exactly one finding, above the clerk's own note where there was one. */
function expectMarkedOnce(notes: Map<string, string>, fills: (cell: string) => string | undefined, marks: typeof plan.marks) {
  for (const m of marks) {
    expect(fills(m.cell), m.cell).toBe(m.fill.toUpperCase());
    const own = m.cell === target.cell ? CLERK_NOTE : null;
    expect(notes.get(m.cell), m.cell).toBe(own ? `${own}\n\n【均衡校验】\n${m.note}` : m.note);
  }
}

describe('Excel → file (the CLI opens a workbook annotated in Excel)', () => {
  it('re-validating replaces Excel’s marks instead of stacking, and a fixed cell gets its original look back', async () => {
    const xl = await original();
    await excel(xl).apply(plan);
    const host = await fixInFile(await FileHost.fromBuffer(await fakeToXlsx(xl)));
    await host.apply(fixedPlan);
    const back = await xlsxToFake(await host.toBuffer());
    const ledger = back.sheet('台账');
    expect(plan.marks.some((m) => m.cell === 'F6')).toBe(true);
    expect(fixedPlan.marks.some((m) => m.cell === 'F6')).toBe(false);
    expect(ledger.cells.get('F6')?.fill).toBe('#FFFF00');
    expect(ledger.notes.get('F6')).toBe(FIXED_NOTE);
    const marked = new Set(fixedPlan.marks.map((m) => m.cell));
    for (const [cell, c] of ledger.cells) if (!marked.has(cell) && cell !== 'F6') expect(c.fill, cell).toBeUndefined();
    expectMarkedOnce(ledger.notes, (cell) => ledger.cells.get(cell)?.fill, fixedPlan.marks);
    expect(back.sheets.filter((s) => s.name === REPORT_SHEET)).toHaveLength(1);

    // …and the file host's clear gives back the clerk's workbook (with the fixed value).
    await host.clear();
    const cleared = await xlsxToFake(await host.toBuffer());
    const expected = await original();
    fixInExcel(expected);
    expect(look(cleared)).toEqual(look(expected));
  });

  it('the file host clears what Excel added: the original values, fills, notes and sheet list', async () => {
    const xl = await original();
    await excel(xl).apply(plan);
    expect(xl.sheets.map((s) => s.name)).toContain(STATE_SHEET);
    const host = await FileHost.fromBuffer(await fakeToXlsx(xl));
    await host.clear();
    expect(look(await xlsxToFake(await host.toBuffer()))).toEqual(look(await original()));
  });

  it('settings Excel saved travel to the file host and stay after its clear', async () => {
    const xl = await original();
    const settings = { version: 1 as const, standard: 'national-2012-basic', sheet: '台账', mapping: { school: '学校名称' } };
    await excel(xl).saveSettings(settings);
    await excel(xl).apply(plan);
    const host = await FileHost.fromBuffer(await fakeToXlsx(xl));
    expect(await host.loadSettings()).toEqual(settings);
    await host.clear();
    const back = await FileHost.fromBuffer(await host.toBuffer());
    expect(await back.loadSettings()).toEqual(settings);
    expect((await excelOf(back)).getWorksheet(STATE_SHEET)?.state).toBe('veryHidden');
  });
});

describe('file → Excel (Excel opens a workbook the CLI annotated)', () => {
  it('re-validating replaces the file host’s marks instead of stacking, and a fixed cell gets its original look back', async () => {
    const host = await FileHost.fromBuffer(await fakeToXlsx(await original()));
    await host.apply(plan);
    const xl = await xlsxToFake(await host.toBuffer());
    fixInExcel(xl);
    await excel(xl).apply(fixedPlan);
    const ledger = xl.sheet('台账');
    expect(ledger.cells.get('F6')?.fill).toBe('#FFFF00');
    expect(ledger.notes.get('F6')).toBe(FIXED_NOTE);
    const marked = new Set(fixedPlan.marks.map((m) => m.cell));
    for (const [cell, c] of ledger.cells) if (!marked.has(cell) && cell !== 'F6') expect(c.fill, cell).toBeUndefined();
    expectMarkedOnce(ledger.notes, (cell) => ledger.cells.get(cell)?.fill, fixedPlan.marks);
    expect(xl.sheets.filter((s) => s.name === REPORT_SHEET)).toHaveLength(1);

    await excel(xl).clear();
    const expected = await original();
    fixInExcel(expected);
    expect(look(xl)).toEqual(look(expected));
  });

  it('Excel clears what the file host added: the original values, fills, notes and sheet list', async () => {
    const host = await FileHost.fromBuffer(await fakeToXlsx(await original()));
    await host.apply(plan);
    const xl = await xlsxToFake(await host.toBuffer());
    expect(xl.sheet('台账').cells.get(target.cell)?.fill).toBe(target.fill.toUpperCase());
    await excel(xl).clear();
    expect(look(xl)).toEqual(look(await original()));
  });
});
