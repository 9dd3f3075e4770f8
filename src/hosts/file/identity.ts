// Finding a marked cell again by its school and column after the clerk sorted, inserted or deleted rows (or
// columns) between validate and clear. Certain or nothing: a cell that cannot be placed without doubt is left,
// with the reason, for the clerk to look at.
import type { LedgerAnchor } from '../../core/plan.ts';
import { cellText } from '../../ledger/cells.ts';
import type { CellIdentity } from '../state.ts';

/** FNV-1a, 32 bits, with the length: short enough to keep per cell, collisions irrelevant at ledger sizes. */
export function hashText(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(16)}.${s.length}`;
}

const text = (v: unknown): string => cellText(v).trim();

/** A row's texts, blanks left out, so an inserted empty column or a re-typed number does not change it. */
function rowKey(row: unknown[] | undefined): string {
  if (!row) return '';
  const parts: string[] = [];
  for (const v of row) {
    const t = text(v);
    if (t) parts.push(t);
  }
  return hashText(parts.join('\u0001'));
}

export function identityOf(values: unknown[][], row: number, col: number, anchor: LedgerAnchor): CellIdentity | undefined {
  if (row <= Math.max(...anchor.headerRows)) return undefined;
  return {
    school: anchor.nameColumn ? text(values[row - 1]?.[anchor.nameColumn - 1]) : '',
    row: rowKey(values[row - 1]),
    header: anchor.headerRows.map((h) => text(values[h - 1]?.[col - 1])),
    headerRows: anchor.headerRows,
    nameColumn: anchor.nameColumn,
  };
}

export type Located = { row: number; col: number } | { reason: string };

/** Places identities in the sheet as it is now; one instance per sheet so the row keys are computed once. */
export class Locator {
  private keys: string[] | null = null;

  constructor(private readonly values: unknown[][]) {}

  private rowKeys(): string[] {
    this.keys ??= this.values.map(rowKey);
    return this.keys;
  }

  locate(id: CellIdentity, recorded: { row: number; col: number }): Located {
    const header = this.header(id, recorded.col);
    if ('reason' in header) return header;
    const below = Math.max(...id.headerRows) + header.offset;
    const keys = this.rowKeys();
    const same = (rows: number[]) => (rows.length === 1 ? rows[0] : rows.includes(recorded.row) ? recorded.row : rows.length === 0 ? 0 : -1);
    const byRow: number[] = [];
    for (let r = below; r < keys.length; r++) if (keys[r] === id.row) byRow.push(r + 1);
    let row = same(byRow);
    if (row === 0 && id.school && id.nameColumn) {
      const nameCol = id.nameColumn - 1 + (header.col - recorded.col);
      const byName: number[] = [];
      for (let r = below; r < this.values.length; r++) if (text(this.values[r]?.[nameCol]) === id.school) byName.push(r + 1);
      row = same(byName);
      if (row === -1) return { reason: `有多行学校名称为“${id.school}”，无法确定是哪一行` };
    }
    if (row === -1) return { reason: `有多行内容与标注时相同，无法确定是哪一行` };
    if (row === 0) return { reason: id.school ? `找不到学校“${id.school}”所在的行（可能已删除或改名）` : '找不到标注时的那一行（可能已删除或改动）' };
    return { row, col: header.col };
  }

  /** The column under the same header texts, and how far the header rows moved. */
  private header(id: CellIdentity, col: number): { col: number; offset: number } | { reason: string } {
    const name = id.header.filter(Boolean).join('/') || '（空表头）';
    const offsets = [0, ...Array.from({ length: 400 }, (_, k) => (k % 2 === 0 ? k / 2 + 1 : -(k + 1) / 2))];
    for (const offset of offsets) {
      const rows = id.headerRows.map((h) => this.values[h - 1 + offset]);
      if (rows.some((r) => r === undefined)) continue;
      const cols: number[] = [];
      const width = Math.max(...rows.map((r) => r.length));
      for (let c = 0; c < width; c++) if (id.header.every((h, k) => text(rows[k][c]) === h)) cols.push(c + 1);
      if (cols.length === 1) return { col: cols[0], offset };
      if (cols.includes(col)) return { col, offset };
      if (cols.length > 1) return { reason: `有多列的表头都是“${name}”，无法确定是哪一列` };
    }
    return { reason: `找不到表头为“${name}”的列` };
  }
}
