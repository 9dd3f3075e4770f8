// The 县级指标 sheet: county-level figures for government guarantee, education quality, social recognition
// (2017) and the scored government work and satisfaction (2012). One row per item: 编号 (the rule's id),
// 指标, 填报值, 单位, 标准, 证明材料. The add-in and `balance template` write it; readers find items by
// 编号 first, else by the item's Chinese name, so a clerk's own sheet with the names works too.
import type { CountyEntry, CountySheet, Problem } from '../core/types.ts';
import { NATIONAL_ROWS_2017, RETENTION_INPUT_NAMES, type CountyItemRule, type ItemInput, type NationalRow } from '../standards/government.ts';
import type { RulePack } from '../standards/types.ts';
import { cellAddress } from '../model/a1.ts';
import { cellText, plain, readFlag, readNumber, toHalfWidth } from './cells.ts';
import type { SheetValues } from './types.ts';

export const COUNTY_SHEET = '县级指标';
const RETENTION_PREFIX = 'retention.';
const INPUT_PREFIX = 'input.';

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

/** A value cell: 是/否, numbers (95, "95%", "９５"), monitoring levels (Ⅲ, III, 三级, 3). A 是/否 on a check with figures is its 自报. */
function readValue(v: unknown, rule: CountyItemRule | undefined): { value: CountyEntry['value'] } | { bad: string } {
  if (plain(v).kind === 'blank') return { value: null };
  const flag = readFlag(v);
  if (rule?.kind === 'yes') return flag === 'bad' ? { bad: `“${cellText(v)}”应填“是”或“否”` } : { value: flag ?? null };
  if (typeof flag === 'boolean' && typeof v === 'string') return { value: flag };
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

/** The inputs the pack's checks are computed from, by id, each once. */
function itemInputs(rules: CountyItemRule[]): ItemInput[] {
  const out = new Map<string, ItemInput>();
  for (const r of rules) for (const i of r.compute ? [r.compute.num, r.compute.den] : []) if (!out.has(i.id)) out.set(i.id, i);
  return [...out.values()];
}

/** Reads the 县级指标 sheet and, in a 申报表 workbook, 表Ⅳ/表Ⅴ/表Ⅵ by their national titles; 县级指标 wins. */
export function readCountySheet(sheets: SheetValues[], pack: RulePack): CountySheetRead {
  const sheet = sheets.find((s) => isCountySheet(s.name));
  const tables = readNationalTables(sheets.filter((s) => s !== sheet), pack);
  const own = sheet ? readOwnSheet(sheet, pack) : undefined;
  const problems = [...(own?.problems ?? []), ...tables.problems];
  if (!own?.countySheet && !tables.found) return { problems };
  const base: CountySheet = own?.countySheet ?? { sheet: tables.found!, entries: {} };
  const entries = { ...tables.entries };
  for (const [id, e] of Object.entries(base.entries)) if (e && (e.value !== null || !entries[id])) entries[id] = e;
  return { countySheet: { ...base, entries }, problems };
}

function readOwnSheet(sheet: SheetValues, pack: RulePack): CountySheetRead {
  const rules = countyItemRules(pack);
  const byId = new Map(rules.map((r) => [norm(r.id), r]));
  const byName = new Map(rules.map((r) => [norm(r.name), r]));
  const rows = nationalRows(pack);
  const byTitle = new Map(rows.map((r) => [norm(r.title), r.checks]));
  const retentionByName = new Map(Object.entries(RETENTION_INPUT_NAMES).map(([k, name]) => [norm(name), k]));
  const inputList = itemInputs(rules);
  const inputById = new Map(inputList.flatMap((i) => [[norm(`${INPUT_PREFIX}${i.id}`), i], [norm(i.name), i]]));
  const origin = sheet.origin ?? { row: 1, col: 1 };
  const problems: Problem[] = [];

  // The header row names the value column (填报值 / 数值 / 值) and, where present, the evidence column.
  let valueCol = -1;
  let evidenceCol = -1;
  let headerRow = -1;
  for (let r = 0; r < Math.min(sheet.values.length, 15) && headerRow < 0; r++) {
    const row = Array.from(sheet.values[r] ?? [], (v) => norm(cellText(v)));
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
  const inputs: NonNullable<CountySheet['inputs']> = {};
  for (let r = headerRow + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    const labels = row.slice(0, valueCol).map((v) => norm(cellText(v).replace(/^\s*其中[:：]/, ''))).filter(Boolean);
    const retentionKey = labels.map((l) => (l.startsWith(RETENTION_PREFIX) ? l.slice(RETENTION_PREFIX.length) : retentionByName.get(l))).find(Boolean);
    const input = labels.map((l) => inputById.get(l)).find(Boolean);
    const rule = labels.map((l) => byId.get(l) ?? byName.get(l)).find(Boolean);
    // A row named by its national title stands for every check of the row (表Ⅳ-11: both ratios).
    const titled = rule ? undefined : labels.map((l) => byTitle.get(l)).find(Boolean);
    if (!rule && !retentionKey && !input && !titled) continue;
    const cell = cellAddress(origin.row + r, origin.col + valueCol);
    const first = rule ?? rules.find((x) => x.id === titled?.[0]);
    const read = input || retentionKey ? readValue(row[valueCol], undefined) : readValue(row[valueCol], first);
    if ('bad' in read) {
      problems.push({ severity: 'error', sheet: sheet.name, cell, message: `${rule?.name ?? input?.name ?? RETENTION_INPUT_NAMES[retentionKey as keyof typeof RETENTION_INPUT_NAMES] ?? first?.name}：${read.bad}` });
      continue;
    }
    const evidence = evidenceCol >= 0 ? cellText(row[evidenceCol]).trim() : '';
    const entry: CountyEntry = { value: read.value, cell, ...(evidence ? { evidence } : {}) };
    if (retentionKey) retention[retentionKey] = entry;
    else if (input) inputs[input.id] = entry;
    else if (rule) entries[rule.id] = entry;
    else for (const id of titled!) if (typeof read.value === 'boolean' || titled!.length === 1) entries[id] ??= entry;
  }
  return { countySheet: { sheet: sheet.name, entries, ...(Object.keys(retention).length ? { retention } : {}), ...(Object.keys(inputs).length ? { inputs } : {}) }, problems };
}

/** The national rows of a pack (2017: 表Ⅳ/表Ⅴ/表Ⅵ), limited to the checks the pack has. */
function nationalRows(pack: RulePack): NationalRow[] {
  const ids = new Set(pack.government?.countyItems.map((r) => r.id) ?? []);
  return NATIONAL_ROWS_2017.map((r) => ({ ...r, checks: r.checks.filter((c) => ids.has(c)) })).filter((r) => r.checks.length > 0);
}

/** A national title as written in a 申报表 (shortened, numbered "1."): the same row when one starts the other. */
function sameTitle(cell: string, title: string): boolean {
  const c = cell.replace(/^[\d一二三四五六七八九十]+[.．、]?/, '');
  if (c.length < 6) return false;
  return c === title || title.startsWith(c.slice(0, Math.min(c.length, 14))) || c.startsWith(title.slice(0, 14));
}

/**
 * 表Ⅳ/表Ⅴ/表Ⅵ of a 申报表 (columns 指标名称 · 指标值或简要结论 · 是否达标): each row found by its national title. A number
 * in the value column is the check's value where the row has one numeric check; 是否达标 is the county's 自报.
 */
function readNationalTables(sheets: SheetValues[], pack: RulePack): { entries: CountySheet['entries']; found?: string; problems: Problem[] } {
  const rows = nationalRows(pack).map((r) => ({ ...r, key: norm(r.title) }));
  const rules = new Map(countyItemRules(pack).map((r) => [r.id, r]));
  const entries: CountySheet['entries'] = {};
  const problems: Problem[] = [];
  let found: string | undefined;
  for (const sheet of sheets) {
    const origin = sheet.origin ?? { row: 1, col: 1 };
    let head = -1;
    let nameCol = -1;
    let valueCol = -1;
    let verdictCol = -1;
    for (let r = 0; r < Math.min(sheet.values.length, 10) && head < 0; r++) {
      const texts = Array.from(sheet.values[r] ?? [], (v) => norm(cellText(v)));
      verdictCol = texts.findIndex((t) => t.includes('是否达标'));
      nameCol = texts.findIndex((t) => t.includes('指标名称') || t === '指标' || t === '项目');
      if (verdictCol >= 0 && nameCol >= 0) {
        head = r;
        valueCol = texts.findIndex((t) => t.includes('指标值') || t.includes('简要结论'));
      }
    }
    if (head < 0) continue;
    for (let r = head + 1; r < sheet.values.length; r++) {
      const row = sheet.values[r] ?? [];
      const label = norm(cellText(row[nameCol]));
      const national = label ? rows.find((x) => sameTitle(label, x.key)) : undefined;
      if (!national) continue;
      found ??= sheet.name;
      const verdict = readFlag(row[verdictCol]);
      const numeric = national.checks.filter((id) => rules.get(id)?.kind !== 'yes');
      const value = valueCol >= 0 ? readNumber(typeof row[valueCol] === 'string' ? (row[valueCol] as string).replace(/[%％]\s*$/, '') : row[valueCol]) : undefined;
      for (const id of national.checks) {
        if (numeric.length === 1 && id === numeric[0] && value?.kind === 'number') {
          entries[id] = { value: value.value, sheet: sheet.name, cell: cellAddress(origin.row + r, origin.col + valueCol) };
        } else if (typeof verdict === 'boolean') {
          entries[id] = { value: verdict, sheet: sheet.name, cell: cellAddress(origin.row + r, origin.col + verdictCol) };
        } else if (verdict === 'bad') {
          problems.push({ severity: 'warning', sheet: sheet.name, cell: cellAddress(origin.row + r, origin.col + verdictCol),
            message: `${national.title}：是否达标填了“${cellText(row[verdictCol]).trim()}”，应填“是”或“否”` });
          break;
        }
      }
    }
  }
  return { entries, found, problems };
}

const STANDARD_TEXT: Record<CountyItemRule['kind'], (r: CountyItemRule) => string> = {
  min: (r) => `≥ ${r.threshold}${r.unit ?? ''}`,
  below: (r) => `< ${r.threshold}${r.unit ?? ''}`,
  yes: () => '是',
  level: (r) => `Ⅲ级及以上（填 1–4，${r.threshold} 即Ⅲ级）`,
  score: (r) => `满分 ${r.threshold} 分`,
};

/** Column widths of the 县级指标 sheet countySheetGrid lays out: 编号, 指标, 填报值, 单位, 标准, 证明材料. */
export const COUNTY_SHEET_WIDTHS = [26, 52, 12, 8, 30, 30];

/** The blank 县级指标 sheet of a pack, as rows (first row is the title), for the template and the sample. */
export function countySheetGrid(pack: RulePack, countyName = ''): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [
    [`县级指标（${pack.name}）`, null, null, null, null, null],
    ['县（市、区）名称', countyName || null, null, null, null, null],
    ['编号', '指标', '填报值', '单位', '标准', '证明材料'],
  ];
  const asked = new Set<string>();
  for (const r of countyItemRules(pack)) {
    rows.push([r.id, r.name, null, r.unit ?? (r.kind === 'score' ? '分' : null), STANDARD_TEXT[r.kind](r), null]);
    // The inputs the row asks for, right under it: filled in, they compute the value (a bare 是/否 is 自报).
    for (const i of r.compute ? [r.compute.num, r.compute.den] : []) {
      if (asked.has(i.id)) continue;
      asked.add(i.id);
      rows.push([`${INPUT_PREFIX}${i.id}`, `其中：${i.name}`, null, i.unit ?? null, '用于计算上一项', null]);
    }
    if (r.id === 'retention_rate') {
      for (const [k, name] of Object.entries(RETENTION_INPUT_NAMES)) rows.push([`${RETENTION_PREFIX}${k}`, `其中：${name}`, null, '人', '用于计算初中三年巩固率', null]);
    }
  }
  return rows;
}
