// The fixture sheets written as a real .xlsx (ExcelJS), merges included, for tests that go through a file.
import ExcelJS from 'exceljs';
import type { SheetValues } from '../../../src/ledger/types.ts';

export async function writeSheets(path: string, sheets: SheetValues[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((row, r) => row.forEach((v, c) => { if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue; }));
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  await wb.xlsx.writeFile(path);
}
