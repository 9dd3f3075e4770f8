// What WpsHost remembers inside the workbook: the saved settings and, for every cell it marked, the fill and
// comment it covered, so clear() restores them exactly and a re-run replaces instead of stacking.
// PluginStorage is not persisted (wps-notes §3) and CustomDocumentProperties is unconfirmed at run time, so
// it is a very-hidden sheet (Visible = 2), in the same layout as the file host's (src/hosts/file/state.ts):
// sheet _balance_state, A1 the marker, column A the annotation record and column B the settings, each as
// JSON split over rows 2…. A workbook validated by the CLI or the browser pane keeps its settings in WPS,
// and either host can clear the other's annotations.
import type { WorkbookSettings } from '../types.ts';
import { bgrToHex, hexToBgr } from './color.ts';
import { XL_PATTERN_NONE, XL_PATTERN_SOLID } from './et.ts';

export const STATE_SHEET = '_balance_state';
export const STATE_MARKER = 'balance-state';

/** The ExcelJS fill shape the file host records; WpsHost writes solid fills in it too. */
export interface RecordedFill {
  type?: string;
  pattern?: string;
  fgColor?: { argb?: string };
}

/** What a mark covered. `et` is WPS's exact Interior state; the other host ignores it. */
export interface MarkRecord {
  sheet: string;
  cell: string;
  fill: RecordedFill | null;
  note: string | { texts?: { text?: string }[] } | null;
  et?: { pattern: number; color: number };
}

export interface AnnotationRecord {
  version: 1;
  reportSheet: string | null;
  marks: MarkRecord[];
}

export interface StateSlots {
  annotations: AnnotationRecord | null;
  settings: WorkbookSettings | null;
}

/** Interior as read → the record (ExcelJS shape, plus the exact ET values). */
export function recordFill(pattern: number, color: number): Pick<MarkRecord, 'fill' | 'et'> {
  const fill = pattern === XL_PATTERN_NONE ? null : { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${bgrToHex(color).slice(1)}` } };
  return { fill, et: { pattern, color } };
}

/** The Interior to restore; a fill the ET model cannot express (theme colour, gradient) becomes none. */
export function fillToRestore(m: MarkRecord): { pattern: number; color?: number } {
  if (m.et) return m.et;
  const argb = m.fill?.fgColor?.argb;
  if (m.fill && m.fill.pattern === 'solid' && argb && /^[0-9a-f]{8}$/i.test(argb)) {
    return { pattern: XL_PATTERN_SOLID, color: hexToBgr(`#${argb.slice(2)}`) };
  }
  return { pattern: XL_PATTERN_NONE };
}

export function noteText(note: MarkRecord['note']): string | null {
  if (note === null || note === undefined) return null;
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text ?? '').join('');
}

// Chunks start with a character the sheet never reads as a number, date or formula, so a Value2 write keeps
// them text (the column is also formatted as text, ⚠ unconfirmed in WPS). JSON always offers one nearby.
const CHUNK = 8000;
const SAFE_START = /[{}[\]",:A-Za-z\u4e00-\u9fff]/;

export function chunkJson(data: unknown): string[] {
  const json = JSON.stringify(data);
  const chunks: string[] = [];
  let start = 0;
  while (start < json.length) {
    let end = Math.min(json.length, start + CHUNK);
    while (end < json.length && end > start + 1 && !SAFE_START.test(json[end])) end--;
    chunks.push(json.slice(start, end));
    start = end;
  }
  return chunks;
}

/** The state sheet's cells, from A1, in one grid. */
export function encodeSlots(slots: StateSlots): unknown[][] {
  const a = slots.annotations ? chunkJson(slots.annotations) : [];
  const b = slots.settings ? chunkJson(slots.settings) : [];
  const rows: unknown[][] = [[STATE_MARKER, null]];
  for (let i = 0; i < Math.max(a.length, b.length); i++) rows.push([a[i] ?? null, b[i] ?? null]);
  return rows;
}

/** The state sheet's used range (from A1) → the slots. A damaged slot reads as absent, as in the file host. */
export function decodeSlots(rows: unknown[][]): StateSlots {
  if (rows[0]?.[0] !== STATE_MARKER) return { annotations: null, settings: null };
  const slot = <T>(col: number): T | null => {
    let text = '';
    for (let r = 1; r < rows.length; r++) {
      const v = rows[r]?.[col];
      if (typeof v !== 'string' || v === '') break;
      text += v;
    }
    if (!text) return null;
    try {
      return JSON.parse(text) as T;
    } catch {
      return null;
    }
  };
  const annotations = slot<AnnotationRecord>(0);
  const settings = slot<WorkbookSettings>(1);
  return {
    annotations: annotations && Array.isArray(annotations.marks) ? annotations : null,
    settings: settings && settings.version === 1 ? settings : null,
  };
}
