// The file host keeps its state in the layout every host shares (src/hosts/state.ts), in a very hidden
// worksheet part of the package. Found by the marker in A1 on any hidden sheet, not only by its name: a
// LibreOffice or WPS save may rename it (or keep it hidden rather than very hidden), turn its text into rich
// text or shared strings, or re-type a cell; the reader takes all of those.
import { decodeSlots, encodeSlots, STATE_MARKER, STATE_SHEET, type StateSlots } from '../state.ts';
import type { Package, SheetEntry } from './package.ts';
import { readSharedStrings, readSheet } from './sheet-read.ts';
import { xstr } from './xml.ts';

export { STATE_SHEET } from '../state.ts';

/** The sheet holding our state: the one named so, or any hidden sheet whose A1 is the marker. */
export function findStateSheet(pkg: Package, sheets: SheetEntry[], strings: () => string[]): { sheet: SheetEntry; rows: unknown[][] } | null {
  const candidates = [...sheets.filter((s) => s.name === STATE_SHEET), ...sheets.filter((s) => s.name !== STATE_SHEET && s.state !== 'visible')];
  for (const sheet of candidates) {
    const { values } = readSheet(pkg, sheet.path, { strings: strings(), dateStyles: new Set(), date1904: false });
    const a1 = values[0]?.[0];
    const rows = values.map((r) => [text(r[0]), text(r[1])]);
    if (sheet.name === STATE_SHEET || a1 === STATE_MARKER || (typeof a1 === 'string' && a1.startsWith('{') && sheet.name === STATE_SHEET)) return { sheet, rows };
  }
  return null;
}

/** A re-typed cell (a number another program made of a chunk) reads back as its text. */
const text = (v: unknown): unknown => (typeof v === 'number' ? String(v) : v);

export function decodeState(found: { rows: unknown[][] } | null): StateSlots {
  return found ? decodeSlots(found.rows) : { annotations: null, settings: null };
}

/** The state sheet part: the grid as inline strings, so the chunks stay text whatever reads them. */
export function stateSheetXml(slots: StateSlots): string {
  const pieces: string[] = [];
  writeStateSheet(slots, (text) => pieces.push(text));
  return pieces.join('');
}

/** stateSheetXml row by row (40,000 marks are some 23 MB of it). */
export function writeStateSheet(slots: StateSlots, push: (text: string) => void): void {
  push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`);
  encodeSlots(slots).forEach((row, r) => {
    const cells = row
      .map((v, c) => (typeof v === 'string' ? `<c r="${'AB'[c]}${r + 1}" t="inlineStr"><is><t xml:space="preserve">${xstr(v)}</t></is></c>` : ''))
      .join('');
    push(`<row r="${r + 1}">${cells}</row>`);
  });
  push(`</sheetData></worksheet>`);
}

export { readSharedStrings };
