// From matched headers to the columns actually read: one column per field (the best match), the summed
// subject columns of pe_art, and the user's mapping on top.
import { FLAG_FIELDS, NUMERIC_FIELDS, TEXT_FIELDS, type CanonicalField, type Problem } from '../core/types.ts';
import { address, colLetter, colNumber } from './cells.ts';
import { normalizeHeader, unitFactor, type ColumnField } from './headers.ts';
import type { HeaderColumn } from './layout.ts';
import { fieldLabel } from './template.ts';
import type { HeaderMapping } from './types.ts';

export interface ReadColumn {
  /** 0-based index into the row arrays. */
  index: number;
  letter: string;
  header: string;
  field: ColumnField | null;
  unit?: string;
  factor: number;
  /** The header says nothing about the unit (equipment value is then judged by magnitude). */
  unitStated: boolean;
  /** Bare A1 address of the column's header cell. */
  headerCell: string;
  /** One of several columns summed into the field. */
  summed: boolean;
}

const CANONICAL = new Set<string>([...NUMERIC_FIELDS, ...TEXT_FIELDS, ...FLAG_FIELDS]);

export function resolveColumns(
  found: HeaderColumn[],
  origin: { row: number; col: number },
  mapping: HeaderMapping | undefined,
  sheet: string,
  problems: Problem[],
): ReadColumn[] {
  const cols: ReadColumn[] = found.map((h) => ({
    index: h.index,
    letter: colLetter(origin.col + h.index),
    header: h.info.text,
    field: h.field,
    ...unitFactor(h.field, h.info),
    unitStated: h.info.unit !== undefined,
    headerCell: address(origin.row + h.headerRow, origin.col + h.index),
    summed: false,
  }));
  const byIndex = new Map(found.map((h, i) => [h.index, { head: h, col: cols[i] }]));

  // One column per field: the best-scoring one; subject columns (体育, 音乐, 美术) are summed when no whole column exists.
  const groups = new Map<string, { head: HeaderColumn; col: ReadColumn }[]>();
  for (const entry of byIndex.values()) {
    if (!entry.col.field) continue;
    const list = groups.get(entry.col.field) ?? [];
    list.push(entry);
    groups.set(entry.col.field, list);
  }
  for (const [field, list] of groups) {
    if (list.length === 1) continue;
    const whole = list.filter((e) => !e.head.info.match?.part);
    if (whole.length === 0) {
      for (const e of list) e.col.summed = true;
      continue;
    }
    const best = whole.reduce((a, b) => ((b.head.info.match?.score ?? 0) > (a.head.info.match?.score ?? 0) ? b : a));
    for (const e of list) {
      if (e === best) continue;
      e.col.field = null;
      problems.push({
        severity: 'info', sheet, cell: e.col.headerCell,
        message: `列 ${e.col.letter}“${e.col.header}”与列 ${best.col.letter}“${best.col.header}”都对应“${field === 'students' ? '在校生数' : fieldLabel(field as CanonicalField)}”，已使用列 ${best.col.letter}；如需改用请手动映射`,
      });
    }
  }

  for (const [field, spec] of Object.entries(mapping ?? {})) {
    if (spec === undefined) continue;
    if (!CANONICAL.has(field)) {
      problems.push({ severity: 'warning', sheet, message: `映射中的字段“${field}”不是台账字段，已忽略` });
      continue;
    }
    // An empty mapping is the clerk's "未对应": no column is read for the field, whatever the headers suggest.
    if (spec.trim() === '') {
      for (const c of cols) if (c.field === field) c.field = null;
      continue;
    }
    const targets = spec.split('+').map((part) => findColumn(part.trim(), found, cols, origin));
    if (targets.some((t) => !t)) {
      problems.push({ severity: 'warning', sheet, message: `映射“${field}=${spec}”在工作表“${sheet}”中找不到对应的列，已忽略` });
      continue;
    }
    for (const c of cols) if (c.field === field) c.field = null;
    for (const t of targets as ReadColumn[]) {
      t.field = field as CanonicalField;
      t.summed = targets.length > 1;
      // The user's choice keeps the unit the header states, if it fits the field.
      const head = byIndex.get(t.index)!.head;
      const u = unitFactor(t.field, head.info);
      t.unit = u.unit;
      t.factor = u.factor;
    }
  }
  return cols;
}

function findColumn(spec: string, found: HeaderColumn[], cols: ReadColumn[], origin: { row: number; col: number }): ReadColumn | undefined {
  const n = colNumber(spec);
  if (n !== null && n >= origin.col) {
    const existing = cols.find((c) => c.letter === spec.toUpperCase());
    if (existing) return existing;
  }
  const key = normalizeHeader(spec);
  const i = found.findIndex((h) => h.keys.includes(key));
  return i >= 0 ? cols[i] : undefined;
}
