// The file host keeps its state in the layout every host shares (src/hosts/state.ts); here the grid is moved
// in and out of an ExcelJS sheet.
import type ExcelJS from 'exceljs';
import { decodeSlots, encodeSlots, STATE_SHEET, type StateSlots } from '../state.ts';

export { STATE_SHEET } from '../state.ts';

export function readState(wb: ExcelJS.Workbook): StateSlots {
  const ws = wb.getWorksheet(STATE_SHEET);
  const rows: unknown[][] = [];
  if (ws) for (let r = 1; r <= ws.rowCount; r++) rows.push([ws.getCell(r, 1).value, ws.getCell(r, 2).value]);
  return decodeSlots(rows);
}

/**
 * Rewrites the state sheet from scratch (a sheet in a layout no host reads is replaced, not mixed with ours),
 * at the end of the sheet list so the order is the same on every run; drops it once nothing is left.
 */
export function writeState(wb: ExcelJS.Workbook, slots: StateSlots): void {
  const old = wb.getWorksheet(STATE_SHEET);
  if (old) wb.removeWorksheet(old.id);
  if (!slots.annotations && !slots.settings) return;
  const ws = wb.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
  encodeSlots(slots).forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v as string)));
}
