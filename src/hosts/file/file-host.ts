// The file host: the Host interface over the .xlsx package itself, for the CLI, the browser-only task pane
// and realistic tests. It edits the package the way Excel would: only the parts it owns change (the marked
// cells' style references, that sheet's notes, the styles part, our report and state sheets and the entries
// they need); every other part is copied byte for byte. No node:fs here (the browser bundle uses it).
import type { AnnotationPlan } from '../../core/plan.ts';
import { cellAddress, columnNumber, parseCell } from '../../model/a1.ts';
import type { SheetValues } from '../../ledger/types.ts';
import { dataSheetPlan } from '../../plan/data-sheet.ts';
import { ownSheets, replacedReports, reportSheetName, type SheetFacts } from '../../plan/host-rules.ts';
import { REPORT_MARKER_CELL } from '../../model/sheets.ts';
import { NO_STATE, solidColour, writtenNoteHash, type MarkRecord, type StateSlots } from '../state.ts';
import type { Applied, Cleared, Host, WorkbookSettings } from '../types.ts';
import { fillIsOurs, noteHash, noteIsOurs, placeMarks, restoredCount, type LeftMark, type Placed } from '../../plan/identity.ts';
import { WorkbookReadError, checkXlsxSignature } from './errors.ts';
import { editLegacyDrawing, legacyDrawingId, SheetNotes } from './notes.ts';
import { NS, relativeTarget, type SheetEntry } from './package.ts';
import { Package } from './package.ts';
import { reportSheetXml, solidFillXml, writeReportSheet } from './report-xml.ts';
import { patchSheet, type StyleEdit } from './sheet-patch.ts';
import { readSharedStrings, readSheet, type SheetContent } from './sheet-read.ts';
import { decodeState, findStateSheet, STATE_SHEET, writeStateSheet } from './state.ts';
import { dateStyles, StyleBook, STYLES_EMPTY } from './styles.ts';
import { activeTab, addWorksheet, date1904, removeWorksheet } from './workbook.ts';
import { attr, xstr } from './xml.ts';
import { addReportChart } from './chart.ts';
import { streamedEntry } from './zip.ts';

const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

const toBytes = (buf: ArrayBuffer | Uint8Array): Uint8Array => (buf instanceof Uint8Array ? buf : new Uint8Array(buf));

/** "F9" → [9, 6]. */
function rowCol(cell: string): [number, number] | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(cell.trim());
  if (!m) return null;
  return [Number(m[2]), columnNumber(m[1])!];
}

const refOf = cellAddress;
const MARKER = parseCell(REPORT_MARKER_CELL);

/** A cell format with another fill: the clerk's own format, everything else (font, border, number format…) kept. */
function withFill(xf: string, fillId: number): string {
  const end = xf.indexOf('>');
  let tag = xf.slice(0, end + 1);
  const close = tag.endsWith('/>');
  if (close) tag = tag.slice(0, -2) + '>';
  tag = /\sfillId="/.test(tag) ? tag.replace(/\sfillId="[^"]*"/, ` fillId="${fillId}"`) : tag.replace(/>$/, ` fillId="${fillId}">`);
  // No fill: as Excel writes a format without one (no applyFill), so readers see none rather than "pattern none".
  tag = tag.replace(/\sapplyFill="[^"]*"/, '');
  if (fillId !== 0) tag = tag.replace(/>$/, ' applyFill="1">');
  return close ? tag.slice(0, -1) + '/>' : tag + xf.slice(end + 1);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}

export type { LeftMark };

export class FileHost implements Host {
  readonly kind = 'file' as const;
  /** The last cell select() was asked for: the file host has no window to scroll. */
  lastSelection: { sheet: string; cell: string } | null = null;
  private strings: string[] | null = null;
  private readonly contents = new Map<string, SheetContent>();
  /** Each sheet part's value in REPORT_MARKER_CELL (sheetFacts). */
  private readonly markers = new Map<string, unknown>();
  /** The state as read once, then as last written (writeState): never read back from the part we wrote. */
  private stateCache: { slots: StateSlots; sheet: SheetEntry | null } | null = null;

  constructor(
    readonly pkg: Package,
    readonly name = '工作簿',
  ) {}

  static async fromBuffer(buf: ArrayBuffer | Uint8Array, name = '工作簿'): Promise<FileHost> {
    const bytes = toBytes(buf);
    checkXlsxSignature(bytes, name);
    const pkg = Package.open(bytes, name);
    const host = new FileHost(pkg, name);
    if (pkg.sheets().length === 0) throw new WorkbookReadError('corrupt', `无法读取工作簿 ${name}：没有任何工作表`);
    return host;
  }

