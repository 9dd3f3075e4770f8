// The three hosts over one workbook each, seen the same way: the file host over an .xlsx package (read back
// with plain ExcelJS), the Excel host over the in-memory Excel, the WPS host over the ET stand-in. A rig builds
// the same starting workbook in its host's world and reports what a clerk would see: the visible sheets, every
// fill and note on them, and each sheet's cells as a spreadsheet would hold them (text, number or formula).
import ExcelJS from 'exceljs';
import { ExcelHost } from '../../src/hosts/excel/host.ts';
import { FileHost } from '../../src/hosts/file/index.ts';
import type { Host } from '../../src/hosts/types.ts';
import { WpsHost, bgrToHex, hexToBgr, type EtApplication } from '../../src/hosts/wps/index.ts';
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
   * The clerk inserts a row above row `at` (cells, fills and notes below move down), as Excel does. Only where
   * the host finds marked cells again by identity: the file rig, through a plain ExcelJS round trip.
   */
  insertRow?(sheet: string, at: number, row: unknown[]): Promise<void>;
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
    async insertRow(sheet, at, row) {
      const book = await load(bytes);
      const ws = book.getWorksheet(sheet)!;
      // ExcelJS's spliceRows moves values and styles but drops notes: they are moved by hand, as Excel moves them.
      const notes: [number, number, ExcelJS.Comment | string][] = [];
      ws.eachRow((r) => r.eachCell((c) => c.note && notes.push([Number(c.row), Number(c.col), c.note])));
      ws.spliceRows(at, 0, row);
      for (const [r, c, note] of notes) ws.getCell(r >= at ? r + 1 : r, c).note = note;
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
  };
}

export async function rigs(setup: SheetSetup[]): Promise<Rig[]> {
  return [await fileRig(setup), excelRig(setup), wpsRig(setup)];
}

export { address };
