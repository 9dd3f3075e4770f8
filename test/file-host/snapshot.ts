// Reads a written workbook back with plain ExcelJS and flattens what the round-trip tests compare.
import ExcelJS from 'exceljs';
import { FileHost } from '../../src/hosts/file/index.ts';

export interface CellSnap {
  value: unknown;
  fill: unknown;
  note: unknown;
}
export interface SheetSnap {
  state: string;
  cells: Record<string, CellSnap>;
}

export async function load(buf: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

const plain = (x: unknown) => (x === undefined ? null : JSON.parse(JSON.stringify(x)));

/** A note's text, whether ExcelJS read it as a string or as rich-text runs. */
export function noteText(note: unknown): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? '').join('') : null;
}

/** A file host over the package ExcelJS writes for `wb` (the host works on packages, not object models). */
export async function hostOf(wb: ExcelJS.Workbook, name = '工作簿'): Promise<FileHost> {
  return FileHost.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()), name);
}

/** What the host would save, read back with plain ExcelJS. */
export async function excelOf(host: FileHost): Promise<ExcelJS.Workbook> {
  return load(await host.toBuffer());
}

export function snapshotSheet(ws: ExcelJS.Worksheet, rows = ws.rowCount, cols = ws.columnCount): SheetSnap {
  const cells: Record<string, CellSnap> = {};
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= cols; c++) {
      const cell = ws.getRow(r).getCell(c);
      cells[cell.address] = { value: plain(cell.value), fill: plain(cell.style?.fill), note: noteText(cell.note) };
    }
  }
  return { state: ws.state, cells };
}

export function snapshot(wb: ExcelJS.Workbook): Record<string, SheetSnap> {
  return Object.fromEntries(wb.worksheets.map((ws) => [ws.name, snapshotSheet(ws)]));
}

export const sheetNames = (wb: ExcelJS.Workbook): string[] => wb.worksheets.map((ws) => ws.name);

/** Addresses whose fill or note differ between two snapshots of one sheet (over the first one's cells). */
export function changedCells(a: SheetSnap, b: SheetSnap): string[] {
  return Object.keys(a.cells).filter((k) => {
    const x = a.cells[k];
    const y = b.cells[k] ?? { value: null, fill: null, note: null };
    return JSON.stringify(x.fill) !== JSON.stringify(y.fill) || JSON.stringify(x.note) !== JSON.stringify(y.note);
  });
}
