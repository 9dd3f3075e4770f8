// Host over WPS Spreadsheets' ET object model (wps-notes §4). Thin: it reads used ranges, applies an
// annotation plan and undoes exactly what it applied; the rules live in src/core.
import { REPORT_SHEET, type AnnotationPlan, type CellMark } from '../../core/plan.ts';
import type { SheetValues } from '../../ledger/types.ts';
import type { Host, WorkbookSettings } from '../types.ts';
import { parseCell } from './a1.ts';
import { hexToBgr } from './color.ts';
import {
  XL_PATTERN_NONE,
  XL_SHEET_VERY_HIDDEN,
  type EtApplication,
  type EtWorksheet,
  type EtWorksheets,
} from './et.ts';
import { valueRows, verticalRuns, writeBlock } from './ranges.ts';
import { writeReportSheet } from './report.ts';
import { decodeState, encodeState, STATE_SHEET, type HostState, type MarkOriginal } from './state.ts';

// Visible is xlSheetVisible (-1) or true for a shown sheet; hidden 0 and very hidden 2 are not.
const isVisible = (ws: EtWorksheet) => (ws.Visible as unknown) !== 0 && ws.Visible !== XL_SHEET_VERY_HIDDEN && (ws.Visible as unknown) !== false;

export class WpsHost implements Host {
  readonly kind = 'wps' as const;

  /** `app` is the global `Application` inside WPS; tests pass a stand-in. */
  constructor(private readonly app: EtApplication) {}

  async readWorkbook(): Promise<SheetValues[]> {
    const own = new Set([REPORT_SHEET, STATE_SHEET]);
    const out: SheetValues[] = [];
    for (const ws of this.allSheets()) {
      if (!isVisible(ws) || own.has(ws.Name)) continue;
      const used = ws.UsedRange;
      out.push({ name: ws.Name, values: valueRows(used.Value2), origin: { row: used.Row, col: used.Column } });
    }
    return out;
  }

  async activeSheet(): Promise<string | null> {
    return this.app.ActiveSheet?.Name ?? null;
  }

  async apply(plan: AnnotationPlan): Promise<void> {
    this.withScreenOff(() => {
      const previous = this.readState();
      if (previous) this.restore(previous);
      const marks = plan.marks;
      const originals = marks.map((m) => this.original(m));
      // Saved before anything is written, so a run that fails half-way can still be cleared.
      this.writeState({ version: 1, settings: previous?.settings, marks: originals, reportSheet: plan.reportSheet.name });

      for (const [sheet, group] of groupBy(marks, (m) => m.sheet)) {
        const ws = this.sheet(sheet);
        const cells = group.map((m) => ({ ...parseCell(m.cell), value: m.fill.toUpperCase() }));
        for (const run of verticalRuns(cells)) ws.Range(run.address).Interior.Color = hexToBgr(run.value);
        for (const m of group) {
          const rng = ws.Range(m.cell);
          rng.ClearComments();
          rng.AddComment(m.note);
        }
      }

      this.deleteSheet(plan.reportSheet.name);
      const report = this.addSheetAtEnd(plan.reportSheet.name);
      writeReportSheet(report, plan.reportSheet);
      report.Activate();
    });
  }

  async clear(): Promise<void> {
    const state = this.readState();
    if (!state) return;
    this.withScreenOff(() => {
      this.restore(state);
      if (state.settings) this.writeState({ version: 1, settings: state.settings, marks: [] });
      else this.deleteSheet(STATE_SHEET);
    });
  }

  async loadSettings(): Promise<WorkbookSettings | null> {
    try {
      return this.readState()?.settings ?? null;
    } catch {
      return null;
    }
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    const state = this.readState() ?? { version: 1, marks: [] };
    this.writeState({ ...state, settings });
  }

  async select(sheet: string, cell: string): Promise<void> {
    const ws = this.sheet(sheet);
    ws.Activate();
    ws.Range(cell).Select();
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

  private original(m: CellMark): MarkOriginal {
    const rng = this.sheet(m.sheet).Range(m.cell);
    const comment = rng.Comment;
    return {
      sheet: m.sheet,
      cell: m.cell,
      pattern: rng.Interior.Pattern,
      color: rng.Interior.Color,
      comment: comment ? comment.Text() : null,
    };
  }

  /** Puts back every fill and comment the last apply covered and removes its report sheet. */
  private restore(state: HostState): void {
    for (const o of state.marks) {
      const ws = this.findSheet(o.sheet);
      if (!ws) continue; // the user deleted the sheet since; nothing left to restore there
      const rng = ws.Range(o.cell);
      if (o.pattern === XL_PATTERN_NONE) {
        rng.Interior.Pattern = XL_PATTERN_NONE;
      } else {
        rng.Interior.Color = o.color;
        rng.Interior.Pattern = o.pattern;
      }
      rng.ClearComments();
      if (o.comment !== null) rng.AddComment(o.comment);
    }
    if (state.reportSheet) this.deleteSheet(state.reportSheet);
  }

  private readState(): HostState | null {
    const ws = this.findSheet(STATE_SHEET);
    if (!ws) return null;
    return decodeState(valueRows(ws.UsedRange.Value2).map((r) => r[0]));
  }

  private writeState(state: HostState): void {
    const ws = this.findSheet(STATE_SHEET) ?? this.createStateSheet();
    ws.UsedRange.ClearContents();
    writeBlock(ws, 1, 1, encodeState(state).map((chunk) => [chunk]));
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
