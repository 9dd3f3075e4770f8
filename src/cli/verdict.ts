// The verdict table printed by `validate` and `demo`: per stage, per indicator the county mean (2 decimals),
// CV (3 decimals, as the national template prints them), limit, verdict and schools below; then the parts.
import { verdictText } from '../model/messages.ts';
import type { Evaluation, IndicatorResult, PartResult, Report, StageResult } from '../core/report.ts';
import { STAGE_NAMES, STAGES, type Problem } from '../core/types.ts';
import type { RulePack } from '../standards/types.ts';
import { formatRectification } from './rectification.ts';
import { formatTable, type Align } from './table.ts';
import { rowSummaryText } from '../core/completeness.ts';

const NONE = '-';

export const fixed = (x: number | null | undefined, decimals: number): string =>
  x === null || x === undefined || !Number.isFinite(x) ? NONE : x.toFixed(decimals);


/** `drivers` (from the Evaluation) adds, under each CV over its limit, the schools that raise it most. */
export function formatVerdict(report: Report, pack: RulePack, drivers?: Evaluation['drivers']): string {
  const out: string[] = [`${report.county} · ${pack.name}（${pack.id}）`];
  for (const stage of STAGES) {
    const st = report.stages[stage];
    if (!st || (st.schoolCount === 0 && !st.reason)) continue;
    out.push('', ...formatStage(report, stage, st, pack, drivers?.[stage]));
  }
  const plan = formatRectification(report.rectification);
  if (plan.length > 0) out.push('', ...plan);
  out.push('', '评估结论（各部分）：', formatParts(report.parts));
  out.push('', countyVerdict(report));
  if (report.sheets) out.push(`台账工作表：${report.sheets.map((s) => `“${s}”`).join('、')}（各学段分表，合并为一个县）`);
  for (const rows of report.rows ? [report.rows, ...(report.moreRows ?? [])] : []) out.push(`读取情况：${rowSummaryText(rows)}`);
  out.push(problemSummary(report.problems));
  return out.join('\n');
}

function formatStage(
  report: Report,
  stage: 'primary' | 'junior',
  st: StageResult,
  pack: RulePack,
  drivers: Evaluation['drivers']['primary'],
): string[] {
  const label = STAGE_NAMES[stage];
  // No school could be counted (an unmapped enrolment column): the stage is 未评估 and says why, with no table.
  if (st.schoolCount === 0) return [`${label}：没有可计入的学校 —— 资源配置${verdictText(st.pass)}`, st.reason ?? ''];
  const lines = [`${label}：${st.schoolCount} 所学校，在校生 ${st.students} 人 —— 资源配置${verdictText(st.pass)}`];
  if (st.reason) lines.push(st.reason);
  const unit = (r: IndicatorResult) => pack.indicators.find((i) => i.id === r.id)?.unit ?? '';
  const rows = st.indicators.map((r) => [
    `${r.name}（${unit(r)}）`,
    fixed(r.mean, 2),
    fixed(r.cv, 3),
    fixed(r.cvLimit, 2),
    r.cvLimit === null ? NONE : verdictText(r.cvPass),
    r.threshold === null ? NONE : String(r.threshold),
    r.schoolsBelow === null ? NONE : String(r.schoolsBelow),
  ]);
  const headers = ['指标', '县均值', '差异系数', '限值', '达标', '标准', '低于标准学校数'];
  const align: Align[] = ['left', 'right', 'right', 'right', 'left', 'right', 'right'];
  // Columns the standard leaves empty for the whole stage (2012: no per-indicator limit or threshold) are dropped.
  const keep = headers.map((_, c) => c < 3 || rows.some((row) => row[c] !== NONE));
  const pick = <T>(xs: T[]) => xs.filter((_, c) => keep[c]);
  lines.push(formatTable(pick(headers), rows.map(pick), pick(align)));
  if (st.compositeLimit !== null) {
    lines.push(`综合差异系数 ${fixed(st.composite, 3)}（限值 ${fixed(st.compositeLimit, 2)}）${verdictText(st.pass)}`);
  }
  for (const r of st.indicators) {
    const top = r.cvPass === false ? drivers?.[r.id] : undefined;
    if (!top?.length) continue;
    const names = top.map((d) => `${d.name}（${fixed(d.value, 2)}，差异系数 +${fixed(d.impact, 3)}）`).join('、');
    lines.push(`${r.name}差异系数超限，拉高最多的学校：${names}`);
  }
  const failing = report.schools.filter((s) => s.stage === stage && s.pass === false).map((s) => s.name);
  if (failing.length > 0) {
    const shown = failing.slice(0, 10).join('、') + (failing.length > 10 ? '等' : '');
    lines.push(`未达到校际标准的学校（${failing.length} 所）：${shown}`);
  }
  return lines;
}

/** The county passes only when every part passed; a failed part fails it; otherwise it cannot be judged (未评估). */
function countyVerdict(report: Report): string {
  if (report.pass === true) return '全县结论：通过';
  const word = report.pass === false ? '未通过' : '未评估';
  return `全县结论：${word}${report.reason ? `（${report.reason}）` : ''}`;
}

function formatParts(parts: PartResult[]): string {
  const rows = parts.map((p) => [p.name, verdictText(p.pass), p.reason ?? '']);
  // The reasons are long sentences: no rule line as wide as the longest of them.
  return formatTable(['部分', '结论', '说明'], rows, [], false);
}

export function problemSummary(problems: Problem[]): string {
  if (problems.length === 0) return '数据问题：无';
  const count = (s: Problem['severity']) => problems.filter((p) => p.severity === s).length;
  return `数据问题：共 ${problems.length} 条（错误 ${count('error')}，警告 ${count('warning')}，提示 ${count('info')}）`;
}
