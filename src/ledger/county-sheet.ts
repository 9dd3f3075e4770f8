// The 县级指标 sheet: county-level figures for government guarantee, education quality, social recognition
// (2017) and the scored government work and satisfaction (2012). One row per item: 编号 (the rule's id),
// 指标, 填报值, 单位, 标准, 证明材料. The add-in and `balance template` write it; readers find items by
// 编号 first, else by the item's Chinese name, so a clerk's own sheet with the names works too.
import type { CountyEntry, CountySheet, Problem } from '../core/types.ts';
import { RETENTION_INPUT_NAMES, type CountyItemRule } from '../standards/government.ts';
import type { RulePack } from '../standards/types.ts';
import { cellAddress } from '../model/a1.ts';
import { cellText, plain, readFlag, readNumber, toHalfWidth } from './cells.ts';
import type { SheetValues } from './types.ts';

export const COUNTY_SHEET = '县级指标';
const RETENTION_PREFIX = 'retention.';

/** Every item a pack asks of the county sheet, in the order the template lists them. */
export function countyItemRules(pack: RulePack): CountyItemRule[] {
  return [...(pack.government?.countyItems ?? []), ...(pack.governmentWork?.items ?? []), ...(pack.satisfaction ? [pack.satisfaction] : [])];
}

const norm = (s: string): string =>
  toHalfWidth(s)
    .replace(/[\s\u3000（）()、，,：:。]/g, '')
    .toLowerCase();

export const isCountySheet = (name: string): boolean => norm(name).includes(norm(COUNTY_SHEET));

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, 一: 1, 二: 2, 三: 3, 四: 4 };

/** A value cell: 是/否, numbers (95, "95%", "９５"), monitoring levels (Ⅲ, III, 三级, 3). */
function readValue(v: unknown, rule: CountyItemRule | undefined): { value: CountyEntry['value'] } | { bad: string } {
  if (plain(v).kind === 'blank') return { value: null };
  if (rule?.kind === 'yes') {
    const flag = readFlag(v);
    return flag === 'bad' ? { bad: `“${cellText(v)}”应填“是”或“否”` } : { value: flag ?? null };
  }
  const text = toHalfWidth(cellText(v)).replace(/[\s级水平以上]/g, '').toLowerCase();
  if (rule?.kind === 'level' && ROMAN[text] !== undefined) return { value: ROMAN[text] };
  const n = readNumber(typeof v === 'string' ? v.replace(/[%％]\s*$/, '') : v);
  if (n.kind === 'number') return { value: n.value };
  if (n.kind === 'missing') return { value: null };
  return { bad: n.reason };
}

export interface CountySheetRead {
  countySheet?: CountySheet;
  problems: Problem[];
}

/** Reads the first 县级指标 sheet, if the workbook has one. */
export function readCountySheet(sheets: SheetValues[], pack: RulePack): CountySheetRead {
  const sheet = sheets.find((s) => isCountySheet(s.name));
  if (!sheet) return { problems: [] };
  const rules = countyItemRules(pack);
  const byId = new Map(rules.map((r) => [norm(r.id), r]));
  const byName = new Map(rules.map((r) => [norm(r.name), r]));
  const retentionByName = new Map(Object.entries(RETENTION_INPUT_NAMES).map(([k, name]) => [norm(name), k]));
  const origin = sheet.origin ?? { row: 1, col: 1 };
  const problems: Problem[] = [];

  // The header row names the value column (填报值 / 数值 / 值) and, where present, the evidence column.
  let valueCol = -1;
  let evidenceCol = -1;
  let headerRow = -1;
  for (let r = 0; r < Math.min(sheet.values.length, 15) && headerRow < 0; r++) {
    const row = (sheet.values[r] ?? []).map((v) => norm(cellText(v)));
    const vc = row.findIndex((t) => t === '填报值' || t === '数值' || t === '值' || t === '填报数' || t === '得分');
    if (vc >= 0) {
      headerRow = r;
      valueCol = vc;
      evidenceCol = row.findIndex((t) => t.includes('证明材料') || t.includes('佐证'));
    }
  }
  if (headerRow < 0) {
    problems.push({ severity: 'warning', sheet: sheet.name, message: `“${sheet.name}”工作表没有“填报值”列，未读取县级指标` });
    return { problems };
  }

  const entries: CountySheet['entries'] = {};
  const retention: NonNullable<CountySheet['retention']> = {};
  for (let r = headerRow + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    const labels = row.slice(0, valueCol).map((v) => norm(cellText(v))).filter(Boolean);
    const retentionKey = labels.map((l) => (l.startsWith(RETENTION_PREFIX) ? l.slice(RETENTION_PREFIX.length) : retentionByName.get(l))).find(Boolean);
    const rule = labels.map((l) => byId.get(l) ?? byName.get(l)).find(Boolean);
    if (!rule && !retentionKey) continue;
    const cell = cellAddress(origin.row + r, origin.col + valueCol);
    const read = readValue(row[valueCol], rule);
    if ('bad' in read) {
      problems.push({ severity: 'error', sheet: sheet.name, cell, message: `${rule?.name ?? RETENTION_INPUT_NAMES[retentionKey as keyof typeof RETENTION_INPUT_NAMES]}：${read.bad}` });
      continue;
    }
    const evidence = evidenceCol >= 0 ? cellText(row[evidenceCol]).trim() : '';
    const entry: CountyEntry = { value: read.value, cell, ...(evidence ? { evidence } : {}) };
    if (retentionKey) retention[retentionKey] = entry;
    else if (rule) entries[rule.id] = entry;
  }
  return { countySheet: { sheet: sheet.name, entries, ...(Object.keys(retention).length ? { retention } : {}) }, problems };
}

const STANDARD_TEXT: Record<CountyItemRule['kind'], (r: CountyItemRule) => string> = {
  min: (r) => `≥ ${r.threshold}${r.unit ?? ''}`,
  below: (r) => `< ${r.threshold}${r.unit ?? ''}`,
  yes: () => '是',
  level: (r) => `Ⅲ级及以上（填 1–4，${r.threshold} 即Ⅲ级）`,
  score: (r) => `满分 ${r.threshold} 分`,
};

/** The blank 县级指标 sheet of a pack, as rows (first row is the title), for the template and the sample. */
export function countySheetGrid(pack: RulePack, countyName = ''): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [
    [`县级指标（${pack.name}）`, null, null, null, null, null],
    ['县（市、区）名称', countyName || null, null, null, null, null],
    ['编号', '指标', '填报值', '单位', '标准', '证明材料'],
  ];
  for (const r of countyItemRules(pack)) rows.push([r.id, r.name, null, r.unit ?? (r.kind === 'score' ? '分' : null), STANDARD_TEXT[r.kind](r), null]);
  if (pack.government?.countyItems.some((r) => r.id === 'retention_rate')) {
    for (const [k, name] of Object.entries(RETENTION_INPUT_NAMES)) rows.push([`${RETENTION_PREFIX}${k}`, `${name}（用于计算初中三年巩固率）`, null, '人', null, null]);
  }
  return rows;
}