  /** The annotated package. An .xlsm stays an .xlsm: its macro project and content types are parts we never touch. */
  async toBuffer(): Promise<Uint8Array> {
    return this.pkg.toBytes();
  }

  /** Whether the workbook holds macros (its main part is macro-enabled): the file to write is then an .xlsm. */
  get macroEnabled(): boolean {
    const ct = this.pkg.text('[Content_Types].xml') ?? '';
    return /macroEnabled/i.test(ct) && this.pkg.partNames().some((n) => /vbaProject\.bin$/i.test(n));
  }

  private sharedStrings(): string[] {
    if (!this.strings) {
      const wb = this.pkg.workbookPath();
      const sst = this.pkg.related(wb, NS.sharedStrings)[0];
      this.strings = readSharedStrings(sst ? this.pkg.text(sst.path) : null);
    }
    return this.strings;
  }

  private stylesPath(): string | null {
    return this.pkg.related(this.pkg.workbookPath(), NS.styles)[0]?.path ?? null;
  }

  private content(sheet: SheetEntry): SheetContent {
    let c = this.contents.get(sheet.path);
    if (!c) {
      const styles = this.stylesPath();
      c = readSheet(this.pkg, sheet.path, {
        strings: this.sharedStrings(),
        dateStyles: dateStyles(styles ? this.pkg.text(styles) : null),
        date1904: date1904(this.pkg),
      });
      this.contents.set(sheet.path, c);
    }
    return c;
  }

  private state(): { slots: StateSlots; sheet: SheetEntry | null } {
    if (!this.stateCache) {
      const found = findStateSheet(this.pkg, this.pkg.sheets(), () => this.sharedStrings());
      this.stateCache = { slots: decodeState(found), sheet: found?.sheet ?? null };
    }
    return this.stateCache;
  }

  /** Our sheets (plan/host-rules.ts): the state sheet (also when found by its own marker) and our reports. */
  private ours(): Set<string> {
    const { sheet } = this.state();
    const own = ownSheets(this.sheetFacts());
    if (sheet) own.add(sheet.name);
    return own;
  }

  /**
   * What plan/host-rules.ts decides by: each sheet's name and its marker cell. Read once per sheet part and kept:
   * our edits to a clerk's sheet (fills, notes) never change a value, and a part we add or remove is dropped here.
   */
  private sheetFacts(): SheetFacts[] {
    const state = this.state().sheet?.path;
    return this.pkg.sheets().map((s) => {
      // The state sheet is ours by what it holds (findStateSheet), never a report: not parsed again for a marker.
      if (s.path === state) return { name: s.name, marker: null };
      if (!this.markers.has(s.path)) this.markers.set(s.path, this.content(s).values[MARKER.row - 1]?.[MARKER.col - 1] ?? null);
      return { name: s.name, marker: this.markers.get(s.path) };
    });
  }

  async readWorkbook(): Promise<SheetValues[]> {
    const ours = this.ours();
    return this.pkg
      .sheets()
      .filter((s) => s.state === 'visible' && !ours.has(s.name))
      .map((s) => {
        const { values, merges } = this.content(s);
        return { name: s.name, values, origin: { row: 1, col: 1 }, merges };
      });
  }

  async activeSheet(): Promise<string | null> {
    const sheets = this.pkg.sheets();
    const active = sheets[activeTab(this.pkg)];
    if (active && active.state === 'visible') return active.name;
    return sheets.find((s) => s.state === 'visible')?.name ?? null;
  }

  private styleBook(): StyleBook {
    const path = this.stylesPath();
    return new StyleBook((path && this.pkg.text(path)) || STYLES_EMPTY);
  }

  private saveStyles(book: StyleBook): void {
    if (!book.changed()) return;
    let path = this.stylesPath();
    if (!path) {
      const wb = this.pkg.workbookPath();
      path = 'xl/styles.xml';
      this.pkg.addRel(wb, NS.styles, relativeTarget(wb, path));
      this.pkg.setContentType(path, STYLES_TYPE);
    }
    this.pkg.set(path, book.toXml());
  }

