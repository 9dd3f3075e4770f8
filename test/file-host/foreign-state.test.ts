// Records another host wrote, as the file host meets them in a saved workbook: restored from their neutral
// form, and a clerk's comment thread Excel left alone (via 'none') is left alone here too.
import { REPORT_MARKER, REPORT_MARKER_CELL } from '../../src/core/plan.ts';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FileHost, STATE_SHEET } from '../../src/hosts/file/index.ts';
import { excelOf, noteText } from './snapshot.ts';
import { encodeSlots, type AnnotationRecord } from '../../src/hosts/state.ts';

const OURS: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8CBAD' } };

/** A ledger as Excel left it: C2 and C3 marked over a blue fill and a thread, C4 marked over nothing. */
function annotatedInExcel(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['学校名称', '小学在校生数', '教学及辅助用房面积（㎡）']);
  for (const r of [2, 3, 4]) ws.addRow([`第${r - 1}小学`, 300, 900]);
  for (const cell of ['C2', 'C3', 'C4']) ws.getCell(cell).fill = OURS;
  ws.getCell('C2').note = '原批注\n\n未达标';
  ws.getCell('C3').note = '科长：请核实';
  ws.getCell('C4').note = '未达标';
  const report = wb.addWorksheet('均衡校验报告');
  report.getCell('A1').value = '报告';
  // Another host's report carries the marker every plan writes: that, not the record, makes it ours to delete.
  report.getCell(REPORT_MARKER_CELL).value = REPORT_MARKER;
  const record: AnnotationRecord = {
    version: 2,
    reportSheet: '均衡校验报告',
    marks: [
      { sheet: '台账', cell: 'C2', fill: '#00B0F0', note: '原批注', via: 'note' },
      { sheet: '台账', cell: 'C3', fill: null, note: null, via: 'none' },
      { sheet: '台账', cell: 'C4', fill: null, note: null, via: 'note' },
    ],
  };
  const state = wb.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
  encodeSlots({ annotations: record, settings: null }).forEach((row, r) => row.forEach((v, c) => v !== null && (state.getCell(r + 1, c + 1).value = v as string)));
  return wb;
}

describe('clearing marks another host recorded', () => {
  it('restores solid colours and note texts, and leaves a comment thread Excel did not touch', async () => {
    const host = await FileHost.fromBuffer(new Uint8Array(await annotatedInExcel().xlsx.writeBuffer()));
    await host.clear();
    const wb = await excelOf(host);
    const ws = wb.getWorksheet('台账')!;
    expect(ws.getCell('C2').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } });
    expect(noteText(ws.getCell('C2').note)).toBe('原批注');
    expect(ws.getCell('C3').fill).toBeUndefined();
    expect(noteText(ws.getCell('C3').note)).toBe('科长：请核实');
    expect(ws.getCell('C4').fill).toBeUndefined();
    expect(ws.getCell('C4').note).toBeUndefined();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['台账']);
  });
});
