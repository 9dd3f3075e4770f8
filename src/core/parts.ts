// The method's parts (rules §3, §4, §6). Each is judged from the data the workbook has: resources from the
// ledger's CVs and per-school values, the others from the ledger's extra columns and the 县级指标 sheet. A part
// with no data is listed as not evaluated, so a county never passes on resources alone.
import type { RulePack } from '../standards/types.ts';
import { judgeCountyItems, partVerdict, retentionRate, scoreGovernmentWork, withComputedValues } from './county-items.ts';
import type { CountyItemRule } from '../standards/government.ts';
import type { CountyEntry } from './types.ts';
import { judgeSchoolGovernmentInto, type GovernmentWarning, type SchoolGovernmentFacts } from './government.ts';
import type { PartId, PartItem, PartResult, SchoolDetail, SchoolResult, StageResult } from './report.ts';
import { STAGE_NAMES, STAGES, type County, type DataGap, type Problem, type Stage } from './types.ts';
import { gapReason } from './completeness.ts';

const PART_NAMES: Record<PartId, string> = {
  resources: '资源配置',
  government: '政府保障程度',
  quality: '教育质量',
  recognition: '社会认可度',
  basic_standard: '学校办学基本标准',
  government_work: '县级人民政府推进工作',
  satisfaction: '公众满意度',
};

const NOT_EVALUATED: Partial<Record<PartId, string>> = {
  government: '未评估：需要台账中的班额、学校规模、音乐美术专用教室、公用经费等列及“县级指标”工作表',
  quality: '未评估：需要“县级指标”工作表中的初中三年巩固率、残疾儿童少年入学率、质量监测结果等',
  recognition: '未评估：需要“县级指标”工作表中的社会认可度调查结果',
  basic_standard: '未评估：需要台账中各校“是否达到办学基本标准”（是/否）',
  government_work: '未评估：需要“县级指标”工作表中的县级人民政府推进工作评分',
  satisfaction: '未评估：需要“县级指标”工作表中的公众满意度调查结果',
};

const PART_ORDER: Record<RulePack['method'], PartId[]> = {
  '2017': ['resources', 'government', 'quality', 'recognition'],
  '2012': ['basic_standard', 'resources', 'government_work', 'satisfaction'],
};

export interface PartInputs {
  county: County;
  /** Per-school facts for the government checks (rules §4.2), one per ledger school that counts. */
  governmentFacts: SchoolGovernmentFacts[];
  /** Per ledger school: 是否达到办学基本标准 (2012), where the ledger has the column. */
  basicStandard: { school: string; met: boolean; cell?: string }[];
  relaxations: boolean;
}

export function parts(
  pack: RulePack,
  stages: Partial<Record<Stage, StageResult>>,
  schools: SchoolResult[],
  details: SchoolDetail[],
  inputs: PartInputs,
  problems: Problem[],
  gaps: DataGap[] = [],
): PartResult[] {
  // The county sheet's entries with the computed checks, once for every part (not once per part).
  const sheet = inputs.county.countySheet;
  const entries = withComputedValues(pack.government?.countyItems ?? [], sheet?.entries ?? {}, sheet?.inputs ?? {});
  return PART_ORDER[pack.method].map((id) => {
    if (id === 'resources') return resourcesPart(pack, stages, schools, details, gaps);
    const items = partItems(id, pack, inputs, entries, problems);
    if (items.length === 0 || items.every((i) => i.pass === null && i.value === null)) {
      return { id, name: PART_NAMES[id], pass: null, reason: NOT_EVALUATED[id], items };
    }
    if (id === 'government_work' && pack.governmentWork) {
      const scored = scoreGovernmentWork(items, pack.governmentWork.passMark);
      return { id, name: PART_NAMES[id], pass: scored.pass, ...(scored.reason ? { reason: scored.reason } : {}), items };
    }
    const verdict = partVerdict(items);
    return { id, name: PART_NAMES[id], ...verdict, items };
  });
}

