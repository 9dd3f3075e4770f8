// What the add-in remembers inside the workbook, in one layout every host reads and writes (Excel, WPS, and
// the file host behind the CLI and the browser pane), so a workbook annotated by one host is re-validated
// without stacked marks and cleared to its original by any other.
//
// The very hidden sheet _balance_state: A1 the marker, column A the annotation record and column B the
// saved settings, each as JSON split over rows 2…. Pure data in, grid out: each host only moves the grid.
import type { CellIdentity } from '../core/plan.ts';
import type { WorkbookSettings } from './types.ts';
import { STATE_SHEET } from '../model/sheets.ts';

export { STATE_SHEET };
export { markKey } from '../plan/host-rules.ts';
export type { CellIdentity };
export const STATE_MARKER = 'balance-state';

/**
 * What one mark covered. `fill` and `note` are the neutral form every host can restore; the optional exact
 * forms let the host that recorded the mark put back what the neutral form cannot say (a theme colour, a
 * pattern, rich text, WPS's Interior state, how Excel attached its text).
 */
export interface MarkRecord {
  sheet: string;
  cell: string;
  /** The cell's original fill as a solid '#RRGGBB', or null for none (or one no other host can express). */
  fill: string | null;
  /** The cell's original note text, or null for none. */
  note: string | null;
  /** The file host's first layout (ExcelJS): the fill and note objects exactly as read. Read, no longer written. */
  xlsx?: { fill: unknown; note: unknown };
  /** File host: the cell's own style index and comment element as found, our cell format and a hash of our note. */
  ooxml?: OoxmlMark;
  /**
   * Which school and column the cell belongs to (from the plan), so clear and the next validation find it after
   * rows were sorted, inserted or deleted (plan/identity.ts placeMarks). Absent in older records: by address.
   */
  id?: CellIdentity;
  /** Hash of the note text we left on the cell (plan/identity.ts noteHash): a note that no longer matches is the clerk's and stays. */
  noteHash?: string;
  /** WPS: the Interior's Pattern and Color (BGR) exactly as read. */
  et?: { pattern: number; color: number };
  /** Excel: how our text was attached — a note, a comment (older Excel), or not at all (a clerk's comment thread was there). */
  via?: 'note' | 'comment' | 'none';
}

export interface OoxmlMark {
  /** The cell's style index before we marked it; null when the cell did not exist in the sheet part. */
  s: number | null;
  /** The cell format we gave it. */
  ours: number;
  /** The original fill element (<fill>…</fill>), to restore it where another program renumbered the styles. */
  fill: string | null;
  /** The clerk's <comment> element as it was, or null for none; absent when we left the note alone. */
  comment?: string | null;
  /** The file host's first place for MarkRecord.noteHash: read, no longer written. */
  noteHash?: string;
}


export interface AnnotationRecord {
  version: 2;
  /** The report sheet we created, if any. */
  reportSheet: string | null;
  marks: MarkRecord[];
}

export interface StateSlots {
  annotations: AnnotationRecord | null;
  settings: WorkbookSettings | null;
}

export const NO_STATE: StateSlots = { annotations: null, settings: null };

/** Whether restoring a mark touches the note: not where Excel left a clerk's comment thread alone. */
export const ownsNote = (m: MarkRecord): boolean => m.via !== 'none';

/** The hash of the note we wrote, wherever the record's version keeps it. */
export const writtenNoteHash = (m: MarkRecord): string | undefined => m.noteHash ?? m.ooxml?.noteHash;

// Chunks start with a character a sheet never reads as a number, date or formula, so a value write keeps them
// text; JSON always offers one nearby. 8,000 characters stays far below Excel's 32,767 per cell.
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

/** The state sheet's cells from A1, as one grid (null where a column has ended). */
export function encodeSlots(slots: StateSlots): unknown[][] {
  const a = slots.annotations ? chunkJson(slots.annotations) : [];
  const b = slots.settings ? chunkJson(slots.settings) : [];
  const rows: unknown[][] = [[STATE_MARKER, null]];
  for (let i = 0; i < Math.max(a.length, b.length); i++) rows.push([a[i] ?? null, b[i] ?? null]);
  return rows;
}

