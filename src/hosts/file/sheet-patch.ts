// Changes the style index of chosen cells in a worksheet part, streaming: rows we do not touch are copied as
// text, unparsed; a marked cell the part does not hold yet (a blank cell never formatted) is inserted in
// column order, in a new row when needed. The part's head and tail (everything around <sheetData>) go to a
// callback, so the caller can add the one element it needs there (<legacyDrawing>).
import type { Package } from './package.ts';
import { attr, mainPrefixStripper, setAttr } from './xml.ts';
import { entryWriter, inflateEntryChunks } from './zip.ts';
import { columnLetter } from '../../model/a1.ts';

/**
 * Given the cell's style index (its row's or column's when the cell is absent) and that row's or column's
 * style: the new index, or null to leave it.
 */
export type StyleEdit = (current: number, existed: boolean, fallback: number) => number | null;

export interface SheetPatch {
  /** row → column → edit (1-based). */
  cells: Map<number, Map<number, StyleEdit>>;
  /** The text after </sheetData> (or after an empty <sheetData/>), to return changed or as is. */
  tail?: (tail: string) => string;
}

const colOf = (ref: string): number => {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + c - 64;
  }
  return n;
};

/** <col min max style> ranges of the head, for the style of a cell that is absent. */
function columnStyles(head: string): (col: number) => number {
  const ranges: [number, number, number][] = [];
  for (let i = head.indexOf('<col '); i >= 0; i = head.indexOf('<col ', i + 5)) {
    const tag = head.slice(i, head.indexOf('>', i) + 1);
    const style = attr(tag, 'style');
    if (style) ranges.push([Number(attr(tag, 'min')), Number(attr(tag, 'max')), Number(style)]);
  }
  return (col) => ranges.find(([a, b]) => col >= a && col <= b)?.[2] ?? 0;
}

function patchRow(rowText: string, rowNum: number, edits: Map<number, StyleEdit>, colStyle: (c: number) => number): string {
  const tagEnd = rowText.indexOf('>') + 1;
  const rowTag = rowText.slice(0, tagEnd);
  const rowStyle = attr(rowTag, 'customFormat') === '1' || attr(rowTag, 'customFormat') === 'true' ? Number(attr(rowTag, 's') ?? 0) : null;
  const selfClosing = rowTag.endsWith('/>');
  const cells: { start: number; end: number; col: number }[] = [];
  let col = 0;
  if (!selfClosing) {
    const rowEnd = rowText.lastIndexOf('</');
    for (let c = rowText.indexOf('<c', tagEnd); c >= 0 && c < rowEnd; c = rowText.indexOf('<c', c + 2)) {
      const ch = rowText.charCodeAt(c + 2);
      if (ch !== 32 && ch !== 62 && ch !== 47) continue;
      const cTagEnd = rowText.indexOf('>', c) + 1;
      const end = rowText.charCodeAt(cTagEnd - 2) === 47 ? cTagEnd : rowText.indexOf('</c>', cTagEnd) + 4;
      const ref = attr(rowText.slice(c, cTagEnd), 'r');
      col = ref ? colOf(ref) : col + 1;
      cells.push({ start: c, end, col });
      c = end - 2;
    }
  }
  const pending = [...edits.keys()].sort((a, b) => a - b);
  let out = selfClosing ? rowTag.slice(0, -2) + '>' : rowTag;
  let pos = tagEnd;
  const insert = (c: number) => {
    const style = edits.get(c)!(rowStyle ?? colStyle(c), false, rowStyle ?? colStyle(c));
    if (style !== null) out += `<c r="${columnLetter(c)}${rowNum}" s="${style}"/>`;
  };
  for (const cell of cells) {
    while (pending.length > 0 && pending[0] < cell.col) insert(pending.shift()!);
    out += rowText.slice(pos, cell.start);
    let text = rowText.slice(cell.start, cell.end);
    if (pending[0] === cell.col) {
      pending.shift();
      const close = text.indexOf('>') + 1;
      const tag = text.slice(0, close);
      const s = edits.get(cell.col)!(Number(attr(tag, 's') ?? rowStyle ?? 0), true, rowStyle ?? colStyle(cell.col));
      // Style 0 is the default: written as Excel writes it, without the attribute.
      if (s !== null) text = setAttr(tag, 's', s === 0 ? null : String(s)) + text.slice(close);
    }
    out += text;
    pos = cell.end;
  }
  for (const c of pending) insert(c);
  return selfClosing ? `${out}</row>` : out + rowText.slice(pos);
}