function partItems(id: PartId, pack: RulePack, inputs: PartInputs, countyEntries: Partial<Record<string, CountyEntry>>, problems: Problem[]): PartItem[] {
  const sheet = inputs.county.countySheet;
  let entries = countyEntries;
  const onSheet = (items: PartItem[]) => (sheet ? items.map((i) => (i.cell ? { ...i, sheet: i.sheet ?? sheet.sheet } : i)) : items);
  switch (id) {
    case 'government': {
      if (!pack.government) return [];
      const perSchool: PartItem[] = [];
      const warnings: GovernmentWarning[] = [];
      for (const f of inputs.governmentFacts) {
        judgeSchoolGovernmentInto(f, pack.government.school, pack, inputs.relaxations, perSchool, warnings);
        for (const w of warnings) problems.push({ severity: 'warning', sheet: f.sheet ?? inputs.county.sheet, cell: w.cell, message: w.message });
        warnings.length = 0;
      }
      const rules = pack.government.countyItems.filter((r) => r.part === 'government');
      const byCheck = new Map<string, PartItem[]>();
      for (const i of perSchool) {
        const list = byCheck.get(i.id);
        if (list) list.push(i);
        else byCheck.set(i.id, [i]);
      }
      const county = onSheet(judgeCountyItems(rules, entries)).map((item, k) => fromLedger(item, rules[k], entries, byCheck));
      return [...perSchool, ...county];
    }
    case 'quality':
    case 'recognition': {
      if (!pack.government) return [];
      const filled = Object.values(sheet?.retention ?? {}).some((e) => typeof e?.value === 'number');
      // The five inputs are used only when the clerk filled some of them and left the rate itself blank.
      if (id === 'quality' && (entries.retention_rate?.value ?? null) === null && sheet?.retention && filled) {
        const inputsOf = Object.fromEntries(Object.entries(sheet.retention).map(([k, e]) => [k, typeof e?.value === 'number' ? e.value : undefined]));
        const rate = retentionRate(inputsOf);
        // This part's own copy: the computed rate is the quality part's, as the sheet left it blank.
        entries = { ...entries };
        if (rate.ok) entries.retention_rate = { value: rate.value, cell: entries.retention_rate?.cell ?? sheet.retention.graduates?.cell };
        else problems.push({ severity: 'error', sheet: sheet.sheet, cell: sheet.retention.graduates?.cell, message: rate.message });
      }
      return onSheet(judgeCountyItems(pack.government.countyItems.filter((r) => r.part === id), entries));
    }
    case 'basic_standard':
      return inputs.basicStandard.map((b) => ({ id: 'basic_standard', name: '达到本省办学基本标准', value: b.met, threshold: '是', pass: b.met, school: b.school, ...(b.cell ? { cell: b.cell } : {}) }));
    case 'government_work':
      return pack.governmentWork ? onSheet(judgeCountyItems(pack.governmentWork.items, entries)) : [];
    case 'satisfaction':
      return pack.satisfaction ? onSheet(judgeCountyItems([pack.satisfaction], entries)) : [];
    default:
      return [];
  }
}

/**
 * A national row the ledger checks school by school (表Ⅳ-3 … 6): with no entry on the county sheet, its verdict is
 * the per-school checks', its value the number of schools that fail them.
 */
function fromLedger(item: PartItem, rule: CountyItemRule, entries: Partial<Record<string, CountyEntry>>, byCheck: Map<string, PartItem[]>): PartItem {
  if (!rule.ledgerChecks || entries[rule.id]) return item;
  let checked = 0;
  let unknown = false;
  const failingSchools = new Set<string | undefined>();
  for (const id of new Set(rule.ledgerChecks)) {
    for (const i of byCheck.get(id) ?? []) {
      checked++;
      if (i.pass === null) unknown = true;
      else if (i.pass === false) failingSchools.add(i.school);
    }
  }
  if (checked === 0 || unknown) return item;
  const failing = failingSchools.size;
  return { ...item, value: failing, threshold: 0, op: '≤', unit: '所', pass: failing === 0 };
}

function resourcesPart(
  pack: RulePack,
  stages: Partial<Record<Stage, StageResult>>,
  schools: SchoolResult[],
  details: SchoolDetail[],
  gaps: DataGap[],
): PartResult {
  const items: PartItem[] = [];
  const reasons: string[] = [];
  for (const stage of STAGES) {
    const st = stages[stage];
    if (!st || st.schoolCount === 0) continue;
    const label = STAGE_NAMES[stage];
    if (pack.method === '2012') {
      items.push({ id: `${stage}.composite`, name: `${label}综合差异系数`, value: st.composite, threshold: st.compositeLimit, pass: st.pass });
      if (st.pass === false) reasons.push(`${label}综合差异系数超过 ${st.compositeLimit}`);
      continue;
    }
    for (const r of st.indicators) {
      items.push({ id: `${stage}.${r.id}.cv`, name: `${label}${r.name}差异系数`, value: r.cv, threshold: r.cvLimit, pass: r.cvPass });
      if (r.cvPass === false) reasons.push(`${label}${r.name}差异系数${r.cv === null ? '无法计算' : `超过 ${r.cvLimit}`}`);
    }
  }
  const failing = new Set<string>();
  for (let i = 0; i < schools.length; i++) {
    const s = schools[i];
    if (s.pass !== false) continue;
    failing.add(s.name);
    for (const r of pack.indicators) {
      if (s.met?.[r.id] === true) continue;
      items.push({
        id: r.id,
        name: r.name,
        value: s.values[r.id] ?? null,
        threshold: r.threshold?.[s.stage] ?? null,
        pass: false,
        school: s.name,
        cell: details[i].cells[r.id],
      });
    }
  }
  // A combined school has a part per stage: name it once.
  if (failing.size > 0) reasons.push(`${failing.size} 所学校未达到校际标准：${[...failing].slice(0, 5).join('、')}${failing.size > 5 ? '等' : ''}`);
  const judged = STAGES.map((s) => stages[s]).filter((st): st is StageResult => !!st && st.schoolCount > 0);
  // A stage that failed on data that was read fails the part; otherwise any gap leaves it 未评估 (rules §5.2).
  const failed = judged.some((st) => st.pass === false);
  if (!failed && gaps.length > 0) {
    return { id: 'resources', name: PART_NAMES.resources, pass: null, reason: gapReason(gaps), items };
  }
  const pass = judged.length === 0 ? null : failed ? false : judged.every((st) => st.pass === true) ? true : null;
  const gapNote = gaps.length > 0 ? [gapReason(gaps)] : [];
  return {
    id: 'resources',
    name: PART_NAMES.resources,
    pass,
    ...(judged.length === 0 ? { reason: '未评估：台账中没有可计入的学校' } : reasons.length || gapNote.length ? { reason: [...reasons, ...gapNote].join('；') } : {}),
    items,
  };
}
