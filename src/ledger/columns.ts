// From matched headers to the columns actually read: one column per field (the best match), the summed
// subject columns of pe_art, and the user's mapping on top.
import { FLAG_FIELDS, NUMERIC_FIELDS, TEXT_FIELDS, type CanonicalField, type Problem } from '../core/types.ts';
import { cellAddress, columnLetter, columnNumber } from '../model/a1.ts';
import { MESSAGES } from '../model/messages.ts';
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
  stage?: 'primary' | 'junior',
): ReadColumn[] {
  const cols: ReadColumn[] = found.map((h) => ({
    index: h.index,
    letter: columnLetter(origin.col + h.index),
    header: h.info.text,
    field: h.field,
    ...unitFactor(h.field, h.info),
    unitStated: h.info.unit !== undefined,
    headerCell: cellAddress(origin.row + h.headerRow, origin.col + h.index),
    summed: false,
  }));
  const byIndex = new Map(found.map((h, i) => [h.index, { head: h, col: cols[i] }]));
  const isPart = (h: HeaderColumn) => h.info.match?.part === true || h.info.degree !== undefined;
  degreeColumns(found, cols, stage, sheet, problems);
  partsOfTotals(found, cols, sheet, problems);

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
    const whole = list.filter((e) => !isPart(e.head));
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

  const sums = summedColumnsNote(cols, sheet);
  for (const [field, spec] of Object.entries(mapping ?? {})) {
    if (spec === undefined) continue;
    if (!CANONICAL.has(field)) {
      problems.push({ severity: 'warning', code: 'mapping_unknown_field', field, sheet, message: MESSAGES.mappingUnknownField(field) });
      continue;
    }
    // An empty mapping is the clerk's "未对应": no column is read for the field, whatever the headers suggest.
    if (spec.trim() === '') {
      for (const c of cols) if (c.field === field) c.field = null;
      continue;
    }
    const targets = spec.split('+').map((part) => findColumn(part.trim(), found, cols, origin));
    if (targets.some((t) => !t)) {
      problems.push({ severity: 'warning', code: 'mapping_column_not_found', field, sheet, message: MESSAGES.mappingColumnNotFound(field, spec, sheet) });
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
  // The clerk's own sums need no note; the reader's do.
  problems.push(...sums.filter((p) => !(p.field in (mapping ?? {}))).map((p) => p.problem));
  return cols;
}

/**
 * Teachers by degree (专科, 本科, 硕士, 博士) are summed into the above-degree count of their stage: 小学 counts 专科
 * and above, 初中 本科 and above (rules §5.1). The stage is the header's or the sheet's; without one the columns
 * cannot be used.
 */
function degreeColumns(found: HeaderColumn[], cols: ReadColumn[], sheetStage: 'primary' | 'junior' | undefined, sheet: string, problems: Problem[]): void {
  let unplaced: ReadColumn | undefined;
  found.forEach((h, i) => {
    const level = h.info.degree;
    if (level === undefined) return;
    const stage = h.info.stage ?? sheetStage;
    if (stage === 'senior') return;
    if (!stage) {
      unplaced ??= cols[i];
      return;
    }
    if (level < (stage === 'primary' ? 1 : 2)) return;
    cols[i].field = `above_degree_teachers_${stage}`;
    cols[i].summed = true;
  });
  if (unplaced && !cols.some((c) => c.field?.startsWith('above_degree_teachers'))) {
    problems.push({ severity: 'warning', sheet, cell: unplaced.headerCell,
      message: `列 ${unplaced.letter}“${unplaced.header}”等按学历分列的教师数没有注明学段，无法确定高于规定学历的教师数（小学为专科及以上、初中为本科及以上）；请在表头注明小学或初中，或手动映射` });
  }
}

/** A 计 column next to its own parts is their total: the parts that would give the same field are not added to it. */
function partsOfTotals(found: HeaderColumn[], cols: ReadColumn[], sheet: string, problems: Problem[]): void {
  found.forEach((t, ti) => {
    const field = cols[ti].field;
    if (!t.total || !field) return;
    found.forEach((h, i) => {
      const under = h !== t && h.base.length > t.base.length && t.base.every((b, k) => h.base[k] === b);
      if (!under || cols[i].field !== field) return;
      cols[i].field = null;
      problems.push({ severity: 'info', sheet, cell: cols[i].headerCell,
        message: `列 ${cols[i].letter}“${cols[i].header}”是列 ${cols[ti].letter}“${cols[ti].header}”的组成部分，已用合计列，不再重复相加` });
    });
  });
}

/** One info line per field built by adding columns, naming them. */
function summedColumnsNote(cols: ReadColumn[], sheet: string): { field: string; problem: Problem }[] {
  const byField = new Map<string, ReadColumn[]>();
  for (const c of cols) if (c.field && c.summed) byField.set(c.field, [...(byField.get(c.field) ?? []), c]);
  return [...byField].filter(([, list]) => list.length > 1).map(([field, list]) => ({
    field,
    problem: {
      severity: 'info' as const, sheet, cell: list[0].headerCell,
      message: `“${fieldLabel(field as CanonicalField)}”由 ${list.map((c) => `列 ${c.letter}“${c.header}”`).join(' + ')} 相加得到`,
    },
  }));
}

function findColumn(spec: string, found: HeaderColumn[], cols: ReadColumn[], origin: { row: number; col: number }): ReadColumn | undefined {
  const n = columnNumber(spec);
  if (n !== null && n >= origin.col) {
    const existing = cols.find((c) => c.letter === spec.toUpperCase());
    if (existing) return existing;
  }
  const key = normalizeHeader(spec);
  const i = found.findIndex((h) => h.keys.includes(key));
  return i >= 0 ? cols[i] : undefined;
}
