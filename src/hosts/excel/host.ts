// The Excel host: every Excel.run of the add-in lives here. Reads and writes are queued and sent in a small
// constant number of context.sync calls (plus one per 4 MB chunk), whatever the number of schools.
import { REPORT_MARKER_CELL, type AnnotationPlan, type CellMark, type ReportSheetPlan } from '../../core/plan.ts';
import { fillIsOurs, noteAfterClear, noteHash, placeMarks, restoredCount, type Grid, type LeftMark, type Placed } from '../../plan/identity.ts';
import { dataSheetPlan } from '../../plan/data-sheet.ts';
import type { SheetValues } from '../../ledger/types.ts';
import type { Applied, Cleared, Host, WorkbookSettings } from '../types.ts';
import { columnLetter, originOf } from '../../model/a1.ts';
import { CHUNK_BYTES, ChunkedBatch, payloadBytes } from './batch.ts';
import { layoutReport, type ReportLayout } from './report-layout.ts';
import { decodeSlots, encodeSlots, NO_STATE, STATE_SHEET, writtenNoteHash, type MarkRecord, type StateSlots } from '../state.ts';
import { markedNote, markKey, ownSheets, replacedReports, reportSheetName, type SheetFacts } from '../../plan/host-rules.ts';
import { normalizeFill, viaOf } from './state.ts';

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;
/** Excel.run; `undoGroup` asks for the whole batch to be one undo step where Excel supports it. */
type Run = <T>(batch: Batch<T>, undoGroup?: boolean) => Promise<T>;

export interface ExcelHostOptions {
  /** Excel.run, or a stand-in in tests. */
  run?: Run;
  /** Whether ranges report merged areas (ExcelApi 1.13). */
  mergesSupported?: () => boolean;
  /** Whether Excel.run accepts mergeUndoGroup (ExcelApi 1.20). */
  undoGroupSupported?: () => boolean;
  /** Whether worksheet notes (ExcelApi 1.18) exist; otherwise notes fall back to comments. */
  notesSupported?: () => boolean;
  /** Whether Range.setCellProperties (ExcelApi 1.9) exists, to send a column of report links in one call. */
  cellPropertiesSupported?: () => boolean;
  /** Chunk size in bytes (tests and the bench may lower it). */
  chunkBytes?: number;
}

/** Points per character of a column width in the plan (Excel's default column is 8.43 characters ≈ 48 pt). */
const POINTS_PER_CHAR = 6;
/** Cells per RangeAreas address list (Excel caps an address string's length). */
const ADDRESSES_PER_CALL = 200;
/** Bytes of a range's address arguments (row, column, counts) in a request. */
const RANGE_BYTES = 40;
/** Largest single write of report values or state rows, as a share of a chunk, so one write never fills a request. */
const BLOCK_SHARE = 8;

const supports = (version: string) => (): boolean =>
  typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported?.('ExcelApi', version) === true;

/** Excel on the web's error when a response would pass its 5 MB limit. */
const PAYLOAD_TOO_LARGE = 'RequestPayloadSizeLimitExceeded';
/** Response bytes budgeted per cell when a used range is read in blocks (a number or short text as JSON). */
const RESPONSE_BYTES_PER_CELL = 24;

/** Runs `work` whole, and once more reading in row blocks when Excel on the web refuses a response as too large. */
async function inBlocksIfTooLarge<T>(work: (inBlocks: boolean) => Promise<T>): Promise<T> {
  try {
    return await work(false);
  } catch (e) {
    if ((e as { code?: string }).code !== PAYLOAD_TOO_LARGE) throw e;
    return work(true);
  }
}

/** Thrown by Excel when an API in a merged undo group has no undo support (ExcelApi 1.20). */
const UNDO_NOT_SUPPORTED = 'UndoNotSupported';

interface SheetRead {
  sheets: Excel.WorksheetCollection;
  state: StateSlots;
  stateSheet: Excel.Worksheet | null;
}

export class ExcelHost implements Host {
  readonly kind = 'excel' as const;
  private readonly run: Run;
  private readonly notesSupported: () => boolean;
  private readonly undoGroupSupported: () => boolean;
  private readonly mergesSupported: () => boolean;
  private readonly cellPropertiesSupported: () => boolean;
  /** Set once Excel refused to group our writes; later runs write without grouping. */
  private undoGroupRefused = false;
  private readonly chunkBytes: number;
  /** Estimated requests of the last apply/clear (for the bench and the tests); `full` ones are chunk boundaries. */
  lastRequests: { bytes: number; full: boolean }[] = [];

