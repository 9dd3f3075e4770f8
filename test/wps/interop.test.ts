// A workbook annotated by one host is opened by the other: the settings travel and 清除标注 restores the
// original, because both keep their state in the same very-hidden sheet layout.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FAIL_FILL, REPORT_SHEET, type AnnotationPlan, REPORT_MARKER } from '../../src/core/plan.ts';
import { STATE_SHEET as FILE_STATE_SHEET } from '../../src/hosts/file/index.ts';
import { excelOf, hostOf, noteText } from '../file-host/snapshot.ts';
import { WpsHost, hexToBgr, bgrToHex, STATE_SHEET, type EtApplication } from '../../src/hosts/wps/index.ts';
import { StandinApp, XL_PATTERN_NONE } from './et-standin.ts';
import { ExcelHost } from '../../src/hosts/excel/host.ts';
import { ledgerRows, planFor } from '../excel-host/county.ts';
import { ExcelEnums, FakeExcel } from '../excel-host/fake-excel.ts';
import { fakeToXlsx, look, xlsxToFake } from '../excel-host/xlsx-bridge.ts';

const LEDGER = [
  ['学校名称', '小学在校生数', '教学及辅助用房面积（㎡）'],
  ['第一小学', 300, 1200],
  ['第二小学', 280, 900],
  ['第三小学', 150, 800],
];
const SETTINGS = { version: 1 as const, standard: 'national-2012-basic', sheet: '台账', mapping: { teaching_area: '教学及辅助用房面积（㎡）' } };
const PLAN: AnnotationPlan = {
  ledgerSheet: '台账',
  marks: ['C2', 'C3', 'C4'].map((cell) => ({ sheet: '台账', cell, fill: FAIL_FILL, note: `未达标 ${cell}`, kind: 'fail' as const })),
  reportSheet: { name: REPORT_SHEET, rows: [[{ v: '报告' }], [], [{ v: REPORT_MARKER }]], columnWidths: [20] },
};

