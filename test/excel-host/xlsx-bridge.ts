// Carries a workbook between the in-memory Excel and a real .xlsx, as saving in Excel and opening the file
// with the CLI (or the browser pane) would: values, solid fills, notes and sheet visibility — what a saved
// file holds of the ledger and of our state sheet.
import ExcelJS from 'exceljs';
import { plainValue } from '../../src/hosts/file/values.ts';
import { FakeExcel, type FakeSheet } from './fake-excel.ts';

const STATES: Record<FakeSheet['visibility'], ExcelJS.WorksheetState> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

/** Saves the in-memory workbook as .xlsx bytes. */
export async function fakeToXlsx(xl: FakeExcel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of xl.sheets) {
    const ws = wb.addWorksheet(s.name, { state: STATES[s.visibility] });
    for (const [address, c] of s.cells) {
      const cell = ws.getCell(address);
      if (c.v !== undefined && c.v !== null && c.v !== '') cell.value = c.v as ExcelJS.CellValue;
      if (c.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${c.fill.slice(1)}` } };
    }
    for (const [address, text] of s.notes) ws.getCell(address).note = text;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Opens .xlsx bytes in a fresh in-memory Excel. */
export async function xlsxToFake(bytes: Uint8Array): Promise<FakeExcel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const xl = new FakeExcel();
  for (const ws of wb.worksheets) {
    const visibility = (Object.keys(STATES) as FakeSheet['visibility'][]).find((k) => STATES[k] === ws.state) ?? 'Visible';
    const sheet = xl.addSheet(ws.name, [], visibility);
    for (let r = 1; r <= ws.rowCount; r++) {
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = ws.getCell(r, c);
        const v = plainValue(cell.value);
        const fill = cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid' ? cell.fill.fgColor?.argb : undefined;
        if (v !== null || fill) sheet.cells.set(cell.address, { ...(v !== null ? { v } : {}), ...(fill ? { fill: `#${fill.slice(2)}` } : {}) });
        const note = cell.note;
        if (note) sheet.notes.set(cell.address, typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join(''));
      }
    }
  }
  return xl;
}

/** What a clerk sees of a workbook: every sheet (hidden ones too) with its values, fills and notes. */
export function look(xl: FakeExcel) {
  return xl.sheets.map((s) => ({
    name: s.name,
    visibility: s.visibility,
    cells: [...s.cells.entries()]
      .map(([k, c]) => [k, c.v ?? null, c.fill ?? null] as const)
      .filter(([, v, fill]) => (v !== null && v !== '') || fill !== null)
      .sort(),
    notes: [...s.notes.entries()].sort(),
  }));
}
