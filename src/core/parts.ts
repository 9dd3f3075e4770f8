// The method's parts (rules §3, §4, §6). Resource allocation is judged from the ledger; the other parts are
// listed as not evaluated until their data and rules exist, so a county never passes on resources alone.
import type { RulePack } from '../standards/types.ts';
import type { PartId, PartItem, PartResult, SchoolDetail, SchoolResult, StageResult } from './report.ts';
import { STAGE_NAMES, STAGES, type Stage } from './types.ts';

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
  government: '未评估：需要台账中的班额、学校规模、音乐美术专用教室、生均公用经费等列及“县级指标”工作表',
  quality: '未评估：需要“县级指标”工作表中的初中三年巩固率、残疾儿童少年入学率、质量监测结果等',
  recognition: '未评估：需要“县级指标”工作表中的社会认可度调查结果',
  basic_standard: '未评估：需要各校办学基本标准达标情况（是/否）',
  government_work: '未评估：需要“县级指标”工作表中的政府推进工作评分',
  satisfaction: '未评估：需要“县级指标”工作表中的公众满意度调查结果',
};

const PART_ORDER: Record<RulePack['method'], PartId[]> = {
  '2017': ['resources', 'government', 'quality', 'recognition'],
  '2012': ['basic_standard', 'resources', 'government_work', 'satisfaction'],
};

export const partName = (id: PartId): string => PART_NAMES[id];

export function parts(
  pack: RulePack,
  stages: Partial<Record<Stage, StageResult>>,
  schools: SchoolResult[],
  details: SchoolDetail[],
): PartResult[] {
  return PART_ORDER[pack.method].map((id) =>
    id === 'resources'
      ? resourcesPart(pack, stages, schools, details)
      : { id, name: PART_NAMES[id], pass: null, reason: NOT_EVALUATED[id], items: [] },
  );
}

function resourcesPart(
  pack: RulePack,
  stages: Partial<Record<Stage, StageResult>>,
  schools: SchoolResult[],
  details: SchoolDetail[],
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
  schools.forEach((s, i) => {
    if (s.pass !== false) return;
    const unmet = pack.indicators.filter((r) => s.met?.[r.id] !== true);
    for (const r of unmet) {
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
  });
  const failing = schools.filter((s) => s.pass === false);
  if (failing.length > 0) reasons.push(`${failing.length} 所学校未达到校际标准：${failing.slice(0, 5).map((s) => s.name).join('、')}${failing.length > 5 ? '等' : ''}`);
  const judged = STAGES.map((s) => stages[s]).filter((st): st is StageResult => !!st && st.schoolCount > 0);
  const pass = judged.length === 0 ? null : judged.every((st) => st.pass === true);
  return {
    id: 'resources',
    name: PART_NAMES.resources,
    pass,
    ...(judged.length === 0 ? { reason: '未评估：台账中没有可计入的学校' } : reasons.length ? { reason: reasons.join('；') } : {}),
    items,
  };
}
