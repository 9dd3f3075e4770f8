// Finding the header of a ledger table: one row or a two-row merged header anywhere in the first rows,
// picked by how many fields its headers name (a merged title row fills every cell but names none).
import { cellText, parseRange, readNumber } from './cells.ts';
import { analyseHeader, fieldOf, normalizeHeader, type ColumnField, type HeaderInfo } from './headers.ts';

/** How far down a header may start. */
export const HEADER_SCAN_ROWS = 15;
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
  /** 0-based rows of the header (one or two). */
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

/** Row r as group headers over row r + 1; group values given only in a merge's first cell are carried right. */
function twoRows(group: string[], sub: string[], r: number): HeaderColumn[] {
  const out: HeaderColumn[] = [];
  let carried = '';
  for (let c = 0; c < Math.max(group.length, sub.length); c++) {
    const g = group[c] ?? '';
    const s = sub[c] ?? '';
    if (g) carried = s ? g : '';
    else if (!s) carried = '';
    const effective = g || carried;
    if (!effective && !s) continue;
    if (!s || s === effective) out.push(column(c, effective, '', g ? r : r + 1));
    else out.push(column(c, s, effective, r + 1));
  }
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
  const rows = Math.min(HEADER_SCAN_ROWS + 1, values.length);
  const texts = headerTexts(values, merges, origin, rows);
  let best: HeaderFound | null = null;
  // On a tie a single row beats the pair that puts a row above it: that row added nothing (a note, a title).
  const consider = (found: HeaderFound) => {
    const b = best as HeaderFound | null;
    const replacesPair = b && found.score === b.score && found.rows.length === 1 && b.rows.length === 2 && b.rows[1] === found.rows[0];
    if (!b || found.score > b.score || replacesPair) best = found;
  };
  for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, rows); r++) {
    if (distinctFilled(texts[r]) === 0) continue;
    const single = singleRow(texts[r], r);
    consider({ rows: [r], columns: single, score: scoreColumns(single, mappingKeys) });
    if (r + 1 < rows && distinctFilled(texts[r]) >= 2 && distinctFilled(texts[r + 1]) > 0 && !looksLikeData(values[r + 1])) {
      const pair = twoRows(texts[r], texts[r + 1], r);
      consider({ rows: [r, r + 1], columns: pair, score: scoreColumns(pair, mappingKeys) });
    }
  }
  const found = best as HeaderFound | null;
  return found && found.score >= MIN_HEADER_FIELDS ? found : null;
}
