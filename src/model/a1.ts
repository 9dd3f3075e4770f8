// A1 addresses ↔ 1-based row and column numbers: the one place column letters are made and read, for the
// ledger reader, the plan and every host.

/** 1-based column number → letters (1 → A, 26 → Z, 27 → AA). */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Column letters (either case, at most 3: XFD is Excel's last) → 1-based number, or null when not a column. */
export function columnNumber(letters: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export const cellAddress = (row: number, col: number): string => `${columnLetter(col)}${row}`;

/** "A1:C3" for a block of rows × cols whose top-left is (row, col). */
export const blockAddress = (row: number, col: number, rows: number, cols: number): string =>
  `${cellAddress(row, col)}:${cellAddress(row + rows - 1, col + cols - 1)}`;

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** A bare cell address ("B7", "$B$7") as numbers; throws on anything else (a plan's cells are always bare). */
export function parseCell(a1: string): { row: number; col: number } {
  const m = CELL.exec(a1.trim());
  if (!m) throw new Error(`单元格地址不正确：${a1}`);
  return { row: Number(m[2]), col: columnNumber(m[1])! };
}

/** "B2:D3", "台账!$B$2:D3" or a single cell → 1-based corners (top-left first), or null when unreadable. */
export function parseRange(range: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(range.trim().replace(/^.*!/, ''));
  if (!m) return null;
  const c1 = columnNumber(m[1])!;
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3])! : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

/** The top-left cell of an address as Excel prints it ("Sheet1!B2:F40", "'台账'!C3"); A1 when unreadable. */
export function originOf(address: string): { row: number; col: number } {
  const corners = parseRange(address.slice(address.lastIndexOf('!') + 1));
  return corners ? { row: corners.r1, col: corners.c1 } : { row: 1, col: 1 };
}