/** Streams the worksheet part through the edits and stores the result in the package. */
export function patchSheet(pkg: Package, path: string, patch: SheetPatch): void {
  const writer = entryWriter(path);
  const rowsLeft = [...patch.cells.keys()].sort((a, b) => a - b);
  let colStyle: (c: number) => number = () => 0;
  let stage: 'head' | 'rows' | 'tail' = 'head';
  let buf = '';
  let lastRow = 0;
  const newRow = (r: number) => patchRow(`<row r="${r}"/>`, r, patch.cells.get(r)!, colStyle);
  const emitMissingBefore = (r: number) => {
    while (rowsLeft.length > 0 && rowsLeft[0] < r) writer.push(newRow(rowsLeft.shift()!));
  };
  const rowsIn = (text: string): string => {
    let out = '';
    let pos = 0;
    for (let i = text.indexOf('<row', 0); i >= 0; i = text.indexOf('<row', i + 4)) {
      const ch = text.charCodeAt(i + 4);
      if (ch !== 32 && ch !== 62 && ch !== 47) continue;
      const tagEnd = text.indexOf('>', i) + 1;
      const r = Number(attr(text.slice(i, tagEnd), 'r') ?? lastRow + 1);
      lastRow = r;
      const end = text.charCodeAt(tagEnd - 2) === 47 ? tagEnd : text.indexOf('</row>', tagEnd) + 6;
      if (rowsLeft.length > 0 && rowsLeft[0] <= r) {
        out += text.slice(pos, i);
        writer.push(out);
        out = '';
        emitMissingBefore(r);
        if (rowsLeft[0] === r) {
          rowsLeft.shift();
          out += patchRow(text.slice(i, end), r, patch.cells.get(r)!, colStyle);
        } else out += text.slice(i, end);
        pos = end;
      }
      i = end - 4;
    }
    return out + text.slice(pos);
  };
  const take = (text: string, final: boolean) => {
    buf += text;
    if (stage === 'head') {
      const sd = buf.indexOf('<sheetData');
      if (sd < 0) return;
      const sdEnd = buf.indexOf('>', sd) + 1;
      if (sdEnd === 0) return;
      colStyle = columnStyles(buf.slice(0, sd));
      const empty = buf[sdEnd - 2] === '/';
      writer.push(buf.slice(0, sd) + '<sheetData>');
      buf = empty ? '</sheetData>' + buf.slice(sdEnd) : buf.slice(sdEnd);
      stage = 'rows';
    }
    if (stage === 'rows') {
      const dataEnd = buf.indexOf('</sheetData>');
      const cut = dataEnd >= 0 ? dataEnd : buf.lastIndexOf('</row>') + 6;
      if (cut > 5 || dataEnd >= 0) {
        writer.push(rowsIn(buf.slice(0, cut)));
        buf = buf.slice(cut);
      }
      if (dataEnd >= 0) {
        emitMissingBefore(Infinity);
        stage = 'tail';
      }
    }
    if (stage === 'tail' && final) {
      writer.push(patch.tail ? patch.tail(buf) : buf);
      buf = '';
    }
  };
  const decoder = new TextDecoder('utf-8');
  // A prefixed part (<x:row>) is patched as the unprefixed XML it means, and written so.
  const unprefixed = mainPrefixStripper();
  const entry = pkg.entry(path);
  if (entry) inflateEntryChunks(entry, pkg.label, (chunk) => take(unprefixed(decoder.decode(chunk, { stream: true }), false), false));
  else take(unprefixed(decoder.decode(pkg.bytes(path) ?? new Uint8Array(0), { stream: true }), false), false);
  take(unprefixed(decoder.decode(), true), true);
  pkg.setEntry(path, writer.finish());
}
