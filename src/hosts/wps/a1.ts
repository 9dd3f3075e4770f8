// Bare A1 addresses ↔ 1-based row/column numbers, for building whole-range addresses.

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function parseCell(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`单元格地址不正确：${a1}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

export const cellAddress = (row: number, col: number): string => `${columnLetter(col)}${row}`;

/** "A1:C3" for a block of rows × cols whose top-left is (row, col). */
export const blockAddress = (row: number, col: number, rows: number, cols: number): string =>
  `${cellAddress(row, col)}:${cellAddress(row + rows - 1, col + cols - 1)}`;
