// Finding the header of a ledger table: one row or a merged header of two or three rows anywhere in the first rows,
// picked by how many fields its headers name (a merged title row fills every cell but names none).
import { cellText, parseRange, readNumber } from './cells.ts';
import { analyseHeader, fieldOf, normalizeHeader, type ColumnField, type HeaderInfo } from './headers.ts';

/** How far down a header may start. */
export const HEADER_SCAN_ROWS = 15;
/** Most rows a merged header spans (group, sub-group, sub-header). */
export const MAX_HEADER_ROWS = 3;
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
}

export interface HeaderFound {
  /** 0-based rows of the header (one to three). */
  rows: number[];
  columns: HeaderColumn[];
  /** Distinct fields named. */
  score: number;
}

/** Header-area cells as text, with merged ranges filled from their top-left cell. */
function headerTexts(values: unknown[][], merges: string[] | undefined, origin: { row: number; col: number }, rows: number): string[][] {
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
    else if (c.keys.some((k) => mappingKeys.has(k))) fields.add(`map:${c.index}`);
  }
  return fields.size;
}

function column(index: number, sub: string, group: string, headerRow: number): HeaderColumn {
  const info = analyseHeader(sub, group);
  const keys = [normalizeHeader(sub), normalizeHeader(group + sub), normalizeHeader(info.text)].filter((k) => k);
  return { index, info, field: info.derived ? null : fieldOf(info), keys, headerRow };
}

function singleRow(texts: string[], r: number): HeaderColumn[] {
  return texts.flatMap((t, c) => (t ? [column(c, t, '', r)] : []));
}

/**
 * Walks a group row over the row below it. A group value given only in a merge's first cell is carried right
 * while the row below has sub-headers; `emit` gets each column's effective group and its sub-header.
 */
function underGroups(group: string[], sub: string[], emit: (c: number, effective: string, s: string, g: string) => void): void {
  let carried = '';
  for (let c = 0; c < Math.max(group.length, sub.length); c++) {
    const g = group[c] ?? '';
    const s = sub[c] ?? '';
    if (g) carried = s ? g : '';
    else if (!s) carried = '';
    const effective = g || carried;
    if (effective || s) emit(c, effective, s, g);
  }
}

/** Rows top … top + height − 1 as one header: the upper rows folded into group texts over the bottom row. */
function stacked(texts: string[][], top: number, height: number): HeaderColumn[] {
  let group = texts[top];
  // The row each column's own header text starts in (the top-left of a vertical merge), for problems.
  let from = group.map(() => top);
  for (let k = 1; k < height - 1; k++) {
    const folded: string[] = [];
    const rows: number[] = [];
    underGroups(group, texts[top + k], (c, effective, s) => {
      const own = !s || s === effective;
      folded[c] = own ? effective : effective ? `${effective}/${s}` : s;
      rows[c] = own ? from[c] : top + k;
    });
    group = Array.from(folded, (t) => t ?? '');
    from = Array.from(rows, (r) => r ?? top + k);
  }
  const bottom = top + height - 1;
  const out: HeaderColumn[] = [];
  underGroups(group, texts[bottom], (c, effective, s) => {
    if (!s || s === effective) out.push(column(c, effective, '', from[c] ?? bottom));
    else out.push(column(c, s, effective, bottom));
  });
  return out;
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
  const isSubRow = (r: number) => r < rows && distinctFilled(texts[r]) > 0 && !looksLikeData(values[r]);
  for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, rows); r++) {
    if (distinctFilled(texts[r]) === 0) continue;
    const single = singleRow(texts[r], r);
    consider({ rows: [r], columns: single, score: scoreColumns(single, mappingKeys) });
    // A title row (one value, merged or not) is never a group header.
    if (distinctFilled(texts[r]) < 2) continue;
    for (let height = 2; height <= MAX_HEADER_ROWS && isSubRow(r + height - 1); height++) {
      const columns = stacked(texts, r, height);
      consider({ rows: Array.from({ length: height }, (_, k) => r + k), columns, score: scoreColumns(columns, mappingKeys) });
    }
  }
  const found = best as HeaderFound | null;
  return found && found.score >= MIN_HEADER_FIELDS ? found : null;
}