  constructor(options: ExcelHostOptions = {}) {
    this.run = options.run ?? ((batch, undoGroup) => (undoGroup ? Excel.run({ mergeUndoGroup: true }, batch) : Excel.run(batch)));
    this.notesSupported = options.notesSupported ?? supports('1.18');
    this.undoGroupSupported = options.undoGroupSupported ?? supports('1.20');
    this.mergesSupported = options.mergesSupported ?? supports('1.13');
    this.cellPropertiesSupported = options.cellPropertiesSupported ?? supports('1.9');
    this.chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  }

  async readWorkbook(): Promise<SheetValues[]> {
    // Excel on the web answers at most 5 MB: a huge ledger is read again in row blocks.
    return inBlocksIfTooLarge((inBlocks) => this.readSheets(inBlocks));
  }

  /**
   * Two syncs: the sheet list (with our state, which names the report sheet we wrote), then every visible
   * sheet's used range and merged areas. In blocks: the second sync loads only each used range's address
   * and size, and the values follow in row blocks, one more sync per 4 MB.
   */
  private async readSheets(inBlocks: boolean): Promise<SheetValues[]> {
    const withMerges = this.mergesSupported();
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      await context.sync();
      const visible = sheets.items.filter((s) => s.visibility === 'Visible' && s.name !== STATE_SHEET);
      const used = visible.map((s) => {
        // With the values, each sheet's marker cell: our report (plan/host-rules.ts) is dropped after the sync.
        const marker = s.getRange(REPORT_MARKER_CELL);
        marker.load('values');
        const range = s.getUsedRangeOrNullObject(true);
        range.load(inBlocks ? 'address,rowCount,columnCount' : 'values,address');
        // Merged header cells: the ledger reader spreads a group header over its sub-headers.
        const merges = withMerges ? range.getMergedAreasOrNullObject() : null;
        merges?.load('address');
        return { sheet: s, range, merges, marker };
      });
      await context.sync();
      const own = ownSheets(used.map(({ sheet, marker }) => ({ name: sheet.name, marker: marker.values[0]?.[0] })));
      const theirs = used.filter(({ sheet }) => !own.has(sheet.name));
      const blocks = inBlocks ? await this.readBlocks(context, theirs) : null;
      return theirs.map(({ sheet, range, merges }, i): SheetValues => {
        if (range.isNullObject) return { name: sheet.name, values: [] };
        const values = blocks ? blocks[i] : range.values;
        const out: SheetValues = { name: sheet.name, values, origin: originOf(range.address) };
        if (merges && !merges.isNullObject && merges.address) out.merges = localAddresses(merges.address);
        return out;
      });
    });
  }

  private async readBlocks(context: Excel.RequestContext, used: { sheet: Excel.Worksheet; range: Excel.Range }[]): Promise<unknown[][][]> {
    const batch = new ChunkedBatch(context, this.chunkBytes);
    const pending: { index: number; block: Excel.Range }[] = [];
    for (const [index, { sheet, range }] of used.entries()) {
      if (range.isNullObject) continue;
      const { row, col } = originOf(range.address);
      const rowsPerBlock = Math.max(1, Math.floor(this.chunkBytes / BLOCK_SHARE / (range.columnCount * RESPONSE_BYTES_PER_CELL)));
      for (let r = 0; r < range.rowCount; r += rowsPerBlock) {
        const rows = Math.min(rowsPerBlock, range.rowCount - r);
        await batch.add(rows * range.columnCount * RESPONSE_BYTES_PER_CELL);
        const block = sheet.getRangeByIndexes(row - 1 + r, col - 1, rows, range.columnCount);
        block.load('values');
        pending.push({ index, block });
      }
    }
    await batch.flush();
    const out: unknown[][][] = used.map(() => []);
    for (const { index, block } of pending) for (const row of block.values) out[index].push(row);
    return out;
  }

  async activeSheet(): Promise<string | null> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load('name');
      await context.sync();
      return ws.name;
    });
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }

  async loadSettings(): Promise<WorkbookSettings | null> {
    return this.run(async (context) => (await this.readState(context)).state.settings);
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    await this.run(async (context) => {
      const read = await this.readState(context);
      const batch = new ChunkedBatch(context, this.chunkBytes);
      await this.writeState(context, batch, read, { ...read.state, settings });
      await batch.flush();
    });
  }

  /**
   * Runs a writing batch as one undo step where Excel allows it (ExcelApi 1.20 mergeUndoGroup). If Excel
   * refuses because some call in the batch has no undo support, the clerk is told to run it again; the next
   * run writes ungrouped. No automatic retry: a half-applied batch must not be read back as "the original".
   */
  private async write(batch: Batch<void>): Promise<void> {
    const group = !this.undoGroupRefused && this.undoGroupSupported();
    try {
      await this.run(batch, group);
    } catch (e) {
      if (group && (e as { code?: string }).code === UNDO_NOT_SUPPORTED) {
        this.undoGroupRefused = true;
        throw new Error('此版本 Excel 无法把本次写入合并为一步撤消，已改为逐项写入；请再操作一次。', { cause: e });
      }
      throw e;
    }
  }

  async apply(plan: AnnotationPlan): Promise<Applied> {
    // Only a sheet of earlier marks outside the plan's ledger is read here; nothing has been written when it fails.
    return inBlocksIfTooLarge((inBlocks) => this.applyOnce(plan, inBlocks));
  }

  private async applyOnce(plan: AnnotationPlan, inBlocks: boolean): Promise<Applied> {
    let reportSheet = plan.reportSheet.name;
    let left: LeftMark[] = [];
    await this.write(async (context) => {
      const read = await this.readState(context);
      const useNotes = this.notesSupported();
      const batch = new ChunkedBatch(context, this.chunkBytes);
      const marks = plan.marks;
      // Phase 2: every sheet's marker cell, how newly marked cells look now (their originals) and how the cells
      // marked last time look now, found where the clerk's row moves put them: in the values the plan was made
      // from (plan.grids), and only for earlier marks on another sheet in values read here (one more sync then).
      const facts = await this.loadMarkers(batch, read);
      const planned = new Map((plan.grids ?? []).map((g) => [g.sheet, g]));
      const placed = await this.placeRecorded(context, batch, read, (sheet) => planned.get(sheet), inBlocks);
      left = placed.left;
      const recorded = placed.marks;
      const previous = new Map(recorded.map((m) => [markKey(m.sheet, m.cell), m]));
      const fresh = marks.filter((m) => !previous.has(markKey(m.sheet, m.cell)));
      const seen = await this.look(context, batch, fresh, recorded, useNotes);
      const replaced = replacedReports(facts(), read.state.annotations?.reportSheet);
      const reportName = (reportSheet = reportSheetName(plan.reportSheet.name, facts(), replaced));
      const comments = useNotes && !recorded.some((m) => m.via === 'comment') ? new Set<string>() : await this.commentCells(context);

      // Phase 3: undo what is not marked any more, drop the old report, write the new marks, report and state.
      const keep = new Set(marks.map((m) => markKey(m.sheet, m.cell)));
      const stale = recorded.filter((m) => !keep.has(markKey(m.sheet, m.cell)));
      const untouched = await this.restore(context, batch, stale, seen, comments, useNotes);
      await this.dropReports(context, batch, replaced);
      await this.fill(context, batch, marks.map((m) => ({ sheet: m.sheet, cell: m.cell, color: m.fill })));
      const states: MarkRecord[] = [];
      for (const m of marks) {
        const key = markKey(m.sheet, m.cell);
        const before = previous.get(key);
        // A cell marked again keeps its recorded original, except a note the clerk edited since: that is theirs now.
        let state = before ? { ...before, note: viaOf(before) === 'note' ? noteAfterClear(writtenNoteHash(before), seen.notes.get(key) ?? null, before.note) : before.note } : (seen.looks.get(key) as MarkRecord);
        // …and a fill the clerk gave it since, which is theirs now (the exact forms described the older fill).
        const fillNow = seen.fills.get(key) ?? null;
        if (before && !fillIsOurs(fillNow)) {
          state = { ...state, fill: fillNow };
          delete state.ooxml;
          delete state.et;
          delete state.xlsx;
        }
        // Older Excel: a cell with the clerk's own comment thread gets our fill only; their thread stays untouched.
        if (!before && state.via === 'comment' && comments.has(key)) state = { ...state, via: 'none' };
        state = { ...state, sheet: m.sheet, cell: m.cell };
        delete state.id;
        delete state.noteHash;
        if (m.id) state.id = m.id;
        const written = await this.writeMark(context, batch, m, state, seen.notes.has(key), comments.has(key), useNotes);
        if (written !== null) state.noteHash = noteHash(written);
        states.push(state);
      }
      states.push(...untouched);
      // The state (each mark's original and identity) goes with the marks, and the report travels in a request of
      // its own: the marks, notes and state of 10,000 schools fill one 4 MB chunk and their report another, so
      // every county up to 10,000 schools takes the same number of syncs (one more round trip than packing a small
      // county's marks and report together would take).
      await this.writeState(context, batch, read, { settings: read.state.settings, annotations: { version: 2, reportSheet: reportName, marks: states } });
      await batch.flush();
      await this.writeReport(context, batch, { ...plan.reportSheet, name: reportName });
      await batch.flush();
      this.lastRequests = batch.sent;
    });
    return { reportSheet, left };
  }

  async addSheet(name: string, rows: (string | number | null)[][], columnWidths: number[]): Promise<boolean> {
    let added = false;
    await this.write(async (context) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      if (!existing.isNullObject) return;
      const batch = new ChunkedBatch(context, this.chunkBytes);
      await this.writeReport(context, batch, dataSheetPlan(name, rows, columnWidths));
      await batch.flush();
      added = true;
    });
    return added;
  }

  async clear(): Promise<Cleared> {
    // The ledger's values may not fit one response; nothing has been written when that sync fails.
    return inBlocksIfTooLarge((inBlocks) => this.clearOnce(inBlocks));
  }

  private async clearOnce(inBlocks: boolean): Promise<Cleared> {
    let restored = 0;
    let left: LeftMark[] = [];
    await this.write(async (context) => {
      const read = await this.readState(context);
      const useNotes = this.notesSupported();
      const batch = new ChunkedBatch(context, this.chunkBytes);
      // Phase 2 reads the marked sheets' values with the marker cells and places every mark there (plan/identity.ts);
      // phase 3 looks at the placed cells; phase 4 writes.
      const facts = await this.loadMarkers(batch, read);
      const placed = await this.placeRecorded(context, batch, read, () => undefined, inBlocks);
      left = placed.left;
      const recorded = placed.marks;
      const seen = await this.look(context, batch, [], recorded, useNotes);
      const comments = recorded.some((m) => m.via === 'comment') ? await this.commentCells(context) : new Set<string>();
      const untouched = await this.restore(context, batch, recorded, seen, comments, useNotes);
      await this.dropReports(context, batch, replacedReports(facts(), read.state.annotations?.reportSheet));
      restored = restoredCount(placed.placed, untouched);
      const annotations = untouched.length > 0 ? { version: 2 as const, reportSheet: null, marks: untouched } : null;
      await this.writeState(context, batch, read, { settings: read.state.settings, annotations });
      await batch.flush();
      this.lastRequests = batch.sent;
    });
    return { restored, left };
  }

  /**
   * The recorded marks where their cells are now (plan/identity.ts placeMarks), each record moved to its cell,
   * and those left. Sheets whose values `known` does not give are read in one sync (or row blocks).
   */
  private async placeRecorded(
    context: Excel.RequestContext,
    batch: ChunkedBatch,
    read: SheetRead,
    known: (sheet: string) => Grid | undefined,
    inBlocks: boolean,
  ): Promise<{ marks: MarkRecord[]; placed: Placed<MarkRecord>[]; left: LeftMark[] }> {
    const recorded = read.state.annotations?.marks ?? [];
    const exists = new Set(read.sheets.items.map((s) => s.name));
    const needed = [...new Set(recorded.filter((m) => m.id && exists.has(m.sheet) && !known(m.sheet)).map((m) => m.sheet))];
    const grids = needed.length > 0 ? await this.readGrids(context, batch, needed, inBlocks) : new Map<string, Grid>();
    // A record without identity (an older version's) keeps its address; a sheet deleted since has nothing to restore.
    const { placed, left } = placeMarks(recorded, (sheet) => (exists.has(sheet) ? (known(sheet) ?? grids.get(sheet) ?? { values: [] }) : null));
    return { marks: placed.map((p) => ({ ...p.mark, cell: p.cell })), placed, left };
  }

  /** The used ranges of `names` (values only), queued with what the batch holds and sent in one sync. */
  private async readGrids(context: Excel.RequestContext, batch: ChunkedBatch, names: string[], inBlocks: boolean): Promise<Map<string, Grid>> {
    const used = [];
    for (const name of names) {
      await batch.add(80 + payloadBytes(name));
      const sheet = context.workbook.worksheets.getItem(name);
      const range = sheet.getUsedRangeOrNullObject(true);
      range.load(inBlocks ? 'address,rowCount,columnCount' : 'values,address');
      used.push({ name, sheet, range });
    }
    await batch.flush();
    const blocks = inBlocks ? await this.readBlocks(context, used) : null;
    return new Map(used.map(({ name, range }, i) => [name, range.isNullObject ? { values: [] } : { values: blocks ? blocks[i] : range.values, origin: originOf(range.address) }]));
  }

  /** Phase 1 (one sync): the sheet list and our saved state. */
  private async readState(context: Excel.RequestContext): Promise<SheetRead> {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const stateSheet = sheets.getItemOrNullObject(STATE_SHEET);
    const used = stateSheet.getUsedRangeOrNullObject(true);
    used.load('values');
    await context.sync();
    const state = stateSheet.isNullObject || used.isNullObject ? { ...NO_STATE } : decodeSlots(used.values);
    return { sheets, state, stateSheet: stateSheet.isNullObject ? null : stateSheet };
  }

  /**
   * Phase 2 (one sync, or one per chunk): the current fill and note of cells about to be marked, and which
   * cells marked last time still carry a note (the clerk may have deleted one; writing to a missing note fails).
   */
  private async look(
    context: Excel.RequestContext,
    batch: ChunkedBatch,
    fresh: CellMark[],
    previous: MarkRecord[],
    useNotes: boolean,
  ): Promise<{ looks: Map<string, MarkRecord>; notes: Map<string, string>; fills: Map<string, string | null> }> {
    const notesOf = (sheet: string, cell: string) => {
      const note = context.workbook.worksheets.getItem(sheet).notes.getItemOrNullObject(cell);
      note.load('content');
      return note;
    };
    // Each load is counted before it is queued, so a chunk boundary syncs exactly what came before it.
    const pendingFresh = [];
    for (const m of fresh) {
      await batch.add((useNotes ? 2 : 1) * loadBytes(m));
      const fill = context.workbook.worksheets.getItem(m.sheet).getRange(m.cell).format.fill;
      fill.load('color');
      pendingFresh.push({ m, fill, note: useNotes ? notesOf(m.sheet, m.cell) : null });
    }
    const pendingPrevious = [];
    for (const m of previous) {
      const withNote = viaOf(m) === 'note' && useNotes;
      await batch.add((withNote ? 2 : 1) * loadBytes(m));
      const fill = context.workbook.worksheets.getItem(m.sheet).getRange(m.cell).format.fill;
      fill.load('color');
      pendingPrevious.push({ m, fill, note: withNote ? notesOf(m.sheet, m.cell) : null });
    }
    await batch.flush();
    const looks = new Map<string, MarkRecord>();
    // Each cell's note as it is now, by markKey (a cell without one is absent).
    const notes = new Map<string, string>();
    for (const { m, fill, note } of pendingFresh) {
      const key = markKey(m.sheet, m.cell);
      const text = note && !note.isNullObject ? note.content : null;
      if (text !== null) notes.set(key, text);
      looks.set(key, { sheet: m.sheet, cell: m.cell, fill: normalizeFill(fill.color), note: text || null, via: useNotes ? 'note' : 'comment' });
    }
    // The fill now on each cell marked last time: ours, or one the clerk gave it since.
    const fills = new Map<string, string | null>();
    for (const { m, fill, note } of pendingPrevious) {
      const key = markKey(m.sheet, m.cell);
      fills.set(key, normalizeFill(fill.color));
      if (note && !note.isNullObject) notes.set(key, note.content);
    }
    return { looks, notes, fills };
  }

  /** Cells that carry a comment thread (older Excel path only: two syncs for the comments and their cells). */
  private async commentCells(context: Excel.RequestContext): Promise<Set<string>> {
    const comments = context.workbook.comments;
    comments.load('items');
    await context.sync();
    const locations = comments.items.map((c) => {
      const r = c.getLocation();
      r.load('address');
      return r;
    });
    await context.sync();
    return new Set(locations.map((r) => addressKey(r.address)));
  }

  private async restore(
    context: Excel.RequestContext,
    batch: ChunkedBatch,
    marks: MarkRecord[],
    seen: { notes: Map<string, string>; fills: Map<string, string | null> },
    comments: Set<string>,
    useNotes: boolean,
  ): Promise<MarkRecord[]> {
    const { notes, fills } = seen;
    // A fill the clerk gave a cell since validation is theirs (fillIsOurs): only ours is taken off.
    const ours = marks.filter((m) => fillIsOurs(fills.get(markKey(m.sheet, m.cell)) ?? null));
    await this.fill(context, batch, ours.map((m) => ({ sheet: m.sheet, cell: m.cell, color: m.fill })));
    // A note written by a newer Excel cannot be touched where notes are unsupported: it stays listed for later.
    const untouched = useNotes ? [] : marks.filter((m) => viaOf(m) === 'note');
    for (const m of marks) {
      const via = viaOf(m);
      if (via === 'none' || (via === 'note' && !useNotes)) continue;
      const key = markKey(m.sheet, m.cell);
      const now = notes.get(key) ?? null;
      // A note the clerk edited or deleted since validation is theirs: it stays (plan/identity.ts noteAfterClear).
      const target = via === 'note' ? noteAfterClear(writtenNoteHash(m), now, m.note) : null;
      if (via === 'note' && target === now) continue;
      await batch.add(payloadBytes(target) + 2 * (payloadBytes(m.sheet) + payloadBytes(m.cell)));
      const ws = context.workbook.worksheets.getItem(m.sheet);
      const range = ws.getRange(m.cell);
      if (via === 'note') {
        if (target !== null) ws.notes.getItem(m.cell).content = target;
        else ws.notes.getItem(m.cell).delete();
      } else if (via === 'comment' && comments.has(key)) {
        context.workbook.comments.getItemByCell(range).delete();
      }
    }
    return untouched;
  }

  /** Fills (or clears, for null) many cells with one request per colour and sheet, by address lists. */
  private async fill(context: Excel.RequestContext, batch: ChunkedBatch, cells: { sheet: string; cell: string; color: string | null }[]): Promise<void> {
    const groups = new Map<string, { sheet: string; color: string | null; cells: string[] }>();
    for (const c of cells) {
      const key = `${c.sheet}\u0000${c.color ?? ''}`;
      const g = groups.get(key) ?? { sheet: c.sheet, color: c.color, cells: [] };
      groups.set(key, g);
      g.cells.push(c.cell);
    }
    for (const g of groups.values()) {
      const ws = context.workbook.worksheets.getItem(g.sheet);
      for (let i = 0; i < g.cells.length; i += ADDRESSES_PER_CALL) {
        const list = g.cells.slice(i, i + ADDRESSES_PER_CALL).join(',');
        await batch.add(payloadBytes(list) + payloadBytes(g.sheet) + 20);
        const format = ws.getRanges(list).format;
        if (g.color) format.fill.color = g.color;
        else format.fill.clear();
      }
    }
  }

  /** Writes one mark's note; returns the note text it left on the cell (null where it wrote no note). */
  private async writeMark(context: Excel.RequestContext, batch: ChunkedBatch, m: CellMark, original: MarkRecord, hasNote: boolean, hasComment: boolean, useNotes: boolean): Promise<string | null> {
    const via = viaOf(original);
    if (via === 'none' || (via === 'note' && !useNotes)) return null;
    // A note the clerk wrote stays, with ours below it; clear() puts theirs back alone.
    const text = markedNote(original.note, m.note);
    await batch.add(payloadBytes(text) + 2 * (payloadBytes(m.sheet) + payloadBytes(m.cell)));
    const ws = context.workbook.worksheets.getItem(m.sheet);
    const range = ws.getRange(m.cell);
    if (via === 'note') {
      if (hasNote) ws.notes.getItem(m.cell).content = text;
      else ws.notes.add(range, text);
    } else if (via === 'comment') {
      if (hasComment) context.workbook.comments.getItemByCell(range).content = m.note;
      else context.workbook.comments.add(range, m.note);
    }
    return via === 'note' ? text : null;
  }

  /** Queues a load of every sheet's marker cell, read by plan/host-rules.ts once the phase's sync has run. */
  private async loadMarkers(batch: ChunkedBatch, read: SheetRead): Promise<() => SheetFacts[]> {
    const cells: { name: string; cell: Excel.Range }[] = [];
    for (const sheet of read.sheets.items) {
      await batch.add(loadBytes({ sheet: sheet.name, cell: REPORT_MARKER_CELL }));
      const cell = sheet.getRange(REPORT_MARKER_CELL);
      cell.load('values');
      cells.push({ name: sheet.name, cell });
    }
    return () => cells.map(({ name, cell }) => ({ name, marker: cell.values[0]?.[0] }));
  }

  /** Deletes the reports of ours this run replaces (plan/host-rules.ts replacedReports: never a sheet without our marker). */
  private async dropReports(context: Excel.RequestContext, batch: ChunkedBatch, replaced: Set<string>): Promise<void> {
    for (const ours of replaced) {
      await batch.add(payloadBytes(ours));
      context.workbook.worksheets.getItem(ours).delete();
    }
  }

  /** Writes a sheet plan (the report, or a data-entry sheet) into a new worksheet. */
  private async writeReport(context: Excel.RequestContext, batch: ChunkedBatch, sheetPlan: ReportSheetPlan): Promise<void> {
    const layout = layoutReport(sheetPlan);
    const sheetBytes = payloadBytes(sheetPlan.name);
    await batch.add(sheetBytes);
    const ws = context.workbook.worksheets.add(sheetPlan.name);
    const rows = layout.values.length;
    // Values in row blocks so no single write approaches the request limit.
    let start = 0;
    while (start < rows) {
      let end = start;
      let bytes = 0;
      while (end < rows && (end === start || bytes < this.chunkBytes / BLOCK_SHARE)) {
        bytes += payloadBytes(layout.values[end]);
        end++;
      }
      // Text that would read as a formula or number gets its '@' format before its value arrives.
      const textRuns = layout.formats.filter((f) => f.format === '@' && f.row >= start && f.row < end);
      for (const f of textRuns) await this.numberFormat(batch, ws, sheetBytes, f);
      await batch.add(bytes + sheetBytes + RANGE_BYTES);
      ws.getRangeByIndexes(start, 0, end - start, layout.width).values = layout.values.slice(start, end);
      start = end;
    }
    for (const f of layout.formats) if (f.format !== '@') await this.numberFormat(batch, ws, sheetBytes, f);
    for (const list of addressLists(layout.bold)) {
      await batch.add(payloadBytes(list) + sheetBytes + 8);
      ws.getRanges(list).format.font.bold = true;
    }
    for (const { color, areas } of layout.fills) {
      for (const list of addressLists(areas)) {
        await batch.add(payloadBytes(list) + sheetBytes + payloadBytes(color));
        ws.getRanges(list).format.fill.color = color;
      }
    }
    await this.writeLinks(batch, ws, sheetBytes, layout.links);
    // Each call is counted on its own: a call's envelope, not its arguments, is most of its size.
    for (const [col, chars] of sheetPlan.columnWidths.entries()) {
      const letter = columnLetter(col + 1);
      await batch.add(sheetBytes + 2 * payloadBytes(letter) + 20);
      ws.getRange(`${letter}:${letter}`).format.columnWidth = chars * POINTS_PER_CHAR;
    }
    for (const m of sheetPlan.merges ?? []) {
      await batch.add(sheetBytes + payloadBytes(m) + 10);
      ws.getRange(m).merge(false);
    }
    if (sheetPlan.freezeRows) {
      await batch.add(sheetBytes + 10);
      ws.freezePanes.freezeRows(sheetPlan.freezeRows);
    }
    const chart = sheetPlan.chart;
    if (chart && chart.series.length > 0) {
      const sent = (...texts: string[]) => batch.add(sheetBytes + texts.reduce((n, t) => n + payloadBytes(t), 40));
      await sent(chart.series[0].values);
      const c = ws.charts.add(Excel.ChartType.columnClustered, ws.getRange(chart.series[0].values), Excel.ChartSeriesBy.columns);
      await sent(chart.title);
      c.title.text = chart.title;
      await sent(chart.anchor);
      c.setPosition(chart.anchor);
      const first = c.series.getItemAt(0);
      await sent(chart.series[0].name);
      first.name = chart.series[0].name;
      await sent(chart.categories);
      first.setXAxisValues(ws.getRange(chart.categories));
      for (const s of chart.series.slice(1)) {
        await sent(s.name);
        const added = c.series.add(s.name);
        await sent(s.values);
        added.setValues(ws.getRange(s.values));
        await sent(chart.categories);
        added.setXAxisValues(ws.getRange(chart.categories));
      }
    }
  }

  /**
   * The report's links (one per school row): down each column run in blocks through setCellProperties
   * (ExcelApi 1.9), one call per block instead of one per cell, which cost more in call records than in links.
   */
  private async writeLinks(batch: ChunkedBatch, ws: Excel.Worksheet, sheetBytes: number, links: ReportLayout['links']): Promise<void> {
    const hyperlink = (l: ReportLayout['links'][number]) => ({ documentReference: l.target, textToDisplay: l.text });
    if (!this.cellPropertiesSupported()) {
      for (const l of links) {
        const link = hyperlink(l);
        await batch.add(payloadBytes(link) + sheetBytes + RANGE_BYTES);
        ws.getRangeByIndexes(l.row, l.col, 1, 1).hyperlink = link;
      }
      return;
    }
    for (let i = 0; i < links.length; ) {
      const block = [{ hyperlink: hyperlink(links[i]) }];
      const first = links[i];
      let bytes = payloadBytes(block[0]);
      while (++i < links.length && links[i].col === first.col && links[i].row === first.row + block.length && bytes < this.chunkBytes / BLOCK_SHARE) {
        block.push({ hyperlink: hyperlink(links[i]) });
        bytes += payloadBytes(block[block.length - 1]) + 3;
      }
      await batch.add(bytes + sheetBytes + RANGE_BYTES);
      ws.getRangeByIndexes(first.row, first.col, block.length, 1).setCellProperties(block.map((p) => [p]));
    }
  }

  /**
   * One number format down a run of cells, sent once: a single value applies to every cell of the range
   * (ExcelApi 1.1 Range.numberFormat), where a 2-D array would repeat the format string per cell.
   */
  private async numberFormat(batch: ChunkedBatch, ws: Excel.Worksheet, sheetBytes: number, f: { row: number; col: number; count: number; format: string }): Promise<void> {
    await batch.add(payloadBytes(f.format) + sheetBytes + RANGE_BYTES);
    ws.getRangeByIndexes(f.row, f.col, f.count, 1).numberFormat = f.format as unknown as string[][];
  }

  /** Rewrites the shared state grid in row blocks; deletes the sheet once nothing is left to remember. */
  private async writeState(context: Excel.RequestContext, batch: ChunkedBatch, read: SheetRead, state: StateSlots): Promise<void> {
    let ws = read.stateSheet;
    // Adding the sheet and hiding it, or clearing it, are two calls.
    for (let i = 0; i < 2; i++) await batch.add(payloadBytes(STATE_SHEET) + 20);
    if (!state.annotations && !state.settings) {
      if (ws) ws.delete();
      return;
    }
    if (!ws) {
      ws = context.workbook.worksheets.add(STATE_SHEET);
      ws.visibility = Excel.SheetVisibility.veryHidden;
    } else {
      ws.getRange('A:B').clear(Excel.ClearApplyTo.contents);
    }
    // '' rather than null: Office.js reads null in a values write as "leave this cell as it is".
    const rows = encodeSlots(state).map((row) => row.map((v) => v ?? ''));
    let start = 0;
    while (start < rows.length) {
      let end = start;
      let bytes = 0;
      while (end < rows.length && (end === start || bytes < this.chunkBytes / BLOCK_SHARE)) bytes += payloadBytes(rows[end++]) + 1;
      await batch.add(bytes + payloadBytes(STATE_SHEET) + RANGE_BYTES);
      ws.getRangeByIndexes(start, 0, end - start, 2).values = rows.slice(start, end);
      start = end;
    }
  }
}

/** A load of one cell's fill or note: the property names and the cell's sheet and address. */
const loadBytes = (m: { sheet: string; cell: string }): number => 80 + payloadBytes(m.sheet) + payloadBytes(m.cell);

/** Up to ADDRESSES_PER_CALL areas per RangeAreas address. */
function addressLists(areas: string[]): string[] {
  const lists: string[] = [];
  for (let i = 0; i < areas.length; i += ADDRESSES_PER_CALL) lists.push(areas.slice(i, i + ADDRESSES_PER_CALL).join(','));
  return lists;
}

/** "'台账'!A1:H1, '台账'!$B$2:$C$2" → ["A1:H1", "B2:C2"]. */
export function localAddresses(address: string): string[] {
  return address
    .split(',')
    .map((a) => a.slice(a.lastIndexOf('!') + 1).replace(/\$/g, '').trim())
    .filter(Boolean);
}

/** "'台账'!F9" or "台账!$F$9" → the key markKey gives. */
function addressKey(address: string): string {
  const bang = address.lastIndexOf('!');
  const sheet = address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  return markKey(sheet, address.slice(bang + 1).replace(/\$/g, '').split(':')[0]);
}
