// The three hosts over one workbook each, seen the same way: the file host over an .xlsx package (read back
// with plain ExcelJS), the Excel host over the in-memory Excel, the WPS host over the ET stand-in. A rig builds
// the same starting workbook in its host's world and reports what a clerk would see: the visible sheets, every
// fill and note on them, and each sheet's cells as a spreadsheet would hold them (text, number or formula).
import ExcelJS from 'exceljs';
import { ExcelHost } from '../../src/hosts/excel/host.ts';
import { FileHost } from '../../src/hosts/file/index.ts';
import type { Host } from '../../src/hosts/types.ts';
import { WpsHost, bgrToHex, hexToBgr, type EtApplication } from '../../src/hosts/wps/index.ts';
import { decodeSlots, encodeSlots, STATE_SHEET, type StateSlots } from '../../src/hosts/state.ts';
import { FakeExcel } from '../excel-host/fake-excel.ts';
import { load, noteText } from '../file-host/snapshot.ts';
import { StandinApp, XL_PATTERN_NONE } from '../wps/et-standin.ts';

export interface SheetSetup {
  name: string;
  rows: unknown[][];
  /** The clerk's own notes, by address. */
  notes?: Record<string, string>;
  /** The clerk's own solid fills ('#RRGGBB'), by address. */
  fills?: Record<string, string>;
  /** A very hidden sheet (the state sheet a workbook brings along), as every host hides ours. */
  veryHidden?: boolean;
}

/** A cell as the clerk sees it: a value, or a formula the spreadsheet would calculate. */
export type Seen = string | number | boolean | { formula: string };

export interface SheetLook {
  cells: Record<string, Seen>;
  fills: Record<string, string>;
  notes: Record<string, string>;
}

export interface Look {
  /** Visible sheets, in tab order. */
  sheets: string[];
  bySheet: Record<string, SheetLook>;
}

export interface Rig {
  kind: 'file' | 'excel' | 'wps';
  /** Runs `act` on a fresh host over the workbook as it is now (what the host remembers comes from the workbook). */
  with<T>(act: (host: Host) => Promise<T>): Promise<T>;
  look(): Promise<Look>;
  /**
   * The clerk edits the sheet between two runs, in that host's world (the file rig through a plain ExcelJS round
   * trip): rows move with their values, fills and notes (`move(row)` is a row's new number, null deletes it; a
   * sort, an inserted or a deleted row), then cells are typed and notes written.
   */
  edit(sheet: string, change: Edit): Promise<void>;
  /** Rewrites our hidden state record as another version of the add-in would have left it. */
  rewriteState(change: (slots: StateSlots) => StateSlots): Promise<void>;
}

/** The state grid (columns A and B from A1) → the same grid rewritten by `change`, as every host lays it out. */
const restated = (grid: unknown[][], change: (slots: StateSlots) => StateSlots): unknown[][] => encodeSlots(change(decodeSlots(grid)));

export interface Edit {
  move?: (row: number) => number | null;
  values?: Record<string, unknown>;
  notes?: Record<string, string>;
  /** Solid fills ('#RRGGBB') the clerk gives cells. */
  fills?: Record<string, string>;
}

const rowOf = (ref: string) => Number(/\d+$/.exec(ref)![0]);
const colOf = (ref: string) => /^[A-Z]+/.exec(ref)![0];

/** A map keyed by address, its rows moved by `move`. */
function moved<V>(map: Map<string, V>, move: (row: number) => number | null): Map<string, V> {
  const out = new Map<string, V>();
  for (const [ref, v] of map) {
    const to = move(rowOf(ref));
    if (to !== null) out.set(`${colOf(ref)}${to}`, v);
  }
  return out;
}

const letters = (n: number): string => (n <= 0 ? '' : letters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));
const address = (r: number, c: number) => `${letters(c)}${r}`;

function put(look: SheetLook, ref: string, value: unknown): void {
  if (value === null || value === undefined || value === '') return;
  look.cells[ref] = value as Seen;
}

/** A string a spreadsheet holds as a formula when it is not formatted as text: it starts with "=". */
const typed = (v: unknown, asText: boolean): unknown => (typeof v === 'string' && !asText && v.startsWith('=') ? { formula: v.slice(1) } : v);

// ── file host ────────────────────────────────────────────────────────────────────────────────────────────