  async apply(plan: AnnotationPlan): Promise<Applied> {
    const facts = this.sheetFacts();
    const reportName = reportSheetName(plan.reportSheet.name, facts, replacedReports(facts, this.state().slots.annotations?.reportSheet));
    const { left } = await this.clear();
    const book = this.styleBook();
    const records: MarkRecord[] = [];
    const bySheet = groupBy(plan.marks, (m) => m.sheet);
    const sheets = this.pkg.sheets();
    for (const [name, marks] of bySheet) {
      const sheet = sheets.find((s) => s.name === name);
      if (!sheet) continue;
      const content = this.content(sheet);
      const notes = SheetNotes.load(this.pkg, sheet.path, legacyDrawingId(content.tail));
      const cells = new Map<number, Map<number, StyleEdit>>();
      for (const mark of marks) {
        const rc = rowCol(mark.cell);
        if (!rc) continue;
        const [row, col] = rc;
        const ref = refOf(row, col);
        const threaded = notes.threaded(ref);
        const comment = threaded ? undefined : notes.get(ref);
        const record: MarkRecord = {
          sheet: name,
          cell: ref,
          fill: null,
          note: comment === undefined ? null : SheetNotes.text(comment),
          ooxml: { s: null, ours: 0, fill: null },
          ...(threaded ? { via: 'none' as const } : {}),
        };
        if (mark.id) record.id = mark.id;
        if (!threaded) {
          const written = notes.write(ref, mark.note);
          record.ooxml!.comment = comment ?? null;
          record.noteHash = noteHash(written);
        }
        const ourFill = book.add('fills', solidFillXml(mark.fill));
        const edit: StyleEdit = (current, existed) => {
          const xf = book.item('cellXfs', current) ?? book.item('cellXfs', 0) ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
          const fill = book.item('fills', Number(attr(xf, 'fillId') ?? 0)) ?? null;
          record.fill = solidColour(fillObject(fill));
          const ours = book.add('cellXfs', withFill(xf, ourFill));
          record.ooxml = { ...record.ooxml!, s: existed ? current : null, ours, fill };
          return ours;
        };
        if (!cells.has(row)) cells.set(row, new Map());
        cells.get(row)!.set(col, edit);
        records.push(record);
      }
      const legacy = notes.save();
      patchSheet(this.pkg, sheet.path, { cells, tail: (t) => editLegacyDrawing(t, legacy, content.relPrefix) });
      this.contents.delete(sheet.path);
    }
    // The sheet is registered first, so the chart's relationship exists when the sheet (streamed) names it.
    const report = addWorksheet(this.pkg, reportName, '');
    const drawingRelId = addReportChart(this.pkg, report, plan.reportSheet);
    this.pkg.setEntry(report.path, streamedEntry(report.path, (push) => writeReportSheet(plan.reportSheet, book, { drawingRelId }, push)));
    // Known without parsing the sheet just written back.
    this.markers.set(report.path, plan.reportSheet.rows[MARKER.row - 1]?.[MARKER.col - 1]?.v ?? null);
    this.saveStyles(book);
    this.writeState({ annotations: { version: 2, reportSheet: reportName, marks: records }, settings: this.state().slots.settings });
    return { reportSheet: reportName, left };
  }

  async clear(): Promise<Cleared> {
    const { slots } = this.state();
    const left: LeftMark[] = [];
    let restored = 0;
    const record = slots.annotations;
    if (record) {
      const book = this.styleBook();
      const bySheet = groupBy(record.marks, (m) => m.sheet);
      const sheets = this.pkg.sheets();
      const placed: Placed<MarkRecord>[] = [];
      for (const [name, marks] of bySheet) {
        const sheet = sheets.find((s) => s.name === name);
        if (sheet) placed.push(...this.restoreSheet(sheet, marks, book, left));
      }
      this.saveStyles(book);
      restored = restoredCount(placed);
    }
    this.removeReports(record?.reportSheet);
    this.writeState({ annotations: null, settings: slots.settings });
    return { restored, left };
  }

  /** Gives the placed marks of one sheet back their cells' own look; returns those placed, adds the others to `left`. */
  private restoreSheet(sheet: SheetEntry, marks: MarkRecord[], book: StyleBook, left: LeftMark[]): Placed<MarkRecord>[] {
    const content = this.content(sheet);
    const notes = SheetNotes.load(this.pkg, sheet.path, legacyDrawingId(content.tail));
    const cells = new Map<number, Map<number, StyleEdit>>();
    const { placed, left: unplaced } = placeMarks(marks, () => content);
    for (const m of unplaced) left.push(m);
    for (const { mark: m, row, col, cell: ref } of placed) {
      const edit: StyleEdit = (current, _existed, fallback) => {
        const o = m.ooxml;
        // The formats as we left them: only while the cell's format still shows our fill and its own format still
        // has its own fill. Another program saving the file renumbers the formats, and then index o.s may be any
        // other cell's format (a clerk's new fill on another marked cell spread to this one).
        if (o && current === o.ours && intact(book, o)) return o.s ?? fallback;
        // Renumbered by another program (or recorded by another host): our fill goes, the clerk's comes back.
        const xf = book.item('cellXfs', current);
        if (!xf) return null;
        const now = solidColour(fillObject(book.item('fills', Number(attr(xf, 'fillId') ?? 0)) ?? null));
        if (!fillIsOurs(now)) return null;
        const original = o?.fill ?? (m.fill ? solidFillXml(m.fill) : null);
        return book.add('cellXfs', withFill(xf, original ? book.add('fills', original) : 0));
      };
      if (!cells.has(row)) cells.set(row, new Map());
      cells.get(row)!.set(col, edit);
      if (m.via === 'none') continue;
      const current = notes.get(ref);
      if (current === null) continue;
      const text = SheetNotes.text(current) ?? '';
      // A note the clerk edited since is the clerk's now: it stays as it is.
      if (!noteIsOurs(writtenNoteHash(m), text)) continue;
      if (m.ooxml && m.ooxml.comment !== undefined) notes.restore(ref, m.ooxml.comment);
      else notes.restore(ref, m.note ? plainComment(ref, m.note, current) : null);
    }
    const legacy = notes.save();
    patchSheet(this.pkg, sheet.path, { cells, tail: (t) => editLegacyDrawing(t, legacy, content.relPrefix) });
    this.contents.delete(sheet.path);
    return placed;
  }

