// A1 addresses as Excel prints them ("'台账'!B2:F40") and the pieces the host needs from them.

export function columnLetter(index0: number): string {
  let n = index0 + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The 1-based top-left cell of an address such as "Sheet1!B2:F40" or "'台账'!C3". */
export function originOf(address: string): { row: number; col: number } {
  const local = address.slice(address.lastIndexOf('!') + 1);
  const m = /^\$?([A-Za-z]+)\$?(\d+)/.exec(local);
  if (!m) return { row: 1, col: 1 };
  return { row: Number(m[2]), col: columnIndex(m[1]) + 1 };
}

/** A sheet name quoted for a formula or hyperlink reference. */
export const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;