/** The state sheet's used range (from A1) → the slots. A damaged slot reads as absent rather than failing a run. */
export function decodeSlots(rows: unknown[][]): StateSlots {
  const first = rows[0]?.[0];
  if (typeof first === 'string' && first.startsWith('{')) return decodeExcelV0(rows);
  if (first !== STATE_MARKER) return { ...NO_STATE };
  const annotations = parseAnnotations(parseColumn(rows, 0));
  const settings = parseColumn(rows, 1) as WorkbookSettings | null;
  return { annotations, settings: settings && settings.version === 1 ? settings : null };
}

function parseColumn(rows: unknown[][], col: number): unknown {
  let text = '';
  for (let r = 1; r < rows.length; r++) {
    const v = rows[r]?.[col];
    if (typeof v !== 'string' || v === '') break;
    text += v;
  }
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function parseAnnotations(data: unknown): AnnotationRecord | null {
  const rec = data as { version?: number; reportSheet?: unknown; marks?: unknown } | null;
  if (!rec || typeof rec !== 'object' || !Array.isArray(rec.marks)) return null;
  const reportSheet = typeof rec.reportSheet === 'string' ? rec.reportSheet : null;
  const marks = rec.marks.filter(isMark).map((m) => (rec.version === 1 ? fromV1(m) : tidy(m)));
  return { version: 2, reportSheet, marks };
}

const isMark = (m: unknown): m is MarkRecord =>
  typeof m === 'object' && m !== null && typeof (m as MarkRecord).sheet === 'string' && typeof (m as MarkRecord).cell === 'string';

/** A damaged neutral form reads as none rather than failing a restore (a bad colour would throw in WPS). */
function tidy(m: MarkRecord): MarkRecord {
  const fill = typeof m.fill === 'string' && /^#[0-9a-f]{6}$/i.test(m.fill) ? m.fill.toUpperCase() : null;
  return { ...m, fill, note: typeof m.note === 'string' ? m.note : null };
}

/** ExcelJS fill object → its solid colour, if it is one. */
export function solidColour(fill: unknown): string | null {
  const f = fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | null | undefined;
  const argb = f?.fgColor?.argb;
  return f?.type === 'pattern' && f.pattern === 'solid' && typeof argb === 'string' && /^[0-9a-f]{8}$/i.test(argb)
    ? `#${argb.slice(2).toUpperCase()}`
    : null;
}

/** ExcelJS note (a string, or a comment object with rich-text runs) → its plain text. */
export function plainNote(note: unknown): string | null {
  if (note === null || note === undefined) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? '').join('') : null;
}

/**
 * Version 1 (the file host's and WPS's layout until now) kept the ExcelJS fill and note objects in `fill` and
 * `note`: they become the neutral form, and stay as the file host's exact form.
 */
function fromV1(m: MarkRecord): MarkRecord {
  const out: MarkRecord = { sheet: m.sheet, cell: m.cell, fill: solidColour(m.fill), note: plainNote(m.note), xlsx: { fill: m.fill ?? null, note: m.note ?? null } };
  if (m.et) out.et = m.et;
  return out;
}

/**
 * The Excel host's first layout (no marker: A1 a JSON head with settings and report, then one
 * [sheet, cell, fill, note, via] array per row), so a workbook it annotated still clears.
 */
function decodeExcelV0(rows: unknown[][]): StateSlots {
  let head: { settings?: WorkbookSettings | null; report?: string | null } = {};
  try {
    head = JSON.parse(rows[0][0] as string);
  } catch {
    head = {};
  }
  const marks: MarkRecord[] = [];
  for (let r = 1; r < rows.length; r++) {
    const text = rows[r]?.[0];
    if (typeof text !== 'string' || !text.startsWith('[')) continue;
    try {
      const [sheet, cell, fill, note, via] = JSON.parse(text);
      if (typeof sheet !== 'string' || typeof cell !== 'string') continue;
      marks.push({ sheet, cell, fill: fill ?? null, note: note ?? null, via: via === 'comment' || via === 'none' ? via : 'note' });
    } catch {
      // A damaged row loses one cell's original look, not the whole clear.
    }
  }
  const settings = head.settings && head.settings.version === 1 ? head.settings : null;
  const report = typeof head.report === 'string' ? head.report : null;
  return { settings, annotations: report || marks.length > 0 ? { version: 2, reportSheet: report, marks } : null };
}
