// What the add-in remembers inside the workbook, in the very hidden sheet _balance_state: the saved settings
// and, for every cell it marked, the fill and note the cell had before, so clear() restores exactly and a
// re-run replaces instead of stacking. One JSON text per row in column A (a "[" or "{" never reads as a formula).
import type { WorkbookSettings } from '../types.ts';

export const STATE_SHEET = '_balance_state';

export interface MarkState {
  sheet: string;
  cell: string;
  /** '#RRGGBB' the cell had, or null for no fill. */
  fill: string | null;
  /** Note text the cell had, or null for none. */
  note: string | null;
  /** How our text was attached: a note (ExcelApi 1.18), a comment (older Excel), or not at all (the cell had a comment thread). */
  via: 'note' | 'comment' | 'none';
}

export interface AddinState {
  settings: WorkbookSettings | null;
  /** Name of the report sheet we created, if any. */
  report: string | null;
  marks: MarkState[];
}

export const EMPTY_STATE: AddinState = { settings: null, report: null, marks: [] };

export function encodeState(state: AddinState): string[] {
  const rows = [JSON.stringify({ settings: state.settings, report: state.report })];
  for (const m of state.marks) rows.push(JSON.stringify([m.sheet, m.cell, m.fill, m.note, m.via]));
  return rows;
}

/** Reads column A of the state sheet; rows it cannot read are ignored rather than failing a clear. */
export function decodeState(column: unknown[]): AddinState {
  if (column.length === 0 || typeof column[0] !== 'string' || column[0] === '') return { ...EMPTY_STATE, marks: [] };
  let head: { settings?: WorkbookSettings | null; report?: string | null } = {};
  try {
    head = JSON.parse(column[0]);
  } catch {
    head = {};
  }
  const marks: MarkState[] = [];
  for (let i = 1; i < column.length; i++) {
    const text = column[i];
    if (typeof text !== 'string' || !text.startsWith('[')) continue;
    try {
      const [sheet, cell, fill, note, via] = JSON.parse(text);
      if (typeof sheet === 'string' && typeof cell === 'string') {
        marks.push({ sheet, cell, fill: fill ?? null, note: note ?? null, via: via === 'comment' || via === 'none' ? via : 'note' });
      }
    } catch {
      // A damaged row loses one cell's original look, not the whole clear.
    }
  }
  return { settings: head.settings ?? null, report: head.report ?? null, marks };
}

export const markKey = (sheet: string, cell: string): string => `${sheet}!${cell.toUpperCase()}`;

/** Excel reports "no fill" as white; treat it as none so clearing removes the fill instead of painting white. */
export function normalizeFill(color: string | null | undefined): string | null {
  if (!color) return null;
  const c = color.toUpperCase();
  return c === '#FFFFFF' ? null : c;
}
