// Cell values of one worksheet part, streamed: the XML is inflated and scanned a chunk at a time, row by row,
// so memory holds the values we keep, never the sheet's text or an object model. A hand-written scanner rather
// than a SAX parser: SpreadsheetML cells are flat and regular, and indexOf over them is several times faster
// than an evented parser building attribute objects for every tag (200,000 rows in a few seconds).
import type { Package } from './package.ts';
import { mainPrefixStripper, prefixOf, stringItemText, unesc } from './xml.ts';
import { inflateEntryChunks } from './zip.ts';

/** What a cell read gives: what the ledger's plain() takes (src/ledger/cells.ts). */
export type CellValue = string | number | boolean | null | { formula: string } | { error: string };

export interface SheetContent {
  values: CellValue[][];
  merges: string[];
  /** The part's text after </sheetData> (merges, protection, drawings, legacyDrawing…). */
  tail: string;
  /** The prefix the part binds to the relationships namespace (null when unbound). */
  relPrefix: string | null;
}

export interface ReadContext {
  strings: string[];
  /** Style indices (cellXfs) whose number format shows a date or time. */
  dateStyles: Set<number>;
  date1904: boolean;
}

/** Column letters at text[i…] → 1-based number and where the letters end. */
function colAt(text: string, i: number, end: number): [number, number] {
  let n = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + c - 64;
    else if (c >= 97 && c <= 122) n = n * 26 + c - 96;
    else break;
  }
  return [n, i];
}

/** Value of attribute ` name="` inside text[from, to), or null. Searches the tag only, never past it. */
function attrIn(text: string, from: number, to: number, name: string): string | null {
  const tag = text.slice(from, to);
  const i = tag.indexOf(name);
  if (i < 0) return null;
  const q = i + name.length;
  return tag.slice(q, tag.indexOf('"', q));
}

const serialToIso = (serial: number, date1904: boolean): string => {
  const ms = Math.round((serial - (date1904 ? 24107 : 25569)) * 86400000);
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
};

/** One <c …>…</c> (or <c …/>) at text[start, end) → its value. */
function cellValue(whole: string, tagEnd: number, end: number, type: string | null, style: number, ctx: ReadContext): CellValue {
  // The cell's content alone, so no search runs past it.
  const text = whole.slice(tagEnd, end);
  const vAt = text.indexOf('<v');
  let v: string | null = null;
  if (vAt >= 0 && (text.charCodeAt(vAt + 2) === 62 || text.charCodeAt(vAt + 2) === 32)) {
    const open = text.indexOf('>', vAt);
    if (text.charCodeAt(open - 1) !== 47) v = text.slice(open + 1, text.indexOf('</v>', open));
  }
  if (type === 'inlineStr') {
    const is = text.indexOf('<is');
    return is >= 0 ? stringItemText(text.slice(is)) : null;
  }
  if (v === null) {
    const f = text.indexOf('<f');
    if (f >= 0) {
      const open = text.indexOf('>', f);
      const formula = text.charCodeAt(open - 1) === 47 ? '' : unesc(text.slice(open + 1, text.indexOf('</f>', open)));
      return { formula };
    }
    return null;
  }
  switch (type) {
    case 's':
      return ctx.strings[Number(v)] ?? null;
    case 'str':
      return unesc(v);
    case 'b':
      return v === '1' || v === 'true';
    case 'e':
      return unesc(v);
    case 'd':
      return unesc(v);
    default: {
      const n = Number(v);
      if (v === '' || Number.isNaN(n)) return unesc(v);
      return ctx.dateStyles.has(style) ? serialToIso(n, ctx.date1904) : n;
    }
  }
}

/** Reads the cells of rows in text[from, to): every complete <row> element. */
function readRows(text: string, from: number, to: number, rows: CellValue[][], ctx: ReadContext, state: { row: number }): void {
  let i = text.indexOf('<row', from);
  while (i >= 0 && i < to) {
    const after = text.charCodeAt(i + 4);
    if (after !== 32 && after !== 62 && after !== 47) {
      i = text.indexOf('<row', i + 4);
      continue;
    }
    const tagEnd = text.indexOf('>', i) + 1;
    const rAttr = attrIn(text, i, tagEnd, ' r="');
    const rowNum = rAttr ? Number(rAttr) : state.row + 1;
    state.row = rowNum;
    if (text.charCodeAt(tagEnd - 2) === 47) {
      i = text.indexOf('<row', tagEnd);
      continue;
    }
    const rowEnd = text.indexOf('</row>', tagEnd);
    let out: CellValue[] | undefined;
    let col = 0;
    let c = text.indexOf('<c', tagEnd);
    while (c >= 0 && c < rowEnd) {
      const ch = text.charCodeAt(c + 2);
      if (ch !== 32 && ch !== 62 && ch !== 47) {
        c = text.indexOf('<c', c + 2);
        continue;
      }
      const cTagEnd = text.indexOf('>', c) + 1;
      const selfClosing = text.charCodeAt(cTagEnd - 2) === 47;
      const cEnd = selfClosing ? cTagEnd : text.indexOf('</c>', cTagEnd) + 4;
      const ref = attrIn(text, c, cTagEnd, ' r="');
      col = ref ? colAt(ref, 0, ref.length)[0] : col + 1;
      const value = selfClosing ? null : cellValue(text, cTagEnd, cEnd, attrIn(text, c, cTagEnd, ' t="'), Number(attrIn(text, c, cTagEnd, ' s="') ?? 0), ctx);
      if (value !== null) {
        out ??= rows[rowNum - 1] ??= [];
        out[col - 1] = value;
      }
      c = text.indexOf('<c', cEnd);
    }
    i = text.indexOf('<row', rowEnd + 6);
  }
}

