// Finding the header of a ledger table: one row or a merged header of two or three rows anywhere in the first rows,
// picked by how many fields its headers name (a merged title row fills every cell but names none).
import { parseRange } from '../model/a1.ts';
import { cellText, readNumber } from './cells.ts';
import { analysePath, fieldOf, isTotalWord, normalizeHeader, type ColumnField, type HeaderInfo } from './headers.ts';
import { indicatorOfHeader } from './declaration.ts';
import { isColumnNumberRow, isUnitsRow } from './header-rows.ts';

/** How far down a header may start. */
export const HEADER_SCAN_ROWS = 15;
/** Most rows a merged header spans (the statistics' 专任教师 / #按授课课程分 / 艺术 / 计). */
export const MAX_HEADER_ROWS = 4;
/** Fewest distinct fields a header row must name to count as a ledger. */
export const MIN_HEADER_FIELDS = 3;

export interface HeaderColumn {
  /** 0-based index into the row arrays. */
  index: number;
  info: HeaderInfo;
  field: ColumnField | null;
  /** Normalised texts the user mapping may name: sub-header, group+sub, group/sub. */
  keys: string[];
  /** 0-based row of the cell that carries the column's own header (for problems). */
  headerRow: number;
  /** Normalised header path without a closing 计/合计 (专任教师/#按授课课程分/艺术). */
  base: string[];
  /** The header ends in 计/合计: the total of the columns under `base`. */
  total: boolean;
}

export interface HeaderFound {
  /** 0-based rows of the header (one to four, plus a units or column-number row under it). */
  rows: number[];
  columns: HeaderColumn[];
  /** Distinct fields named. */
  score: number;
}

/** Header-area cells as text, with merged ranges filled from their top-left cell. */
export function headerTexts(values: unknown[][], merges: string[] | undefined, origin: { row: number; col: number }, rows: number): string[][] {
  const width = values.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  const texts = Array.from({ length: rows }, (_, r) => Array.from({ length: width }, (_, c) => cellText(values[r]?.[c]).trim()));
  for (const m of merges ?? []) {
    const range = parseRange(m);
    if (!range) continue;
    const r1 = range.r1 - origin.row;
    const c1 = range.c1 - origin.col;
    if (r1 < 0 || r1 >= rows || c1 < 0) continue;
    const text = texts[r1][c1];
    for (let r = r1; r <= Math.min(range.r2 - origin.row, rows - 1); r++) {
      for (let c = c1; c <= Math.min(range.c2 - origin.col, width - 1); c++) if (!texts[r][c]) texts[r][c] = text;
    }
  }
  return texts;
}

const distinctFilled = (row: string[]): number => new Set(row.filter((t) => t)).size;

function scoreColumns(columns: HeaderColumn[], mappingKeys: Set<string>): number {
  const fields = new Set<string>();
  for (const c of columns) {
    if (c.field) fields.add(c.field);
    else if (c.info.derived && indicatorOfHeader(c.base)) fields.add(`given:${indicatorOfHeader(c.base)}`);
    else if (c.keys.some((k) => mappingKeys.has(k))) fields.add(`map:${c.index}`);
  }
  return fields.size;
}

function column(index: number, path: string[], headerRow: number, unit = ''): HeaderColumn {
  const levels = unit ? [...path.slice(0, -1), `${path[path.length - 1] ?? ''}（${unit}）`] : path;
  const info = analysePath(levels);
  const sub = path[path.length - 1] ?? '';
  const group = path.slice(0, -1).filter((t) => t && t !== sub).join('');
  const keys = [normalizeHeader(sub), normalizeHeader(group + sub), normalizeHeader(path.join('/'))].filter((k) => k);
  const total = path.length > 1 && isTotalWord(sub);
  const base = (total ? path.slice(0, -1) : path).map(normalizeHeader);
  return { index, info, field: info.derived || info.degree !== undefined ? null : fieldOf(info), keys, headerRow, base, total };
}

/**
 * Rows top … top + height − 1 as one header: each column's path of texts, top level first, a level repeating the
 * one above (a vertical merge) given once. A group given only in a merge's first cell is carried right while the
 * row below has sub-headers. `units` is a units row under the header (人, ㎡, 万元).
 */
function stacked(texts: string[][], top: number, height: number, units?: string[]): HeaderColumn[] {
  const width = texts[top].length;
  let paths: string[][] = texts[top].map((t) => (t ? [t] : []));
  // The row each column's own header text starts in (the top-left of a vertical merge), for problems.
  let from = texts[top].map(() => top);
  for (let k = 1; k < height; k++) {
    const row = texts[top + k];
    let carried: string[] | null = null;
    const next: string[][] = [];
    const rows: number[] = [];
    for (let c = 0; c < width; c++) {
      const own = paths[c];
      const s = row[c] ?? '';
      if (own.length) carried = s ? own : null;
      else if (!s) carried = null;
      const base = own.length ? own : (carried ?? []);
      const repeat = !s || s === base[base.length - 1];
      next[c] = repeat ? base : [...base, s];
      rows[c] = repeat ? from[c] : top + k;
    }
    paths = next;
    from = rows;
  }
  return paths.flatMap((p, c) => (p.length ? [column(c, p, from[c], units?.[c] ?? '')] : []));
}

const looksLikeData = (row: unknown[] | undefined): boolean => (row ?? []).some((v) => readNumber(v).kind === 'number');

/** The best header in the first rows, or null when no row names enough fields. */
export function findHeader(
  values: unknown[][],
  merges: string[] | undefined,
  origin: { row: number; col: number },
  mappingKeys: Set<string>,
): HeaderFound | null {
  const rows = Math.min(HEADER_SCAN_ROWS + MAX_HEADER_ROWS - 1, values.length);
  const texts = headerTexts(values, merges, origin, rows);
  let best: HeaderFound | null = null;
  // On a tie the header with fewer rows and the same bottom row wins: the row above added nothing (a note, a title).
  const consider = (found: HeaderFound) => {
    const b = best as HeaderFound | null;
    const shorter = b && found.score === b.score && found.rows.length < b.rows.length && found.rows.at(-1) === b.rows.at(-1);
    if (!b || found.score > b.score || shorter) best = found;
  };
  const isSubRow = (r: number) => r < rows && distinctFilled(texts[r]) > 0 && !looksLikeData(values[r]) && !isColumnNumberRow(texts[r]);
  // A header of `height` rows from r, with the units or column-number row under it taken in (never read as a school).
  const candidate = (r: number, height: number) => {
    const below = r + height;
    const units = below < rows && isUnitsRow(texts[below], texts[below - 1]) ? texts[below] : undefined;
    const skip = units || (below < rows && isColumnNumberRow(texts[below])) ? 1 : 0;
    const columns = stacked(texts, r, height, units);
    consider({ rows: Array.from({ length: height + skip }, (_, k) => r + k), columns, score: scoreColumns(columns, mappingKeys) });
  };
  for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, rows); r++) {
    if (distinctFilled(texts[r]) === 0 || isColumnNumberRow(texts[r]) || isUnitsRow(texts[r], texts[r - 1])) continue;
    candidate(r, 1);
    // A title row (one value, merged or not) is never a group header.
    if (distinctFilled(texts[r]) < 2) continue;
    for (let height = 2; height <= MAX_HEADER_ROWS && isSubRow(r + height - 1) && !isUnitsRow(texts[r + height - 1], texts[r + height - 2]); height++) {
      candidate(r, height);
    }
  }
  const found = best as HeaderFound | null;
  return found && found.score >= MIN_HEADER_FIELDS ? found : null;
}
