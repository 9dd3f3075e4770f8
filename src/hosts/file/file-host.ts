// The file host: the Host interface over an ExcelJS workbook, for the CLI, the browser-only task pane and
// realistic tests. No node:fs here (the browser bundle uses it); fromFile lives in node.ts.
import ExcelJS from 'exceljs';
import { REPORT_SHEET, type AnnotationPlan } from '../../core/plan.ts';
import type { SheetValues } from '../../ledger/types.ts';
import type { Host, WorkbookSettings } from '../types.ts';
import { WorkbookReadError, checkXlsxSignature } from './errors.ts';
import { textWidth } from '../../plan/grid.ts';
import { dataSheetPlan } from '../../plan/data-sheet.ts';
import { solidFill, writeReportSheet } from './report.ts';
import { ownsNote, plainNote, solidColour, type MarkRecord } from '../state.ts';
import { STATE_SHEET, readState, writeState } from './state.ts';
import { plainValue } from './values.ts';

const toBytes = (buf: ArrayBuffer | Uint8Array): Uint8Array => (buf instanceof Uint8Array ? buf : new Uint8Array(buf));
const clone = <T>(x: T): T => (x === undefined || x === null ? x : (JSON.parse(JSON.stringify(x)) as T));

/** Sets or removes a cell's fill without touching the style object other cells share (ExcelJS shares them on load). */
function setFill(c: ExcelJS.Cell, fill: ExcelJS.Fill | null): void {
  const style: Partial<ExcelJS.Style> = { ...c.style };
  if (fill) style.fill = fill;
  else delete style.fill;
  c.style = style;
  // ExcelJS keeps the style index of the last write on the cell's value model and only overwrites it with a
  // non-default one: a cell back to the default style would be saved again with another cell's old style.
  delete (c as unknown as { _value?: { model?: { styleId?: number } } })._value?.model?.styleId;
}

/**
 * Our note, with a box big enough to show it. ExcelJS always draws notes 2 columns × 4 rows, which clips a
 * five-line finding when Excel shows it on hover; its writer takes an `anchor` beside the note model, which
 * only a note object's model can supply.
 */
function setSizedNote(ws: ExcelJS.Worksheet, c: ExcelJS.Cell, text: string): void {
  c.note = text;
  const lines = text.split('\n');
  const needed = Math.min(64, Math.max(...lines.map(textWidth))) + 2;
  const col = Number(c.col);
  let right = col;
  for (let width = 0; width < needed; right++) width += ws.getColumn(right + 1).width ?? 9;
  const top = Math.max(Number(c.row) - 2, 0);
  const anchor = { left: col, top, right, bottom: top + lines.length + 1 };
  const note = (c as unknown as { _comment?: object })._comment;
  const base = note && Object.getOwnPropertyDescriptor(Object.getPrototypeOf(note), 'model')?.get;
  if (!note || !base) return;
  Object.defineProperty(note, 'model', { configurable: true, get: () => ({ ...base.call(note), anchor }) });
}

function setNote(c: ExcelJS.Cell, note: ExcelJS.Comment | string | null): void {
  if (note !== null) {
    c.note = note;
    return;
  }
  // ExcelJS has no way to delete a note: assigning undefined writes an empty comment, and a loaded cell also
  // keeps the comment in its value model, which the writer reads. Drop both.
  const internal = c as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  delete internal._comment;
  if (internal._value?.model) delete internal._value.model.comment;
}

/** Merged ranges without building the sheet's whole model (ws.model serialises every row). */
function mergeRanges(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws as unknown as { _merges?: Record<string, { range: string }> })._merges;
  return merges ? Object.values(merges).map((m) => m.range) : [...ws.model.merges];
}

/** A cell's fill and note before we cover them: neutral for other hosts, exact for this one. */
function recordOf(sheet: string, cell: string, c: ExcelJS.Cell): MarkRecord {
  const fill = clone(c.style.fill) ?? null;
  const note = clone(c.note) ?? null;
  return { sheet, cell, fill: solidColour(fill), note: plainNote(note), xlsx: { fill, note } };
}

function noteText(note: ExcelJS.Comment | string | undefined): string {
  if (!note) return '';
  return typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
}

export class FileHost implements Host {
  readonly kind = 'file' as const;
  /** The last cell select() was asked for: the file host has no window to scroll. */
  lastSelection: { sheet: string; cell: string } | null = null;

  constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly name = '工作簿',
  ) {}

  static async fromBuffer(buf: ArrayBuffer | Uint8Array, name = '工作簿'): Promise<FileHost> {
    const bytes = toBytes(buf);
    checkXlsxSignature(bytes, name);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    } catch (e) {
      throw new WorkbookReadError('not_xlsx', `无法读取工作簿 ${name}：不是 .xlsx 文件或文件已损坏（${(e as Error).message}）`);
    }
    if (wb.worksheets.length === 0) throw new WorkbookReadError('corrupt', `无法读取工作簿 ${name}：没有任何工作表`);
    return new FileHost(wb, name);
  }

  async toBuffer(): Promise<Uint8Array> {
    return new Uint8Array(await this.workbook.xlsx.writeBuffer());
  }

  async readWorkbook(): Promise<SheetValues[]> {
    return this.workbook.worksheets
      .filter((ws) => ws.state === 'visible' && ws.name !== REPORT_SHEET && ws.name !== STATE_SHEET)
      .map((ws) => {
        // Both counts are getters that walk every row: read them once.
        const rows = ws.rowCount;
        const cols = ws.columnCount;
        const values: unknown[][] = [];
        for (let r = 1; r <= rows; r++) {
          const row = ws.getRow(r);
          const out: unknown[] = [];
          for (let c = 1; c <= cols; c++) out.push(plainValue(row.getCell(c).value));
          values.push(out);
        }
        return { name: ws.name, values, origin: { row: 1, col: 1 }, merges: mergeRanges(ws) };
      });
  }

  async activeSheet(): Promise<string | null> {
    const sheets = this.workbook.worksheets;
    const active = sheets[this.workbook.views?.[0]?.activeTab ?? 0];
    if (active && active.state === 'visible') return active.name;
    return sheets.find((ws) => ws.state === 'visible')?.name ?? null;
  }

  async apply(plan: AnnotationPlan): Promise<void> {
    await this.clear();
    const wb = this.workbook;
    const records: MarkRecord[] = [];
    for (const mark of plan.marks) {
      const ws = wb.getWorksheet(mark.sheet);
      if (!ws) continue;
      const c = ws.getCell(mark.cell);
      records.push(recordOf(mark.sheet, mark.cell, c));
      setFill(c, solidFill(mark.fill));
      // The clerk's own note stays readable above ours; clear() puts the original back as it was.
      const own = noteText(c.note);
      setSizedNote(ws, c, own ? `${own}\n\n【均衡校验】\n${mark.note}` : mark.note);
    }
    // A sheet of that name not made by us would be replaced too: the name is reserved for the report.
    const stale = wb.getWorksheet(plan.reportSheet.name);
    if (stale) wb.removeWorksheet(stale.id);
    writeReportSheet(wb, plan.reportSheet);
    // Written after the report so the sheet order is the same on every run.
    writeState(wb, { annotations: { version: 2, reportSheet: plan.reportSheet.name, marks: records }, settings: readState(wb).settings });
  }

  async clear(): Promise<void> {
    const wb = this.workbook;
    const { annotations: record, settings } = readState(wb);
    if (!record) return;
    // Restore in reverse so a cell recorded twice ends with its first (original) state.
    for (const m of [...record.marks].reverse()) {
      const ws = wb.getWorksheet(m.sheet);
      if (!ws) continue;
      const c = ws.getCell(m.cell);
      // Exact where this host recorded the mark; another host's record gives a solid colour and plain text.
      setFill(c, m.xlsx ? (m.xlsx.fill as ExcelJS.Fill | null) : m.fill ? solidFill(m.fill) : null);
      if (ownsNote(m)) setNote(c, m.xlsx ? (m.xlsx.note as ExcelJS.Comment | string | null) : m.note);
    }
    const report = record.reportSheet ? wb.getWorksheet(record.reportSheet) : undefined;
    if (report) wb.removeWorksheet(report.id);
    writeState(wb, { annotations: null, settings });
  }

  async loadSettings(): Promise<WorkbookSettings | null> {
    return readState(this.workbook).settings;
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    writeState(this.workbook, { ...readState(this.workbook), settings });
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.lastSelection = { sheet, cell };
  }

  async addSheet(name: string, rows: (string | number | null)[][], columnWidths: number[]): Promise<boolean> {
    if (this.workbook.getWorksheet(name)) return false;
    writeReportSheet(this.workbook, dataSheetPlan(name, rows, columnWidths));
    return true;
  }
}