/**
 * The values of a worksheet part (row-major from A1, null for blank; formulas give their cached result, or
 * {formula} when none was saved) and its merged ranges, whose top-left value repeats over the merge.
 */
export function readSheet(pkg: Package, path: string, ctx: ReadContext): SheetContent {
  const rows: CellValue[][] = [];
  const merges: string[] = [];
  let tail = '';
  const state = { row: 0 };
  const decoder = new TextDecoder('utf-8');
  let inData = false;
  let relPrefix: string | null = null;
  let after = '';
  const take = (text: string, final: boolean) => {
    let buf = tail + text;
    if (!inData) {
      const sd = buf.indexOf('<sheetData');
      if (sd < 0) {
        tail = final ? '' : buf.slice(-20);
        return;
      }
      inData = true;
      relPrefix = prefixOf(buf.slice(0, sd), 'http://schemas.openxmlformats.org/officeDocument/2006/relationships');
      buf = buf.slice(sd);
    }
    const dataEnd = buf.indexOf('</sheetData>');
    const last = final || dataEnd >= 0 ? (dataEnd >= 0 ? dataEnd : buf.length) : buf.lastIndexOf('</row>');
    if (last < 0) {
      tail = buf;
      return;
    }
    const cut = final || dataEnd >= 0 ? last : last + 6;
    readRows(buf, 0, cut, rows, ctx, state);
    // Merges come after the rows: collect them from whatever follows </sheetData>.
    tail = buf.slice(cut);
    if (final) {
      collectMerges(buf, merges);
      const end = /<\/sheetData>|<sheetData\s*\/>/.exec(buf);
      after = end ? buf.slice(end.index + end[0].length) : '';
    }
  };
  const unprefixed = mainPrefixStripper();
  const entry = pkg.entry(path);
  if (entry) inflateEntryChunks(entry, pkg.label, (chunk) => take(unprefixed(decoder.decode(chunk, { stream: true }), false), false), true);
  else take(unprefixed(decoder.decode(pkg.bytes(path) ?? new Uint8Array(0), { stream: true }), false), false);
  take(unprefixed(decoder.decode(), true), true);
  return { values: finish(rows, merges), merges, tail: after, relPrefix };
}

function collectMerges(text: string, out: string[]): void {
  for (let i = text.indexOf('<mergeCell '); i >= 0; i = text.indexOf('<mergeCell ', i + 10)) {
    const ref = attrIn(text, i, text.indexOf('>', i), ' ref="');
    if (ref) out.push(ref);
  }
}

/** Dense rows (null for blank), and each merge's top-left value over the rest of it. */
function finish(rows: CellValue[][], merges: string[]): CellValue[][] {
  for (const range of merges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    if (!m) continue;
    const [c1, r1, c2, r2] = [colAt(m[1], 0, m[1].length)[0], Number(m[2]), colAt(m[3], 0, m[3].length)[0], Number(m[4])];
    if ((r2 - r1 + 1) * (c2 - c1 + 1) > 100_000) continue;
    const v = rows[r1 - 1]?.[c1 - 1] ?? null;
    if (v === null) continue;
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) (rows[r - 1] ??= [])[c - 1] ??= v;
  }
  let width = 0;
  for (const row of rows) if (row && row.length > width) width = row.length;
  const out: CellValue[][] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const dense: CellValue[] = new Array(width);
    for (let c = 0; c < width; c++) dense[c] = row[c] ?? null;
    out[r] = dense;
  }
  return out;
}

/** The shared strings part's items as plain text. */
export function readSharedStrings(text: string | null): string[] {
  if (!text) return [];
  const out: string[] = [];
  let i = text.indexOf('<si');
  while (i >= 0) {
    const open = text.indexOf('>', i);
    if (text.charCodeAt(open - 1) === 47) {
      out.push('');
      i = text.indexOf('<si', open);
      continue;
    }
    const end = text.indexOf('</si>', open);
    out.push(stringItemText(text.slice(open + 1, end)));
    i = text.indexOf('<si', end);
  }
  return out;
}
