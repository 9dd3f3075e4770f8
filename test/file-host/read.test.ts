// readWorkbook: every visible sheet's values as plain data; settings and state travel with the file.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { REPORT_MARKER, REPORT_SHEET } from '../../src/core/plan.ts';
import { FileHost, STATE_SHEET } from '../../src/hosts/file/index.ts';
import { excelOf, hostOf } from './snapshot.ts';

async function roundTrip(wb: ExcelJS.Workbook): Promise<FileHost> {
  return FileHost.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()), 'test.xlsx');
}

function richWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').getCell('A1').value = '填表说明';
  const ws = wb.addWorksheet('台账');
  ws.getCell('A1').value = '某某县台账';
  ws.mergeCells('A1:D1');
  ws.getCell('A2').value = { richText: [{ text: '学校', font: { bold: true } }, { text: '名称' }] };
  ws.getCell('B2').value = '在校生数';
  ws.getCell('C2').value = '填报日期';
  ws.getCell('D2').value = '网址';
  ws.getCell('A3').value = '城关小学';
  ws.getCell('B3').value = { formula: '300+20', result: 320 } as ExcelJS.CellFormulaValue;
  ws.getCell('C3').value = new Date(Date.UTC(2025, 8, 1));
  ws.getCell('D3').value = { text: '学校主页', hyperlink: 'https://example.org' };
  ws.getCell('A4').value = '东街小学';
  ws.getCell('B4').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
  ws.getCell('C4').value = new Date(Date.UTC(2025, 8, 1, 8, 30));
  ws.getCell('B5').value = { formula: 'B3*2', result: 640 } as ExcelJS.CellFormulaValue;
  ws.getCell('B6').value = { sharedFormula: 'B5', result: 1280 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell('A5').value = '  １２３ ';
  wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = '不读';
  wb.addWorksheet(REPORT_SHEET).getCell('A1').value = '旧报告';
  wb.addWorksheet(STATE_SHEET, { state: 'veryHidden' }).getCell('A1').value = 'balance-state';
  wb.views = [{ x: 0, y: 0, width: 10000, height: 10000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return wb;
}

describe('readWorkbook', () => {
  it('reads visible sheets only, skipping hidden ones; a sheet merely named like our report (no marker, no record) is the clerk’s', async () => {
    const host = await roundTrip(richWorkbook());
    expect((await host.readWorkbook()).map((s) => s.name)).toEqual(['说明', '台账', REPORT_SHEET]);
  });

  it('skips our own report once the host wrote it (its marker), and the clerk’s sheet of that name stays readable', async () => {
    const host = await roundTrip(richWorkbook());
    await host.apply({ ledgerSheet: '台账', marks: [], reportSheet: { name: REPORT_SHEET, rows: [[{ v: '报告' }], [], [{ v: REPORT_MARKER }]], columnWidths: [10] } });
    expect((await host.readWorkbook()).map((s) => s.name)).toEqual(['说明', '台账', REPORT_SHEET]);
    expect(host.pkg.sheets().map((s) => s.name)).toContain(`${REPORT_SHEET}(2)`);
  });

  it('gives cached formula results, text of rich text and links, ISO dates, error codes and merges', async () => {
    const host = await roundTrip(richWorkbook());
    const sheet = (await host.readWorkbook())[1];
    expect(sheet.origin).toEqual({ row: 1, col: 1 });
    expect(sheet.merges).toEqual(['A1:D1']);
    const v = sheet.values;
    // A merged title repeats over the cells of its merge, as most readers do; the ledger reader de-duplicates.
    expect(v[0]).toEqual(['某某县台账', '某某县台账', '某某县台账', '某某县台账']);
    expect(v[1]).toEqual(['学校名称', '在校生数', '填报日期', '网址']);
    expect(v[2]).toEqual(['城关小学', 320, '2025-09-01', '学校主页']);
    expect(v[3]).toEqual(['东街小学', '#DIV/0!', '2025-09-01T08:30:00.000Z', null]);
    expect(v[4]).toEqual(['  １２３ ', 640, null, null]);
    expect(v[5][1]).toBe(1280);
  });

  it('names the active sheet, or the first visible one when the active tab is hidden', async () => {
    expect(await (await roundTrip(richWorkbook())).activeSheet()).toBe('台账');
    const wb = richWorkbook();
    wb.views[0].activeTab = 2;
    expect(await (await roundTrip(wb)).activeSheet()).toBe('说明');
  });

  it('records the last selection instead of scrolling', async () => {
    const host = await roundTrip(richWorkbook());
    await host.select('台账', 'B4');
    expect(host.lastSelection).toEqual({ sheet: '台账', cell: 'B4' });
  });
});

describe('settings', () => {
  it('survive saving and loading the file, in a very hidden sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账').getCell('A1').value = '学校名称';
    const host = await hostOf(wb);
    expect(await host.loadSettings()).toBeNull();
    const mapping = { school: '学校', students_primary: '在校学生数/小学', equipment_value: '设备（万元）'.repeat(4000) };
    await host.saveSettings({ version: 1, standard: 'national-2012-basic', sheet: '台账', mapping });
    const back = await FileHost.fromBuffer(await host.toBuffer());
    expect(await back.loadSettings()).toEqual({ version: 1, standard: 'national-2012-basic', sheet: '台账', mapping });
    expect((await excelOf(back)).getWorksheet(STATE_SHEET)!.state).toBe('veryHidden');
    expect((await back.readWorkbook()).map((s) => s.name)).toEqual(['台账']);
  });

  it('treat a damaged record as absent', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账');
    const state = wb.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
    state.getCell('A1').value = 'balance-state';
    state.getCell('B2').value = '{"version":1,"standard":';
    expect(await (await hostOf(wb)).loadSettings()).toBeNull();
  });
});

describe('a state sheet in another layout', () => {
  it('is replaced by a readable one instead of being mixed with ours', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账').getCell('A1').value = '学校名称';
    const foreign = wb.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
    foreign.getCell('A1').value = '{"settings":null,"report":null}';
    const host = await hostOf(wb);
    expect(await host.loadSettings()).toBeNull();
    await host.saveSettings({ version: 1, standard: 'national-2017-quality' });
    const back = await FileHost.fromBuffer(await host.toBuffer());
    expect(await back.loadSettings()).toEqual({ version: 1, standard: 'national-2017-quality' });
    expect((await excelOf(back)).worksheets.filter((w) => w.name === STATE_SHEET)).toHaveLength(1);
  });
});
