// Finding a marked cell again by its school and column after the clerk sorted, inserted or deleted rows (or
// columns) between validate and clear, decided once here for every host: the planner gives each mark its
// identity, every host records it in the shared state and places the recorded marks through placeMarks before
// restoring. Certain or nothing: a cell that cannot be placed without doubt is left, with the reason, for the
// clerk to look at.
import { FAIL_FILL, WARN_FILL, type CellIdentity, type LedgerAnchor, type PlanGrid } from '../core/plan.ts';
import { cellText } from '../ledger/cells.ts';
import { cellAddress, parseCell } from '../model/a1.ts';

export type { CellIdentity, PlanGrid };

/** What a host needs of a sheet to place marks: its values and where they start. */
export type Grid = Pick<PlanGrid, 'values' | 'origin'>;

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

/** Sheet coordinates (1-based) over a grid that may start below or right of A1. */
class Cells {
  readonly r0: number;
  readonly c0: number;
  constructor(readonly values: unknown[][], origin: Grid['origin']) {
    this.r0 = origin?.row ?? 1;
    this.c0 = origin?.col ?? 1;
  }
  row(r: number): unknown[] | undefined {
    return r >= this.r0 ? this.values[r - this.r0] : undefined;
  }
  at(r: number, c: number): unknown {
    return c >= this.c0 ? this.row(r)?.[c - this.c0] : undefined;
  }
  /** One past the last row. */
  get end(): number {
    return this.r0 + this.values.length;
  }
}

/**
 * Each ledger mark's identity, from the values the plan was made from. Header texts are worked out once per
 * column and row hashes once per row, shared by the marks on them (a county has many marks per row).
 */
export class Identities {
  private readonly cells: Cells;
  private readonly rows = new Map<number, string>();
  private readonly headers = new Map<number, string[]>();

  constructor(grid: Grid, private readonly anchor: LedgerAnchor) {
    this.cells = new Cells(grid.values, grid.origin);
  }

  of(row: number, col: number): CellIdentity | undefined {
    const { anchor, cells } = this;
    if (anchor.headerRows.length === 0 || row <= Math.max(...anchor.headerRows)) return undefined;
    let key = this.rows.get(row);
    if (key === undefined) this.rows.set(row, (key = rowKey(cells.row(row))));
    let header = this.headers.get(col);
    if (!header) this.headers.set(col, (header = anchor.headerRows.map((h) => text(cells.at(h, col)))));
    return {
      school: anchor.nameColumn ? text(cells.at(row, anchor.nameColumn)) : '',
      row: key,
      header,
      headerRows: anchor.headerRows,
      nameColumn: anchor.nameColumn,
    };
  }
}

/** One cell's identity (Identities for many). */
export const identityOf = (grid: Grid, row: number, col: number, anchor: LedgerAnchor): CellIdentity | undefined =>
  new Identities(grid, anchor).of(row, col);

export type Located = { row: number; col: number } | { reason: string };

/** How far header rows are looked for above and below where they were (rows inserted or deleted above the table). */
const HEADER_SHIFT = 200;

/** Places identities in the sheet as it is now; one instance per sheet so the row keys are computed once. */
export class Locator {
  private readonly cells: Cells;

  constructor(grid: Grid) {
    this.cells = new Cells(grid.values, grid.origin);
  }

  private byKey: Map<string, number[]> | null = null;
  private readonly byName = new Map<number, Map<string, number[]>>();

  /** Sheet rows by their row hash, built once: a county's marks are each placed without a scan of every row. */
  private rowsByKey(): Map<string, number[]> {
    if (!this.byKey) {
      this.byKey = new Map();
      this.cells.values.forEach((row, i) => push(this.byKey!, rowKey(row), this.cells.r0 + i));
    }
    return this.byKey;
  }

  /** Sheet rows by the text in column `col`, built once per column. */
  private rowsByName(col: number): Map<string, number[]> {
    let map = this.byName.get(col);
    if (!map) {
      map = new Map();
      for (let r = this.cells.r0; r < this.cells.end; r++) push(map, text(this.cells.at(r, col)), r);
      this.byName.set(col, map);
    }
    return map;
  }

  locate(id: CellIdentity, recorded: { row: number; col: number }): Located {
    const header = this.header(id, recorded.col);
    if ('reason' in header) return header;
    const below = Math.max(...id.headerRows) + header.offset;
    const one = (rows: number[]) => (rows.length === 1 ? rows[0] : rows.includes(recorded.row) ? recorded.row : rows.length === 0 ? 0 : -1);
    const under = (rows: number[] | undefined) => (rows ?? []).filter((r) => r > below);
    let row = one(under(this.rowsByKey().get(id.row)));
    if (row === 0 && id.school && id.nameColumn) {
      const nameCol = id.nameColumn + (header.col - recorded.col);
      row = one(under(this.rowsByName(nameCol).get(id.school)));
      if (row === -1) return { reason: `有多行学校名称为“${id.school}”，无法确定是哪一行` };
    }
    if (row === -1) return { reason: `有多行内容与标注时相同，无法确定是哪一行` };
    if (row === 0) return { reason: id.school ? `找不到学校“${id.school}”所在的行（可能已删除或改名）` : '找不到标注时的那一行（可能已删除或改动）' };
    return { row, col: header.col };
  }

