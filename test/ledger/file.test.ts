// A real .xlsx with merged title and two-row header cells, written by ExcelJS and read through the file host,
// as the CLI does: the reader must see through the merges, whichever way the host reports them.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FileHost } from '../../src/hosts/file/index.ts';
import { readLedger } from '../../src/ledger/index.ts';
import { cellMap } from '../../src/model/school.ts';

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('填表说明').addRow(['学校名称', '填学校全称']);
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['某某县2024年义务教育学校基本情况统计表']);
  ws.addRow(['学校名称', '学校类型', '在校学生数', null, '教学及辅助用房面积（㎡）', null, '教学仪器设备值（万元）']);
  ws.addRow([null, null, '小学', '初中', '合计', '其中：室内体育用房', null]);
  ws.addRow(['城关一小', '小学', '1,200', null, 6000, 400, 300]);
  ws.addRow(['城关中学', '初中', null, { formula: 'SUM(900,100)', result: 1000 }, '6500', 500, '280']);
  ws.addRow(['合计', null, 1200, 1000, 12500, 900, 580]);
  ws.addRow(['填表人：李四']);
  ws.mergeCells('A1:G1');
  ws.mergeCells('A2:A3');
  ws.mergeCells('B2:B3');
  ws.mergeCells('C2:D2');
  ws.mergeCells('E2:F2');
  ws.mergeCells('G2:G3');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readLedger on an .xlsx through the file host', () => {
  it('finds the merged two-row header under the merged title and reads the schools', async () => {
    const host = await FileHost.fromBuffer(await workbook(), 'ledger.xlsx');
    const sheets = await host.readWorkbook();
    for (const variant of [sheets, sheets.map((s) => ({ ...s, merges: undefined }))]) {
      const read = readLedger(variant);
      if (!read.ok) throw new Error(read.message);
      expect(read.sheet).toBe('Sheet1');
      expect(read.county.name).toBe('某某县');
      expect(read.headerRows).toEqual([2, 3]);
      expect(read.dataRows).toEqual([4, 5]);
      expect(read.problems).toEqual([]);
      expect(read.columns.map((c) => c.field)).toEqual(['school', 'type', 'students_primary', 'students_junior', 'teaching_area', 'indoor_sports_area', 'equipment_value']);
      // Each school's every address, wherever the record keeps it.
      expect(read.county.schools.map((s) => ({ ...s, columns: undefined, cells: cellMap(s) }))).toEqual([
        { name: '城关一小', row: 4, type: 'primary',
          values: { students_primary: 1200, teaching_area: 6000, indoor_sports_area: 400, equipment_value: 3_000_000 },
          cells: { school: 'A4', type: 'B4', students_primary: 'C4', students_junior: 'D4', teaching_area: 'E4', indoor_sports_area: 'F4', equipment_value: 'G4' } },
        { name: '城关中学', row: 5, type: 'junior',
          values: { students_junior: 1000, teaching_area: 6500, indoor_sports_area: 500, equipment_value: 2_800_000 },
          cells: { school: 'A5', type: 'B5', students_primary: 'C5', students_junior: 'D5', teaching_area: 'E5', indoor_sports_area: 'F5', equipment_value: 'G5' } },
      ]);
    }
  });
});
