// What the add-in added lives in the workbook itself (a very hidden sheet), so a later run — even in another
// process, or after the file was mailed — replaces its annotations instead of stacking them.
import type ExcelJS from 'exceljs';

export const STATE_SHEET = '_balance_state';
const MARKER = 'balance-state';
/** Excel's limit is 32,767 characters per cell; stay well below it. */
const CHUNK = 30_000;

/** Column A holds the annotation record, column B the saved settings, each as JSON split over rows 2…. */
export type StateSlot = 'annotations' | 'settings';
const COLUMN: Record<StateSlot, number> = { annotations: 1, settings: 2 };

export function stateSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return wb.getWorksheet(STATE_SHEET);
}

export function readSlot<T>(wb: ExcelJS.Workbook, slot: StateSlot): T | null {
  const ws = stateSheet(wb);
  if (!ws || ws.getCell(1, 1).value !== MARKER) return null;
  const col = COLUMN[slot];
  let text = '';
  for (let r = 2; ; r++) {
    const v = ws.getCell(r, col).value;
    if (typeof v !== 'string' || v === '') break;
    text += v;
  }
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    // A damaged record is treated as absent rather than failing the whole validation.
    return null;
  }
}

/** Writes (or with null, erases) one slot; drops the sheet once both slots are empty. */
export function writeSlot(wb: ExcelJS.Workbook, slot: StateSlot, data: unknown): void {
  let ws = stateSheet(wb);
  if (ws && ws.getCell(1, 1).value !== MARKER) {
    // A state sheet in a layout this host cannot read: start a fresh one rather than mixing two formats.
    wb.removeWorksheet(ws.id);
    ws = undefined;
  }
  if (!ws) {
    if (data === null) return;
    ws = wb.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
    ws.getCell(1, 1).value = MARKER;
  }
  const col = COLUMN[slot];
  const rows = ws.rowCount;
  for (let r = 2; r <= rows; r++) ws.getCell(r, col).value = null;
  if (data !== null) {
    const text = JSON.stringify(data);
    for (let i = 0; i * CHUNK < text.length; i++) ws.getCell(i + 2, col).value = text.slice(i * CHUNK, (i + 1) * CHUNK);
  }
  const other: StateSlot = slot === 'annotations' ? 'settings' : 'annotations';
  if (data === null && readSlot(wb, other) === null) wb.removeWorksheet(ws.id);
}
