// A small terminal table: CJK and full-width characters take two columns, so padding counts display width.
import { oneLine } from './terminal.ts';

/** East Asian Wide and Fullwidth ranges (Unicode UAX #11) that occur in ledgers and our messages. */
const WIDE_RANGES: [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

function charWidth(codePoint: number): number {
  if (codePoint < 0x20 || (codePoint >= 0x300 && codePoint <= 0x36f)) return 0;
  return WIDE_RANGES.some(([lo, hi]) => codePoint >= lo && codePoint <= hi) ? 2 : 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0) as number);
  return width;
}

export type Align = 'left' | 'right';

export function pad(text: string, width: number, align: Align = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** Columns separated by two spaces, a rule under the header (unless `rule` is false), no trailing spaces. */
export function formatTable(headers: string[], cells: string[][], align: Align[] = [], rule = true): string {
  const rows = cells.map((r) => r.map((c) => oneLine(c ?? '')));
  const widths = headers.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => pad(cell ?? '', widths[c], align[c] ?? 'left'))
      .join('  ')
      .trimEnd();
  const under = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(headers), ...(rule ? [under] : []), ...rows.map(line)].join('\n');
}
