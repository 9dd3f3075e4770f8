// County-level items (rules §4.2–4.4 and the 2012 scored government work), judged from the 县级指标 sheet.
import type { CountyItemRule, RetentionInput } from '../standards/government.ts';
import { RETENTION_INPUT_NAMES } from '../standards/government.ts';
import type { PartItem } from './report.ts';
import { fail, ok, type CountyEntry, type Result } from './types.ts';

export type CountyValue = CountyEntry['value'];

/**
 * 初中三年巩固率 (rules §4.3), in percent:
 * (毕业生 − 三年转入 + 三年转出) ÷ (初一时在校生 − 三年死亡) × 100.
 */
export function retentionRate(inputs: Partial<Record<RetentionInput, number>>): Result<number> {
  const missing = (Object.keys(RETENTION_INPUT_NAMES) as RetentionInput[]).filter((k) => inputs[k] === undefined);
  if (missing.length > 0) return fail('no_data', `计算初中三年巩固率缺少：${missing.map((k) => RETENTION_INPUT_NAMES[k]).join('、')}`);
  const { graduates, transfers_in, transfers_out, grade7_enrolment, deaths } = inputs as Record<RetentionInput, number>;
  for (const [k, v] of Object.entries(inputs) as [RetentionInput, number][]) {
    if (v < 0) return fail('invalid_value', `${RETENTION_INPUT_NAMES[k]}不能为负数（${v}）`);
  }
  const base = grade7_enrolment - deaths;
  if (base <= 0) return fail('zero_mean', '初一时在校生数减去死亡学生数后不大于 0，无法计算巩固率');
  return ok(((graduates - transfers_in + transfers_out) / base) * 100);
}

const OPS: Record<CountyItemRule['kind'], PartItem['op']> = { min: '≥', level: '≥', below: '<', yes: '=', score: '≤' };

function judge(rule: CountyItemRule, value: CountyValue): boolean | null {
  if (value === null) return null;
  // A bare 是/否 on a check that has figures: the county's own declaration (自报).
  if (typeof value === 'boolean' && rule.kind !== 'yes') return value;
  switch (rule.kind) {
    case 'yes':
      return value === true;
    case 'min':
    case 'level':
      return typeof value === 'number' && rule.threshold !== null ? value >= rule.threshold : null;
    case 'below':
      return typeof value === 'number' && rule.threshold !== null ? value < rule.threshold : null;
    case 'score':
      return typeof value === 'number' && rule.threshold !== null ? value >= 0 && value <= rule.threshold : null;
  }
}

/**
 * A check's value from the inputs it asks for (rules §4.2: "全县教师__人"), when the sheet gives no value or only a
 * 是/否 for it: num ÷ den × scale. Missing inputs leave the entry as it is.
 */
export function withComputedValues(rules: CountyItemRule[], entries: Partial<Record<string, CountyEntry>>, inputs: Partial<Record<string, CountyEntry>>): Partial<Record<string, CountyEntry>> {
  const out = { ...entries };
  for (const rule of rules) {
    if (!rule.compute || typeof out[rule.id]?.value === 'number') continue;
    const num = inputs[rule.compute.num.id];
    const den = inputs[rule.compute.den.id];
    if (typeof num?.value !== 'number' || typeof den?.value !== 'number' || den.value <= 0) continue;
    out[rule.id] = { value: (num.value / den.value) * rule.compute.scale, ...(num.cell ? { cell: num.cell } : {}), ...(num.sheet ? { sheet: num.sheet } : {}) };
  }
  return out;
}

/** One item per rule: pass null where the sheet has no value (listed as 未填报). */
export function judgeCountyItems(rules: CountyItemRule[], entries: Partial<Record<string, CountyEntry>>): PartItem[] {
  return rules.map((rule) => {
    const entry = entries[rule.id];
    const value = entry?.value ?? null;
    const threshold = rule.kind === 'yes' ? '是' : rule.threshold;
    const op = OPS[rule.kind];
    const pass = judge(rule, value);
    // No spreads (the slow path for a literal): the optional keys appended in the item's order.
    const out: PartItem = rule.unit ? { id: rule.id, name: rule.name, value, threshold, op, unit: rule.unit, pass } : { id: rule.id, name: rule.name, value, threshold, op, pass };
    if (entry?.cell) out.cell = entry.cell;
    if (entry?.sheet) out.sheet = entry.sheet;
    if (typeof value === 'boolean') out.declared = true;
    return out;
  });
}

/** A part's verdict from its items: fails when any item fails, unknown while any is missing, else passes. */
export function partVerdict(items: PartItem[]): { pass: boolean | null; reason?: string } {
  const failing = items.filter((i) => i.pass === false);
  const missing = items.filter((i) => i.pass === null);
  if (failing.length > 0) {
    return { pass: false, reason: `未达标：${failing.map((i) => (i.school ? `${i.school}：${i.name}` : i.name)).slice(0, 8).join('；')}${failing.length > 8 ? ` 等 ${failing.length} 项` : ''}` };
  }
  if (missing.length > 0) return { pass: null, reason: `未评估：缺少 ${missing.map((i) => i.name).slice(0, 5).join('、')}${missing.length > 5 ? ` 等 ${missing.length} 项` : ''}` };
  const declared = items.filter((i) => i.declared && !i.school);
  return declared.length > 0 ? { pass: true, reason: `其中 ${declared.length} 项为县自报（是/否），未经数据核算` } : { pass: true };
}

/**
 * 2012 government work: the judged item scores (judgeCountyItems over the 'score' rules) summed to 100, passing
 * at `passMark`. A score outside 0..points is an entry error, not a fail.
 */
export function scoreGovernmentWork(items: PartItem[], passMark: number): { total: number | null; pass: boolean | null; reason?: string } {
  const invalid = items.filter((i) => i.pass === false);
  if (invalid.length > 0) {
    return { total: null, pass: null, reason: `评分超出分值范围：${invalid.map((i) => `${i.name}（${i.value}，满分 ${i.threshold}）`).join('；')}` };
  }
  if (items.some((i) => i.pass === null)) return { total: null, pass: null, reason: '未评估：县级人民政府推进工作评分未填全' };
  const total = items.reduce((sum, i) => sum + (i.value as number), 0);
  const pass = total >= passMark;
  return { total, pass, ...(pass ? {} : { reason: `推进工作得分 ${total} 分，低于 ${passMark} 分` }) };
}