async function fileRig(setup: SheetSetup[]): Promise<Rig> {
  const wb = new ExcelJS.Workbook();
  for (const s of setup) {
    const ws = wb.addWorksheet(s.name, s.veryHidden ? { state: 'veryHidden' } : {});
    s.rows.forEach((row) => ws.addRow(row));
    for (const [ref, note] of Object.entries(s.notes ?? {})) ws.getCell(ref).note = note;
    for (const [ref, fill] of Object.entries(s.fills ?? {})) ws.getCell(ref).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill.slice(1)}` } };
  }
  let bytes: Uint8Array = new Uint8Array(await wb.xlsx.writeBuffer());
  return {
    kind: 'file',
    async with(act) {
      const host = await FileHost.fromBuffer(bytes, '台账.xlsx');
      const out = await act(host);
      bytes = await host.toBuffer();
      return out;
    },
    async look() {
      const book = await load(bytes);
      const look: Look = { sheets: [], bySheet: {} };
      for (const ws of book.worksheets) {
        if (ws.state !== 'visible') continue;
        look.sheets.push(ws.name);
        const sheet: SheetLook = { cells: {}, fills: {}, notes: {} };
        ws.eachRow({ includeEmpty: false }, (row) =>
          row.eachCell({ includeEmpty: true }, (cell) => {
            // ExcelJS gives every cell of a merged area the first one's value; the sheet holds it once.
            const v = cell.isMerged && cell.master.address !== cell.address ? null : (cell.value as unknown);
            const f = v as { formula?: string; result?: unknown; richText?: { text: string }[] } | null;
            // A HYPERLINK formula is how a file carries a link; the clerk sees its text, like Excel's and WPS's links.
            if (f && typeof f === 'object' && typeof f.formula === 'string') put(sheet, cell.address, /^HYPERLINK\(/i.test(f.formula) ? f.result : { formula: f.formula });
            else if (f && typeof f === 'object' && Array.isArray(f.richText)) put(sheet, cell.address, f.richText.map((t) => t.text).join(''));
            else put(sheet, cell.address, v);
            const fill = cell.style?.fill;
            if (fill?.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb) sheet.fills[cell.address] = `#${fill.fgColor.argb.slice(2).toUpperCase()}`;
            const note = noteText(cell.note);
            if (note !== null) sheet.notes[cell.address] = note;
          }),
        );
        look.bySheet[ws.name] = sheet;
      }
      return look;
    },
    async edit(sheet, change) {
      const book = await load(bytes);
      const ws = book.getWorksheet(sheet)!;
      if (change.move) {
        // Every cell is lifted (value, style, note) and put down on its new row, as a spreadsheet moves rows.
        const lifted: { r: number; c: number; value: ExcelJS.CellValue; style: Partial<ExcelJS.Style>; note: ExcelJS.Comment | string | undefined }[] = [];
        const rows = ws.rowCount;
        const cols = ws.columnCount;
        for (let r = 1; r <= rows; r++)
          for (let c = 1; c <= cols; c++) {
            const cell = ws.getCell(r, c);
            lifted.push({ r, c, value: cell.value, style: JSON.parse(JSON.stringify(cell.style ?? {})), note: cell.note });
            cell.value = null;
            cell.style = {};
            (cell as unknown as { _comment?: unknown })._comment = undefined;
          }
        for (const x of lifted) {
          const to = change.move(x.r);
          if (to === null) continue;
          const cell = ws.getCell(to, x.c);
          cell.value = x.value;
          cell.style = x.style;
          if (x.note) cell.note = x.note;
        }
      }
      for (const [ref, v] of Object.entries(change.values ?? {})) ws.getCell(ref).value = v as ExcelJS.CellValue;
      for (const [ref, note] of Object.entries(change.notes ?? {})) ws.getCell(ref).note = note;
      // A new style object: ExcelJS shares one between cells of the same format, so setting .fill would paint them all.
      for (const [ref, fill] of Object.entries(change.fills ?? {})) {
        const cell = ws.getCell(ref);
        cell.style = { ...JSON.parse(JSON.stringify(cell.style ?? {})), fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill.slice(1)}` } } };
      }
      bytes = new Uint8Array(await book.xlsx.writeBuffer());
    },
    async rewriteState(change) {
      const book = await load(bytes);
      const ws = book.getWorksheet(STATE_SHEET)!;
      const grid: unknown[][] = [];
      ws.eachRow((row, r) => (grid[r - 1] = [row.getCell(1).value ?? null, row.getCell(2).value ?? null]));
      ws.eachRow((row) => row.eachCell((c) => (c.value = null)));
      restated(grid, change).forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue)));
      bytes = new Uint8Array(await book.xlsx.writeBuffer());
    },
  };
}

// ── Excel (the in-memory Excel) ──────────────────────────────────────────────────────────────────────────

function excelRig(setup: SheetSetup[]): Rig {
  const xl = new FakeExcel();
  for (const s of setup) {
    const sheet = xl.addSheet(s.name, s.rows, s.veryHidden ? 'VeryHidden' : undefined);
    // Text the clerk typed that looks like a formula is held as text (entered with ' or in a text cell).
    for (const c of sheet.cells.values()) if (typeof c.v === 'string' && c.v.startsWith('=')) c.fmt = '@';
    for (const [ref, note] of Object.entries(s.notes ?? {})) sheet.notes.set(ref, note);
    for (const [ref, fill] of Object.entries(s.fills ?? {})) sheet.cells.set(ref, { ...(sheet.cells.get(ref) ?? {}), fill });
  }
  return {
    kind: 'excel',
    with: (act) => act(new ExcelHost({ run: xl.run, notesSupported: () => true, mergesSupported: () => true, cellPropertiesSupported: () => true })),
    async look() {
      const look: Look = { sheets: [], bySheet: {} };
      for (const s of xl.sheets) {
        if (s.visibility !== 'Visible') continue;
        look.sheets.push(s.name);
        const sheet: SheetLook = { cells: {}, fills: {}, notes: Object.fromEntries(s.notes) };
        for (const [ref, c] of s.cells) {
          put(sheet, ref, typed(c.v, c.fmt === '@'));
          if (c.fill) sheet.fills[ref] = c.fill.toUpperCase();
        }
        look.bySheet[s.name] = sheet;
      }
      return look;
    },
    async edit(name, change) {
      const sheet = xl.sheet(name);
      if (change.move) {
        sheet.cells = moved(sheet.cells, change.move);
        sheet.notes = moved(sheet.notes, change.move);
      }
      for (const [ref, v] of Object.entries(change.values ?? {})) sheet.cells.set(ref, { ...(sheet.cells.get(ref) ?? {}), v });
      for (const [ref, note] of Object.entries(change.notes ?? {})) sheet.notes.set(ref, note);
      for (const [ref, fill] of Object.entries(change.fills ?? {})) sheet.cells.set(ref, { ...(sheet.cells.get(ref) ?? {}), fill });
    },
    async rewriteState(change) {
      const sheet = xl.sheet(STATE_SHEET);
      const grid: unknown[][] = [];
      for (const [ref, c] of sheet.cells) (grid[rowOf(ref) - 1] ??= [null, null])[colOf(ref) === 'A' ? 0 : 1] = c.v ?? null;
      sheet.cells.clear();
      restated(grid, change).forEach((row, r) => row.forEach((v, c) => v !== null && sheet.cells.set(address(r + 1, c + 1), { v })));
    },
  };
}

// ── WPS (the ET stand-in) ────────────────────────────────────────────────────────────────────────────────

function wpsRig(setup: SheetSetup[]): Rig {
  const app = new StandinApp(setup.map((s) => s.name));
  for (const s of setup) {
    const ws = app.sheet(s.name).load(s.rows);
    if (s.veryHidden) ws.Visible = 2;
    for (const [ref, note] of Object.entries(s.notes ?? {})) ws.Range(ref).AddComment(note);
    for (const [ref, fill] of Object.entries(s.fills ?? {})) ws.Range(ref).Interior.Color = hexToBgr(fill);
  }
  return {
    kind: 'wps',
    with: (act) => act(new WpsHost(app as unknown as EtApplication)),
    async look() {
      const look: Look = { sheets: [], bySheet: {} };
      for (const ws of app.sheets) {
        if (ws.Visible !== -1) continue;
        look.sheets.push(ws.Name);
        const sheet: SheetLook = { cells: {}, fills: {}, notes: {} };
        const used = ws.UsedRange;
        for (let r = 1; r <= used.r2; r++)
          for (let c = 1; c <= used.c2; c++) {
            const cell = ws.peek(r, c);
            if (!cell) continue;
            const ref = address(r, c);
            // The stand-in already holds what Value2 entered: a formula object for "=…" typed into a General cell.
            const v = cell.value as { formula?: string } | unknown;
            put(sheet, ref, v && typeof v === 'object' && 'formula' in v ? { formula: String(v.formula).replace(/^=/, '') } : v);
            if (cell.pattern !== XL_PATTERN_NONE) sheet.fills[ref] = bgrToHex(cell.color).toUpperCase();
            if (cell.comment !== null) sheet.notes[ref] = cell.comment;
          }
        look.bySheet[ws.Name] = sheet;
      }
      return look;
    },
    async edit(name, change) {
      const ws = app.sheet(name);
      if (change.move) ws.moveRows(change.move);
      for (const [ref, v] of Object.entries(change.values ?? {})) ws.Range(ref).Value2 = v;
      for (const [ref, note] of Object.entries(change.notes ?? {})) {
        ws.Range(ref).ClearComments();
        ws.Range(ref).AddComment(note);
      }
      for (const [ref, fill] of Object.entries(change.fills ?? {})) ws.Range(ref).Interior.Color = hexToBgr(fill);
    },
    async rewriteState(change) {
      const ws = app.sheet(STATE_SHEET);
      const used = ws.UsedRange;
      const grid = (used.Value2 as unknown[][]).map((row) => [row[0] ?? null, row[1] ?? null]);
      used.ClearContents();
      const next = restated(grid, change);
      ws.Range(`A1:B${next.length}`).Value2 = next;
    },
  };
}

export async function rigs(setup: SheetSetup[]): Promise<Rig[]> {
  return [await fileRig(setup), excelRig(setup), wpsRig(setup)];
}

export { address };
