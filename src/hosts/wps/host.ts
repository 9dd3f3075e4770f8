// Host over WPS Spreadsheets' ET object model (wps-notes §4). Thin: it reads used ranges, applies an
// annotation plan and undoes exactly what it applied; the rules live in src/core.
import { REPORT_MARKER_CELL, type AnnotationPlan, type CellMark } from '../../core/plan.ts';
import { markedNote, ownSheets, replacedReports, reportSheetName, type SheetFacts } from '../../plan/host-rules.ts';
import type { SheetValues } from '../../ledger/types.ts';
import type { Applied, Cleared, Host, WorkbookSettings } from '../types.ts';
import { parseCell } from '../../model/a1.ts';
import { hexToBgr } from './color.ts';
import { XL_SHEET_VERY_HIDDEN, XL_SHEET_VISIBLE, type EtApplication, type EtWorksheet, type EtWorksheets } from './et.ts';
import { headerMerges, valueRows, verticalRuns, writeBlock } from './ranges.ts';
import { dataSheetPlan } from '../../plan/data-sheet.ts';
import { writeReportSheet } from './report.ts';
import { decodeSlots, encodeSlots, markKey, NO_STATE, ownsNote, STATE_SHEET, writtenNoteHash, type AnnotationRecord, type MarkRecord, type StateSlots } from '../state.ts';
import { fillIsOurs, noteAfterClear, noteHash, placeMarks, restoredCount, type Grid, type LeftMark, type Placed } from '../../plan/identity.ts';
import { fillToRestore, recordFill } from './state.ts';

const isVisible = (ws: EtWorksheet) => ws.Visible === XL_SHEET_VISIBLE || ws.Visible === true;

export class WpsHost implements Host {
  readonly kind = 'wps' as const;

  /** `app` is the global `Application` inside WPS; tests pass a stand-in. */
  constructor(private readonly app: EtApplication) {}

  async readWorkbook(): Promise<SheetValues[]> {
    const own = ownSheets(this.sheetFacts());
    const out: SheetValues[] = [];
    for (const ws of this.allSheets()) {
      if (!isVisible(ws) || own.has(ws.Name)) continue;
      const used = ws.UsedRange;
      const sheet: SheetValues = { name: ws.Name, values: valueRows(used.Value2), origin: { row: used.Row, col: used.Column } };
      const merges = headerMerges(ws, used);
      if (merges.length > 0) sheet.merges = merges;
      out.push(sheet);
    }
    return out;
  }

  async activeSheet(): Promise<string | null> {
    return this.app.ActiveSheet?.Name ?? null;
  }

  async apply(plan: AnnotationPlan): Promise<Applied> {
    const slots = this.readSlots();
    const facts = this.sheetFacts();
    const replaced = replacedReports(facts, slots.annotations?.reportSheet);
    const reportName = reportSheetName(plan.reportSheet.name, facts, replaced);
    let left: LeftMark[] = [];
    this.withScreenOff(() => {
      // The earlier marks come off first, each found where the clerk's row moves put it: in the values the plan
      // was made from, or (another sheet) in the sheet's values now. What is left then is the cells' own look.
      const planned = new Map((plan.grids ?? []).map((g) => [g.sheet, g]));
      if (slots.annotations) left = this.restore(slots.annotations, (name) => planned.get(name)).left;
      const groups = [...groupBy(plan.marks, (m) => m.sheet)].map(([name, marks]) => ({ ws: this.sheet(name), marks }));
      const originals = groups.flatMap(({ ws, marks }) => marks.map((m) => original(ws, m)));
      // Saved before anything is written, so a run that fails half-way can still be cleared.
      this.writeSlots({ annotations: { version: 2, reportSheet: reportName, marks: originals }, settings: slots.settings });

      const clerkNotes = new Map(originals.map((o) => [markKey(o.sheet, o.cell), o.note]));
      for (const { ws, marks: group } of groups) {
        const cells = group.map((m) => ({ ...parseCell(m.cell), value: m.fill.toUpperCase() }));
        for (const run of verticalRuns(cells)) ws.Range(run.address).Interior.Color = hexToBgr(run.value);
        for (const m of group) {
          const rng = ws.Range(m.cell);
          rng.ClearComments();
          rng.AddComment(markedNote(clerkNotes.get(markKey(m.sheet, m.cell)) ?? null, m.note));
        }
      }

      for (const name of replaced) this.deleteSheet(name);
      const report = this.addSheetAtEnd(reportName);
      writeReportSheet(report, { ...plan.reportSheet, name: reportName });
      report.Activate();
    });
    return { reportSheet: reportName, left };
  }

  async clear(): Promise<Cleared> {
    const slots = this.readSlots();
    const annotations = slots.annotations;
    const replaced = replacedReports(this.sheetFacts(), annotations?.reportSheet);
    if (!annotations && replaced.size === 0) return { restored: 0, left: [] };
    let placed = { restored: 0, left: [] as LeftMark[] };
    this.withScreenOff(() => {
      if (annotations) {
        const restored = this.restore(annotations, () => undefined);
        placed = { restored: restoredCount(restored.placed), left: restored.left };
      }
      for (const name of replaced) this.deleteSheet(name);
      if (annotations) this.writeSlots({ annotations: null, settings: slots.settings });
    });
    return placed;
  }

  async loadSettings(): Promise<WorkbookSettings | null> {
    return this.readSlots().settings;
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    this.writeSlots({ ...this.readSlots(), settings });
  }

  async select(sheet: string, cell: string): Promise<void> {
    const ws = this.sheet(sheet);
    ws.Activate();
    ws.Range(cell).Select();
  }