  /** The column under the same header texts, and how far the header rows moved. */
  private header(id: CellIdentity, col: number): { col: number; offset: number } | { reason: string } {
    const name = id.header.filter(Boolean).join('/') || '（空表头）';
    const { cells } = this;
    for (let k = 0; k <= 2 * HEADER_SHIFT; k++) {
      const offset = k % 2 === 1 ? (k + 1) / 2 : -k / 2;
      const rows = id.headerRows.map((h) => cells.row(h + offset));
      if (rows.some((r) => r === undefined)) continue;
      const found: number[] = [];
      const width = Math.max(...rows.map((r) => r!.length));
      for (let c = cells.c0; c < cells.c0 + width; c++) if (id.header.every((h, i) => text(rows[i]![c - cells.c0]) === h)) found.push(c);
      if (found.length === 1) return { col: found[0], offset };
      if (found.includes(col)) return { col, offset };
      if (found.length > 1) return { reason: `有多列的表头都是“${name}”，无法确定是哪一列` };
    }
    return { reason: `找不到表头为“${name}”的列` };
  }
}

function push(map: Map<string, number[]>, key: string, row: number): void {
  const rows = map.get(key);
  if (rows) rows.push(row);
  else map.set(key, [row]);
}

/** A recorded mark clear (or a re-validation) could not put back with certainty, and why (Chinese, for the clerk). */
export interface LeftMark {
  sheet: string;
  cell: string;
  reason: string;
}

/** What placing needs of a recorded mark: where it was and, when the planner gave one, whose cell it is. */
export interface Recorded {
  sheet: string;
  cell: string;
  id?: CellIdentity;
}

export interface Placed<M> {
  mark: M;
  /** Where the cell is now. */
  cell: string;
  row: number;
  col: number;
}

/**
 * Where each recorded mark's cell is now. A mark without identity (recorded by an older version, or outside a
 * ledger table) stays at its address; a mark on a sheet that no longer exists (gridOf gives null) has nothing
 * left to restore and is dropped; one that cannot be placed with certainty is left. When two records land on
 * one cell the first (the cell's original look) is kept.
 */
export function placeMarks<M extends Recorded>(marks: readonly M[], gridOf: (sheet: string) => Grid | null | undefined): { placed: Placed<M>[]; left: LeftMark[] } {
  const locators = new Map<string, Locator | null>();
  const locator = (sheet: string) => {
    if (!locators.has(sheet)) {
      const grid = gridOf(sheet);
      locators.set(sheet, grid ? new Locator(grid) : null);
    }
    return locators.get(sheet)!;
  };
  const placed: Placed<M>[] = [];
  const left: LeftMark[] = [];
  const taken = new Set<string>();
  for (const mark of marks) {
    const here = locator(mark.sheet);
    if (!here) continue;
    let at: { row: number; col: number };
    try {
      at = parseCell(mark.cell);
    } catch {
      continue; // a damaged record names no cell: nothing to restore
    }
    if (mark.id) {
      const found = here.locate(mark.id, at);
      if ('reason' in found) {
        left.push({ sheet: mark.sheet, cell: mark.cell, reason: found.reason });
        continue;
      }
      at = found;
    }
    const cell = cellAddress(at.row, at.col);
    const key = `${mark.sheet}\u0000${cell}`;
    if (taken.has(key)) continue;
    taken.add(key);
    placed.push({ mark, cell, ...at });
  }
  return { placed, left };
}

/**
 * Cleared.restored, decided here for every host: the cells placeMarks placed, each once however many records
 * named it, less those the host keeps recorded for a later clear (`kept`, by sheet and placed cell). Marks left,
 * on a sheet deleted since or with a damaged address were given nothing back and do not count.
 */
export function restoredCount(placed: readonly Placed<Recorded>[], kept: readonly Recorded[] = []): number {
  const keep = new Set(kept.map((m) => `${m.sheet}\u0000${m.cell}`));
  return placed.filter((p) => !keep.has(`${p.mark.sheet}\u0000${p.cell}`)).length;
}

/** Hash of a note as a host reads it back (line ends and trailing space as any host may rewrite them). */
export const noteHash = (note: string): string => hashText(note.replace(/\r\n?/g, '\n').trimEnd());

/**
 * Whether the note now on a placed cell is still the one we wrote, so clear may put the clerk's original back.
 * A note edited since is the clerk's and stays. A record without the hash (another host's, or an older version's)
 * cannot tell: its note is put back as recorded, as before.
 */
export const noteIsOurs = (written: string | undefined, now: string): boolean =>
  written === undefined || noteHash(now) === written || hashText(now) === written;

/**
 * The note a marked cell carries once our mark is taken off (by clear, or by a re-validation before it marks
 * again): the clerk's original while the note there is still the one we wrote; the note there now when the clerk
 * edited it since (it is theirs); none when the clerk deleted it.
 */
export function noteAfterClear(written: string | undefined, now: string | null, original: string | null): string | null {
  if (now === null) return null;
  return noteIsOurs(written, now) ? original : now;
}

const OUR_FILLS = new Set([FAIL_FILL, WARN_FILL].map((h) => h.toUpperCase()));

/**
 * Whether the fill now on a placed cell ('#RRGGBB', null for none) is still ours, so taking the mark off puts the
 * clerk's original back. A fill the clerk gave the cell since validation is theirs and stays.
 */
export const fillIsOurs = (now: string | null): boolean => now !== null && OUR_FILLS.has(now.toUpperCase());

/** The lines the pane and the CLI show for marks left in place (empty when none). */
export function leftLines(left: readonly LeftMark[]): string[] {
  if (left.length === 0) return [];
  return [`以下 ${left.length} 处标注无法确定对应的单元格，保留原样，请手工检查：`, ...left.map((m) => `${m.sheet}!${m.cell}：${m.reason}`)];
}
