// Our state cannot touch the clerk's sheets: a _balance_state record (stale, crafted, copied from another
// workbook) naming a sheet that is not our report — the ledger itself, or a sheet of the clerk's that happens
// to be called 均衡校验报告 — never makes validate or clear delete or rewrite it, in any host: our report goes
// beside it as 均衡校验报告(2) (plan/host-rules.ts). Our report is recognised by the marker the plan writes into
// it (REPORT_MARKER), not by its name or the record.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearWorkbook, validateWorkbook } from '../../src/app/validate.ts';
import { REPORT_MARKER, REPORT_MARKER_CELL, REPORT_SHEET } from '../../src/core/plan.ts';
import { ExcelHost } from '../../src/hosts/excel/index.ts';
import { FileHost } from '../../src/hosts/file/index.ts';
import { encodeSlots, STATE_SHEET, type AnnotationRecord } from '../../src/hosts/state.ts';
import { WpsHost, type EtApplication } from '../../src/hosts/wps/index.ts';
import { ExcelEnums, FakeExcel } from '../excel-host/fake-excel.ts';
import { StandinApp } from '../wps/et-standin.ts';

const LEDGER: unknown[][] = [
  ['学校名称', '学校类型', '小学在校生数', '初中在校生数', '教学及辅助用房面积（㎡）'],
  ['城关小学', '小学', 500, null, 2500],
  ['城关中学', '初中', null, 800, 4000],
];
const CLERKS_REPORT: unknown[][] = [['我自己的校验报告'], ['手工整理，请勿删除'], ['第三行']];
const crafted = (reportSheet: string): unknown[][] =>
  encodeSlots({ annotations: { version: 2, reportSheet, marks: [] } satisfies AnnotationRecord, settings: null });

beforeAll(() => {
  (globalThis as Record<string, unknown>).Excel = ExcelEnums;
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).Excel;
});

const OURS = `${REPORT_SHEET}(2)`;

describe.each(['台账', REPORT_SHEET])('a crafted record naming “%s”', (named) => {
  it('WPS: validate writes beside the clerk’s 均衡校验报告 (as 均衡校验报告(2)) and clear removes only ours', async () => {
    const app = new StandinApp(['台账', REPORT_SHEET, STATE_SHEET]);
    app.sheet('台账').load(LEDGER);
    app.sheet(REPORT_SHEET).load(CLERKS_REPORT);
    app.sheet(STATE_SHEET).load(crafted(named));
    app.sheet(STATE_SHEET).Visible = 2;
    app.activeSheet = app.sheet('台账');
    const host = new WpsHost(app as unknown as EtApplication);
    const outcome = await validateWorkbook(host);
    expect(outcome.reportSheet).toBe(OURS);
    expect(app.sheet(OURS).Range(REPORT_MARKER_CELL).Value2).toBe(REPORT_MARKER);
    expect(app.sheet(REPORT_SHEET).Range('A1:A3').Value2).toEqual(CLERKS_REPORT);
    await clearWorkbook(host);
    expect(app.sheets.map((s) => s.Name).filter((n) => n !== STATE_SHEET)).toEqual(['台账', REPORT_SHEET]);
    expect(app.sheet('台账').Range('A1:E3').Value2).toEqual(LEDGER.map((r) => r.map((v) => v ?? undefined)));
    expect(app.sheet(REPORT_SHEET).Range('A1:A3').Value2).toEqual(CLERKS_REPORT);
  });

  it('Excel: validate writes beside the clerk’s 均衡校验报告 (as 均衡校验报告(2)) and clear removes only ours', async () => {
    const xl = new FakeExcel();
    xl.addSheet('台账', LEDGER);
    xl.addSheet(REPORT_SHEET, CLERKS_REPORT);
    xl.addSheet(STATE_SHEET, crafted(named), 'VeryHidden');
    const host = new ExcelHost({ run: xl.run, notesSupported: () => true, mergesSupported: () => true, cellPropertiesSupported: () => true });
    const outcome = await validateWorkbook(host);
    expect(outcome.reportSheet).toBe(OURS);
    expect(xl.sheet(OURS).cells.get(REPORT_MARKER_CELL)?.v).toBe(REPORT_MARKER);
    await clearWorkbook(host);
    expect(xl.sheets.map((s) => s.name).filter((n) => n !== STATE_SHEET)).toEqual(['台账', REPORT_SHEET]);
    expect(xl.sheet(REPORT_SHEET).cells.get('A1')?.v).toBe('我自己的校验报告');
    expect(xl.sheet('台账').cells.get('A2')?.v).toBe('城关小学');
  });

  it('file host: validate writes beside the clerk’s 均衡校验报告 (as 均衡校验报告(2)) and clear removes only ours', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账').addRows(LEDGER);
    wb.addWorksheet(REPORT_SHEET).addRows(CLERKS_REPORT);
    const state = wb.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
    crafted(named).forEach((row, r) => row.forEach((v, c) => v !== null && (state.getCell(r + 1, c + 1).value = v as string)));
    const host = await FileHost.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()), '台账.xlsx');
    const outcome = await validateWorkbook(host);
    expect(outcome.error).toBeUndefined();
    expect(outcome.reportSheet).toBe(OURS);
    await clearWorkbook(host);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await host.toBuffer()) as unknown as ArrayBuffer);
    const visible = back.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
    expect(visible).toEqual(['台账', REPORT_SHEET]);
    expect(back.getWorksheet(REPORT_SHEET)!.getCell('A1').value).toBe('我自己的校验报告');
    expect(back.getWorksheet('台账')!.getCell('A2').value).toBe('城关小学');
  });
});

describe('our own report, recognised by its marker', () => {
  it('WPS: re-validating replaces the report we wrote (marker in A3) and clear removes it', async () => {
    const app = new StandinApp(['台账']);
    app.sheet('台账').load(LEDGER);
    app.activeSheet = app.sheet('台账');
    const host = new WpsHost(app as unknown as EtApplication);
    await validateWorkbook(host);
    expect(app.sheet(REPORT_SHEET).Range(REPORT_MARKER_CELL).Value2).toBe(REPORT_MARKER);
    await validateWorkbook(host);
    expect(app.sheets.filter((s) => s.Name === REPORT_SHEET)).toHaveLength(1);
    await clearWorkbook(host);
    expect(app.sheets.map((s) => s.Name).filter((n) => n !== STATE_SHEET)).toEqual(['台账']);
  });
});
