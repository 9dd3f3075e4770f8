// The browser pane saves the annotated workbook, then 清除标注 and saves again from the same ExcelJS workbook:
// the second file must show the original fills, not styles left over from the first write.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FAIL_FILL, REPORT_MARKER, REPORT_SHEET, type AnnotationPlan } from '../../src/core/plan.ts';
import { FileHost } from '../../src/hosts/file/index.ts';
import { load, snapshot } from './snapshot.ts';

const BLUE: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } };
const PLAN: AnnotationPlan = {
  ledgerSheet: '台账',
  marks: ['B2', 'C2'].map((cell) => ({ sheet: '台账', cell, fill: FAIL_FILL, note: `未达标 ${cell}`, kind: 'fail' as const })),
  reportSheet: { name: REPORT_SHEET, rows: [[{ v: '报告' }], [], [{ v: REPORT_MARKER }]], columnWidths: [10] },
};

async function originalBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['学校名称', '小学在校生数', '教学及辅助用房面积（㎡）']);
  ws.addRow(['第一小学', 300, 1200]);
  ws.getCell('B2').fill = BLUE;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('saving, clearing and saving again from one workbook', () => {
  it('gives back the original fills in the second file', async () => {
    const bytes = await originalBytes();
    const host = await FileHost.fromBuffer(bytes);
    await host.apply(PLAN);
    const annotated = await load(await host.toBuffer());
    expect(annotated.getWorksheet('台账')!.getCell('C2').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${FAIL_FILL.slice(1)}` } });
    await host.clear();
    const cleared = await load(await host.toBuffer());
    expect(cleared.getWorksheet('台账')!.getCell('B2').fill).toEqual(BLUE);
    expect(cleared.getWorksheet('台账')!.getCell('C2').fill).toBeUndefined();
    expect(snapshot(cleared)).toEqual(snapshot(await load(bytes)));
  });
});