  async addSheet(name: string, rows: (string | number | null)[][], columnWidths: number[]): Promise<boolean> {
    if (this.findSheet(name)) return false;
    writeReportSheet(this.addSheetAtEnd(name), dataSheetPlan(name, rows, columnWidths));
    return true;
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────────────

  private worksheets(): EtWorksheets {
    const wb = this.app.ActiveWorkbook;
    if (!wb) throw new Error('没有打开的工作簿，请先打开台账所在的工作簿。');
    return wb.Worksheets;
  }

  private allSheets(): EtWorksheet[] {
    const sheets = this.worksheets();
    return Array.from({ length: sheets.Count }, (_, i) => sheets.Item(i + 1));
  }

  private findSheet(name: string): EtWorksheet | null {
    return this.allSheets().find((ws) => ws.Name === name) ?? null;
  }

  private sheet(name: string): EtWorksheet {
    const ws = this.findSheet(name);
    if (!ws) throw new Error(`找不到工作表 ${name}。`);
    return ws;
  }

  /**
   * Puts back every fill and comment an apply covered (by any host), on each cell found again by its school and
   * column (plan/identity.ts); returns those placed, and the marks left because their cell could not be found with certainty.
   */
  private restore(record: AnnotationRecord, known: (sheet: string) => Grid | undefined): { placed: Placed<MarkRecord>[]; left: LeftMark[] } {
    const sheets = new Map(this.allSheets().map((ws) => [ws.Name, ws]));
    const read = new Map<string, Grid>();
    const gridOf = (name: string): Grid | null => {
      const ws = sheets.get(name);
      if (!ws) return null; // the user deleted the sheet since; nothing left to restore there
      const grid = known(name) ?? read.get(name);
      if (grid) return grid;
      // Read only for marks that carry an identity (an older record is restored by address).
      if (!record.marks.some((m) => m.sheet === name && m.id)) return { values: [] };
      const used = ws.UsedRange;
      const values = { values: valueRows(used.Value2), origin: { row: used.Row, col: used.Column } };
      read.set(name, values);
      return values;
    };
    const { placed, left } = placeMarks(record.marks, gridOf);
    for (const { mark: m, cell } of placed) {
      const rng = sheets.get(m.sheet)!.Range(cell);
      // A fill the clerk gave the cell since validation is theirs (fillIsOurs): only ours is taken off.
      if (fillIsOurs(recordFill(rng.Interior.Pattern, rng.Interior.Color).fill)) {
        const fill = fillToRestore(m);
        if (fill.color !== undefined) rng.Interior.Color = fill.color;
        rng.Interior.Pattern = fill.pattern;
      }
      if (!ownsNote(m)) continue;
      const comment = rng.Comment;
      const now = comment ? comment.Text() : null;
      // A note the clerk edited or deleted since validation is theirs: it stays (noteAfterClear).
      const target = noteAfterClear(writtenNoteHash(m), now, m.note);
      if (target === now) continue;
      rng.ClearComments();
      if (target !== null) rng.AddComment(target);
    }
    return { placed, left };
  }

  /** What plan/host-rules.ts decides by: each sheet's name and what it holds in the marker cell. */
  private sheetFacts(): SheetFacts[] {
    return this.allSheets().map((ws) => ({ name: ws.Name, marker: ws.Range(REPORT_MARKER_CELL).Value2 }));
  }

  private readSlots(): StateSlots {
    const ws = this.findSheet(STATE_SHEET);
    return ws ? decodeSlots(valueRows(ws.UsedRange.Value2)) : { ...NO_STATE };
  }

  /** Rewrites the state sheet in one Value2 write; drops it once nothing is left to remember. */
  private writeSlots(slots: StateSlots): void {
    const existing = this.findSheet(STATE_SHEET);
    if (!slots.annotations && !slots.settings) {
      if (existing) this.deleteSheet(STATE_SHEET);
      return;
    }
    const ws = existing ?? this.createStateSheet();
    ws.UsedRange.ClearContents();
    const grid = encodeSlots(slots);
    ws.Range(`A1:B${grid.length}`).NumberFormat = '@';
    writeBlock(ws, 1, 1, grid);
  }

  private createStateSheet(): EtWorksheet {
    const active = this.app.ActiveSheet;
    const ws = this.addSheetAtEnd(STATE_SHEET);
    ws.Visible = XL_SHEET_VERY_HIDDEN;
    active?.Activate(); // Add activates the new sheet; the user stays where they were
    return ws;
  }

  private addSheetAtEnd(name: string): EtWorksheet {
    const sheets = this.worksheets();
    const ws = sheets.Add(null, sheets.Item(sheets.Count));
    ws.Name = name;
    return ws;
  }

  /** Deletes without WPS asking the user to confirm (DisplayAlerts, the Excel rule; ⚠ wps-notes §4). */
  private deleteSheet(name: string): void {
    const ws = this.findSheet(name);
    if (!ws) return;
    this.app.DisplayAlerts = false;
    try {
      ws.Delete();
    } finally {
      this.app.DisplayAlerts = true;
    }
  }

  private withScreenOff(run: () => void): void {
    this.app.ScreenUpdating = false;
    try {
      run();
    } finally {
      this.app.ScreenUpdating = true;
    }
  }
}

/** The fill and comment a mark is about to cover, the cell's identity, and a hash of the note about to be written. */
function original(ws: EtWorksheet, m: CellMark): MarkRecord {
  const rng = ws.Range(m.cell);
  const comment = rng.Comment;
  const note = comment ? comment.Text() : null;
  return { sheet: m.sheet, cell: m.cell, ...recordFill(rng.Interior.Pattern, rng.Interior.Color), note, ...(m.id ? { id: m.id } : {}), noteHash: noteHash(markedNote(note, m.note)) };
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}