/** The clerk's own formatting before any run: C2 blue, C3 a comment, C4 plain. */
function excelLedger(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  LEDGER.forEach((row) => ws.addRow(row));
  ws.getCell('C2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } };
  ws.getCell('C3').note = '原批注';
  return wb;
}

function standinLedger(): StandinApp {
  const app = new StandinApp(['台账']);
  const ws = app.sheet('台账').load(LEDGER);
  ws.Range('C2').Interior.Color = hexToBgr('#00B0F0');
  ws.Range('C3').AddComment('原批注');
  return app;
}

/** Copies what a saved file carries (values, solid fills, notes, visibility) from ExcelJS into the stand-in. */
function excelToStandin(wb: ExcelJS.Workbook): StandinApp {
  const app = new StandinApp([]);
  for (const src of wb.worksheets) {
    const ws = app.ActiveWorkbook.Worksheets.Add(null, app.sheets[app.sheets.length - 1] ?? null);
    ws.Name = src.name;
    src.eachRow((row, r) =>
      row.eachCell((c, col) => {
        const cell = ws.Cells.Item(r, col);
        if (c.value !== null) ws.cell(r, col, true).value = c.value;
        const argb = c.fill?.type === 'pattern' ? c.fill.fgColor?.argb : undefined;
        if (argb) cell.Interior.Color = hexToBgr(`#${argb.slice(2)}`);
        if (c.note) cell.AddComment(typeof c.note === 'string' ? c.note : (c.note.texts ?? []).map((t) => t.text).join(''));
      }),
    );
    if (src.state === 'veryHidden') ws.Visible = 2;
  }
  app.activeSheet = app.sheets[0];
  return app;
}

function standinToExcel(app: StandinApp): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const src of app.sheets) {
    const ws = wb.addWorksheet(src.Name, { state: src.Visible === 2 ? 'veryHidden' : 'visible' });
    const used = src.UsedRange;
    for (let r = used.r1; r <= used.r2; r++)
      for (let c = used.c1; c <= used.c2; c++) {
        const cell = src.peek(r, c);
        if (!cell) continue;
        const out = ws.getCell(r, c);
        if (cell.value !== null && cell.value !== undefined) out.value = cell.value as ExcelJS.CellValue;
        if (cell.pattern !== XL_PATTERN_NONE) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${bgrToHex(cell.color).slice(1)}` } };
        if (cell.comment !== null) out.note = cell.comment;
      }
  }
  return wb;
}

describe('hosts share the state sheet', () => {
  it('uses the file host’s sheet name', () => {
    expect(STATE_SHEET).toBe(FILE_STATE_SHEET);
  });

  it('WPS reads the settings and clears the annotations the file host wrote', async () => {
    const fileHost = await hostOf(excelLedger());
    await fileHost.saveSettings(SETTINGS);
    await fileHost.apply(PLAN);
    const app = excelToStandin(await excelOf(fileHost));
    const host = new WpsHost(app as unknown as EtApplication);
    expect(app.sheet('台账').Range('C4').Interior.Color).toBe(hexToBgr(FAIL_FILL));

    expect(await host.loadSettings()).toEqual(SETTINGS);
    await host.clear();
    const ws = app.sheet('台账');
    expect(ws.Range('C2').Interior.Color).toBe(hexToBgr('#00B0F0'));
    expect(ws.Range('C2').Comment).toBeNull();
    expect(ws.Range('C3').Interior.Pattern).toBe(XL_PATTERN_NONE);
    expect(ws.Range('C3').Comment?.Text()).toBe('原批注');
    expect(ws.Range('C4').Interior.Pattern).toBe(XL_PATTERN_NONE);
    expect(ws.Range('C4').Comment).toBeNull();
    expect(app.sheets.map((s) => s.Name)).toEqual(['台账', STATE_SHEET]); // settings stay
    expect(await host.loadSettings()).toEqual(SETTINGS);
  });

  it('the file host reads the settings and clears the annotations WPS wrote', async () => {
    const app = standinLedger();
    const host = new WpsHost(app as unknown as EtApplication);
    await host.saveSettings(SETTINGS);
    await host.apply(PLAN);
    const fileHost = await hostOf(standinToExcel(app));

    expect(await fileHost.loadSettings()).toEqual(SETTINGS);
    await fileHost.clear();
    const wb = await excelOf(fileHost);
    const ws = wb.getWorksheet('台账')!;
    expect(ws.getCell('C2').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } });
    expect(noteText(ws.getCell('C3').note)).toBe('原批注');
    expect(ws.getCell('C4').fill).toBeUndefined();
    expect(ws.getCell('C4').note).toBeUndefined();
    expect(wb.getWorksheet(REPORT_SHEET)).toBeUndefined();
  });
});

describe('Excel and WPS share it too (through a saved .xlsx)', () => {
  const excel = (xl: FakeExcel) => new ExcelHost({ run: xl.run, notesSupported: () => true, cellPropertiesSupported: () => true });
  const plan = planFor([{ name: '台账', values: ledgerRows(12) }]);
  const first = plan.marks[0].cell;

  async function original(): Promise<FakeExcel> {
    const xl = new FakeExcel();
    const ledger = xl.addSheet('台账', ledgerRows(12));
    ledger.cells.get(first)!.fill = '#00B0F0';
    ledger.notes.set(first, '原批注');
    ledger.notes.set('A3', '无关批注');
    return xlsxToFake(await fakeToXlsx(xl));
  }

  const load = async (bytes: Uint8Array) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    return wb;
  };
  const save = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

  it('WPS clears what Excel added: the original values, fills, comments and sheet list', async () => {
    (globalThis as Record<string, unknown>).Excel = ExcelEnums;
    const xl = await original();
    await excel(xl).apply(plan);
    const app = excelToStandin(await load(await fakeToXlsx(xl)));
    await new WpsHost(app as unknown as EtApplication).clear();
    expect(look(await xlsxToFake(await save(standinToExcel(app))))).toEqual(look(await original()));
  });

  it('Excel re-validates what WPS added without stacking, and clears it to the original', async () => {
    (globalThis as Record<string, unknown>).Excel = ExcelEnums;
    const app = excelToStandin(await load(await fakeToXlsx(await original())));
    await new WpsHost(app as unknown as EtApplication).apply(plan);
    const xl = await xlsxToFake(await save(standinToExcel(app)));
    await excel(xl).apply(plan);
    const ledger = xl.sheet('台账');
    for (const m of plan.marks) {
      expect(ledger.cells.get(m.cell)?.fill, m.cell).toBe(m.fill.toUpperCase());
      expect(ledger.notes.get(m.cell), m.cell).toBe(m.cell === first ? `原批注\n\n【均衡校验】\n${m.note}` : m.note);
    }
    await excel(xl).clear();
    expect(look(xl)).toEqual(look(await original()));
  });
});