  private removeSheet(sheet: SheetEntry): void {
    removeWorksheet(this.pkg, sheet);
    this.contents.delete(sheet.path);
    this.markers.delete(sheet.path);
  }

  /** Removes the reports of ours a run replaces (plan/host-rules.ts replacedReports: never a sheet without our marker). */
  private removeReports(recorded: string | null | undefined): void {
    for (const name of replacedReports(this.sheetFacts(), recorded)) {
      const sheet = this.pkg.sheets().find((s) => s.name === name);
      if (sheet) this.removeSheet(sheet);
    }
  }

  /**
   * Rewrites the state sheet (at the end of the sheet list), or drops it once nothing is left to keep. Its XML
   * is made once, when the package is written or the part read: a validation replaces the state twice (marks,
   * then settings), some 23 MB each for 40,000 marks.
   */
  private writeState(slots: StateSlots): void {
    const old = this.state().sheet;
    if (old) this.removeSheet(old);
    let sheet: SheetEntry | null = null;
    if (slots.annotations || slots.settings) {
      const added = addWorksheet(this.pkg, STATE_SHEET, '', 'veryHidden');
      this.pkg.setDeferred(added.path, () => streamedEntry(added.path, (push) => writeStateSheet(slots, push)));
      sheet = added;
    }
    this.stateCache = { slots, sheet };
  }

  /** Whether the workbook carries annotations of ours (any host's) to clear. */
  hasAnnotations(): boolean {
    return this.state().slots.annotations !== null;
  }

  async loadSettings(): Promise<WorkbookSettings | null> {
    return this.state().slots.settings;
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    const { slots } = this.state();
    this.writeState({ ...(slots ?? NO_STATE), settings });
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.lastSelection = { sheet, cell };
  }

  async addSheet(name: string, rows: (string | number | null)[][], columnWidths: number[]): Promise<boolean> {
    if (this.pkg.sheets().some((s) => s.name === name)) return false;
    const book = this.styleBook();
    addWorksheet(this.pkg, name, reportSheetXml(dataSheetPlan(name, rows, columnWidths), book));
    this.saveStyles(book);
    return true;
  }
}

/** The fill element of a cell format in the styles part (null when it names none). */
function fillOf(book: StyleBook, xf: string | undefined): string | null {
  return xf === undefined ? null : (book.item('fills', Number(attr(xf, 'fillId') ?? 0)) ?? null);
}

/** Whether the cell formats a mark recorded are still where it recorded them (no other program renumbered them). */
function intact(book: StyleBook, o: NonNullable<MarkRecord['ooxml']>): boolean {
  const ours = book.item('cellXfs', o.ours);
  if (ours === undefined || !fillIsOurs(solidColour(fillObject(fillOf(book, ours))))) return false;
  return o.s === null || (book.item('cellXfs', o.s) !== undefined && fillOf(book, book.item('cellXfs', o.s)) === o.fill);
}

/** A <fill> element as the object solidColour() reads (solid pattern, an rgb foreground). */
function fillObject(fill: string | null): unknown {
  if (!fill) return null;
  const pattern = /patternType="([^"]*)"/.exec(fill)?.[1];
  const rgb = /<fgColor[^>]*\srgb="([0-9A-Fa-f]{8})"/.exec(fill)?.[1];
  return pattern ? { type: 'pattern', pattern, fgColor: rgb ? { argb: rgb } : {} } : null;
}

/** A note another host recorded as plain text, written back under the author of the note now on the cell. */
function plainComment(ref: string, text: string, current: string): string {
  const author = attr(current, 'authorId') ?? '0';
  return `<comment ref="${ref}" authorId="${author}"><text><r><t xml:space="preserve">${xstr(text)}</t></r></text></comment>`;
}
