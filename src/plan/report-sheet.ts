// The report sheet 均衡校验报告 as a grid: verdicts, indicator tables, drivers, the per-school compliance
// matrix, 整改清单, data problems and the chart's data (last, so the chart can grow downwards freely).
import { FAIL_FILL, REPORT_MARKER, REPORT_SHEET, WARN_FILL, type ReportChart, type ReportSheetPlan } from '../core/plan.ts';
import type { Driver, Evaluation, SchoolResult, StageResult } from '../core/report.ts';
import { compositeCV } from '../core/stats.ts';
import { reviewSummary } from '../core/review.ts';
import { rowSummaryText } from '../core/completeness.ts';
import { STAGE_NAMES, STAGES, type Problem, type Stage } from '../core/types.ts';
import type { LedgerReadOk } from '../ledger/types.ts';
import type { IndicatorRule, RulePack } from '../standards/types.ts';
import {
  FMT_COUNT,
  FMT_CV,
  FMT_RATIO,
  FMT_VALUE,
  HEADER_FILL,
  PASS_FILL,
  baseUnit,
  displayShortfall,
  sheetRef,
  shortName,
  shortfallFormat,
  itemValueText,
} from './format.ts';
import { columnLetter } from '../model/a1.ts';
import { verdictText } from '../model/messages.ts';
import { cellOf } from '../model/school.ts';
import { Grid, cell, numberCell, sharedCell, type Cell } from './grid.ts';
import { severityName } from './marks.ts';
import { rectificationSection } from './rectify-sheet.ts';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三'];
const SEVERITY_ORDER: Record<Problem['severity'], number> = { error: 0, warning: 1, info: 2 };

interface Ctx {
  grid: Grid;
  evaluation: Evaluation;
  ledger: LedgerReadOk;
  pack: RulePack;
  problems: Problem[];
  section: number;
}

const verdictCell = (pass: boolean | null | undefined): Cell =>
  sharedCell(verdictText(pass), { bold: true, ...(pass === false ? { fill: FAIL_FILL } : pass === true ? { fill: PASS_FILL } : {}) });
/** A verdict the county only declared (是/否): said so, distinct from a computed one. */
const declaredCell = (pass: boolean | null): Cell => ({ ...verdictCell(pass), v: `${verdictText(pass)}（自报）` });
const num = (v: number | null | undefined, numFmt: string): Cell => (v === null || v === undefined ? sharedCell('—') : numberCell(v, numFmt));
/** Sorts school names as the report always has (Chinese collation), with one collator rather than one per comparison. */
const byName = new Intl.Collator('zh').compare;
const link = (text: string, sheet: string, target: string | undefined): Cell =>
  cell(text, target ? { link: sheetRef(sheet, target) } : {});

function heading(ctx: Ctx, title: string): void {
  if (ctx.grid.rows.length > 0) ctx.grid.blank();
  ctx.grid.spanning([], cell(`${NUMERALS[ctx.section++] ?? ctx.section}、${title}`, { bold: true }), 1);
}
const header = (ctx: Ctx, labels: string[]): number =>
  ctx.grid.add(labels.map((l) => cell(l, { bold: true, fill: HEADER_FILL })), { wrapped: true });
const remark = (ctx: Ctx, text: string): number => ctx.grid.spanning([], cell(text), 1);
const judgedStages = (ctx: Ctx): Stage[] => STAGES.filter((s) => (ctx.evaluation.report.stages[s]?.schoolCount ?? 0) > 0);

export function buildReportSheet(evaluation: Evaluation, ledger: LedgerReadOk, pack: RulePack, problems: Problem[]): ReportSheetPlan {
  const grid = new Grid(Math.max(12, pack.indicators.length + 4));
  const ctx: Ctx = { grid, evaluation, ledger, pack, problems, section: 0 };
  grid.spanning([], cell(`${evaluation.report.county}义务教育均衡发展校验报告`, { bold: true }), 1);
  grid.spanning([], cell(`评估标准：${pack.name}（${pack.id}）；台账工作表：${(ledger.county.sheets ?? [ledger.sheet]).join('、')}`), 1);
  // Row 3 (REPORT_MARKER_CELL): what tells every host this sheet is ours to replace or delete.
  grid.spanning([], cell(REPORT_MARKER), 1);
  overall(ctx);
  stageVerdicts(ctx);
  for (const stage of judgedStages(ctx)) indicatorTable(ctx, stage);
  otherParts(ctx);
  review(ctx);
  drivers(ctx);
  for (const stage of judgedStages(ctx)) complianceMatrix(ctx, stage);
  rectification(ctx);
  rectificationSection(grid, evaluation.report.rectification, (title) => heading(ctx, title));
  dataProblems(ctx);
  const chart = chartData(ctx);
  return grid.toPlan(REPORT_SHEET, chart ? { chart } : {});
}

function overall(ctx: Ctx): void {
  const { report } = ctx.evaluation;
  heading(ctx, '总体结论');
  ctx.grid.merge(header(ctx, ['项目', '结论', '说明']), 3, ctx.grid.width);
  const county: Cell = report.pass !== null ? verdictCell(report.pass) : cell('未认定', { bold: true, fill: WARN_FILL });
  const rule = '各部分均已评估且达标，县域方为达标；未评估的部分须补充数据后才能认定';
  ctx.grid.spanning([cell('县域结论', { bold: true }), county], cell(report.reason ? `${report.reason}。${rule}` : rule), 3);
  for (const part of report.parts) ctx.grid.spanning([cell(part.name), verdictCell(part.pass)], cell(part.reason ?? '各项均达标'), 3);
  if (report.rows) {
    const all = [report.rows, ...(report.moreRows ?? [])];
    const incomplete = all.some((r) => r.errors > 0) || report.gaps.length > 0;
    const fill = incomplete ? { fill: WARN_FILL } : {};
    ctx.grid.spanning([cell('台账读取情况'), cell(incomplete ? '数据不全' : '完整', { bold: true, ...fill })], cell(all.map(rowSummaryText).join('；')), 3);
  }
}

function stageVerdicts(ctx: Ctx): void {
  const is2012 = ctx.pack.method === '2012';
  heading(ctx, '分学段结论（资源配置）');
  header(ctx, ['学段', '结论', '学校数', '在校生数', ...(is2012 ? ['综合差异系数', '限值'] : [])]);
  for (const stage of STAGES) {
    const st = ctx.evaluation.report.stages[stage];
    if (!st) continue;
    const base: Cell[] = [cell(STAGE_NAMES[stage]), verdictCell(st.pass), cell(st.schoolCount, { numFmt: FMT_COUNT }), cell(st.students, { numFmt: FMT_COUNT })];
    const row = is2012 ? [...base, num(st.composite, FMT_CV), num(st.compositeLimit, FMT_CV)] : base;
    if (st.reason) ctx.grid.spanning(row, cell(st.reason, { fill: WARN_FILL }));
    else ctx.grid.add(row);
  }
}

function indicatorTable(ctx: Ctx, stage: Stage): void {
  const st = ctx.evaluation.report.stages[stage] as StageResult;
  heading(ctx, `${STAGE_NAMES[stage]}指标表`);
  header(ctx, ['指标', '县均值', '差异系数', '限值', '是否达标', '标准值', '低于标准学校数', '单位']);
  st.indicators.forEach((r, k) => {
    ctx.grid.add([
      cell(r.name),
      num(r.mean, FMT_VALUE),
      num(r.cv, FMT_CV),
      num(r.cvLimit, FMT_CV),
      r.cvLimit === null ? cell('—') : verdictCell(r.cvPass),
      num(r.threshold, FMT_VALUE),
      num(r.schoolsBelow, FMT_COUNT),
      cell(ctx.pack.indicators[k]?.unit ?? ''),
    ]);
  });
  if (st.compositeLimit !== null) {
    ctx.grid.add([cell('综合差异系数', { bold: true }), null, num(st.composite, FMT_CV), num(st.compositeLimit, FMT_CV), verdictCell(st.pass)]);
  } else {
    // The 2017 template prints the average of the indicator CVs for information; it decides nothing.
    const cvs = st.indicators.flatMap((r) => (r.cv === null ? [] : [r.cv]));
    const average = cvs.length === st.indicators.length ? compositeCV(cvs) : null;
    if (average?.ok) ctx.grid.add([cell('差异系数平均值（仅供参考）'), null, num(average.value, FMT_CV)]);
  }
}

/**
 * The parts other than resources: every county item with its value and standard, and the schools' failing
 * items (the passing ones would be hundreds of rows; their count is given).
 */
function otherParts(ctx: Ctx): void {
  const ledgerSheet = ctx.ledger.sheet;
  for (const part of ctx.evaluation.report.parts) {
    if (part.id === 'resources' || part.items.length === 0) continue;
    heading(ctx, `${part.name}明细`);
    const countyItems = part.items.filter((i) => !i.school);
    if (countyItems.length > 0) {
      header(ctx, ['项目', '填报值', '标准', '结论', '单元格']);
      for (const i of countyItems) {
        const where = i.sheet ?? ledgerSheet;
        ctx.grid.add([
          cell(i.name),
          cell(itemValueText(i.value, i.unit)),
          cell(`${i.op ?? ''} ${itemValueText(i.threshold, i.unit)}`.trim()),
          i.value === null ? cell('未填报', { fill: WARN_FILL }) : i.declared ? declaredCell(i.pass) : verdictCell(i.pass),
          i.cell ? link(`${where}!${i.cell}`, where, i.cell) : cell(''),
        ]);
      }
    }
    const schoolItems = part.items.filter((i) => i.school);
    if (schoolItems.length === 0) continue;
    const failing = schoolItems.filter((i) => i.pass === false);
    const schools = new Set(schoolItems.map((i) => i.school)).size;
    remark(ctx, `逐校核查 ${schools} 所学校、${schoolItems.length} 项，未达标 ${failing.length} 项${failing.length ? '：' : '。'}`);
    if (failing.length === 0) continue;
    header(ctx, ['学校', '项目', '本校值', '标准', '单元格']);
    for (const i of failing) {
      ctx.grid.add([
        cell(i.school ?? ''),
        cell(i.name, { fill: FAIL_FILL }),
        cell(itemValueText(i.value, i.unit)),
        cell(`${i.op ?? ''} ${itemValueText(i.threshold, i.unit)}`.trim()),
        i.cell ? link(`${ledgerSheet}!${i.cell}`, ledgerSheet, i.cell) : cell(''),
      ]);
    }
  }
}

/** 复核: the stated 表Ⅲ figures that differ from the recomputed ones, each linked to its cell. */
function review(ctx: Ctx): void {
  const r = ctx.evaluation.report.review;
  if (!r) return;
  heading(ctx, '复核（表Ⅲ 县域均值与差异系数）');
  remark(ctx, `${reviewSummary(r)}（均值保留 2 位小数、差异系数保留 3 位小数以内的差别不计）。`);
  if (r.differences.length === 0) return;
  header(ctx, ['项目', '填报值', '重新计算', '单元格']);
  for (const d of r.differences) {
    const name = ctx.evaluation.report.stages[d.stage]?.indicators.find((i) => i.id === d.indicator)?.name ?? d.indicator;
    ctx.grid.add([
      cell(`${STAGE_NAMES[d.stage]}${name}${d.measure === 'mean' ? '县域均值' : '差异系数'}`, { fill: FAIL_FILL }),
      cell(d.stated),
      d.computed === null ? cell('无法计算') : num(d.computed, d.measure === 'mean' ? '0.00' : '0.000'),
      link(`${d.sheet}!${d.cell}`, d.sheet, d.cell),
    ]);
  }
}

/** Index of a school part in report.schools, to find its cells. */
const schoolIndex = (ctx: Ctx, stage: Stage, d: Driver): number =>
  ctx.evaluation.report.schools.findIndex((s) => s.stage === stage && s.row === d.row && s.name === d.name && s.sheet === d.sheet);

/** The sheet a school's cells are on: its own when the ledger spans several sheets. */
const sheetOf = (ctx: Ctx, s: { sheet?: string }): string => s.sheet ?? ctx.ledger.sheet;

function drivers(ctx: Ctx): void {
  heading(ctx, '拖累差异系数最多的学校');
  remark(ctx, '“拉高差异系数”= 含该校的差异系数 − 去掉该校后的差异系数；每项指标列出影响最大的 3 所学校。');
  header(ctx, ['学校', '学段', '指标', '本校值', '县均值', '拉高差异系数']);
  let any = false;
  for (const stage of judgedStages(ctx)) {
    const st = ctx.evaluation.report.stages[stage] as StageResult;
    for (const rule of ctx.pack.indicators) {
      const mean = st.indicators.find((r) => r.id === rule.id)?.mean ?? null;
      for (const d of ctx.evaluation.drivers[stage]?.[rule.id] ?? []) {
        const i = schoolIndex(ctx, stage, d);
        const target = i >= 0 ? ctx.evaluation.schoolDetails[i].cells[rule.id] : undefined;
        ctx.grid.add([link(d.name, sheetOf(ctx, d), target), cell(STAGE_NAMES[stage]), cell(shortName(rule.id)), num(d.value, FMT_VALUE), num(mean, FMT_VALUE), num(d.impact, FMT_CV)]);
        any = true;
      }
    }
  }
  if (!any) remark(ctx, '无');
}

/** The template's remark: the indicators met and those at least at the 85% line. */
function schoolRemark(ctx: Ctx, s: SchoolResult, i: number): string {
  const met: string[] = [];
  const near: string[] = [];
  const far: string[] = [];
  const minRatio = ctx.pack.schoolRule?.minRatio ?? 0.85;
  for (const rule of ctx.pack.indicators) {
    const m = s.met?.[rule.id];
    if (m === true) met.push(shortName(rule.id));
    else if (m === false) ((ctx.evaluation.schoolDetails[i].ratio[rule.id] ?? 0) >= minRatio ? near : far).push(shortName(rule.id));
  }
  if (near.length === 0 && far.length === 0) return met.length ? `${met.length} 项全部达标` : '';
  const pct = `${Math.round(minRatio * 100)}%`;
  return [
    met.length ? `达标：${met.join('、')}` : '',
    near.length ? `未达标但达到 ${pct}：${near.join('、')}` : '',
    far.length ? `低于 ${pct}：${far.join('、')}` : '',
  ].filter(Boolean).join('；');
}

function complianceMatrix(ctx: Ctx, stage: Stage): void {
  heading(ctx, `${STAGE_NAMES[stage]}学校达标情况（按学校）`);
  const rules = ctx.pack.indicators;
  header(ctx, ['学校', ...rules.map((r) => `${shortName(r.id)}（${r.unit}）`), '达标指标数', '综合评估是否达标', '备注']);
  const nameCells = new Map(ctx.ledger.county.schools.map((s) => [`${s.sheet ?? ''}!${s.row}`, cellOf(s, 'school')]));
  ctx.evaluation.report.schools.forEach((s, i) => {
    if (s.stage !== stage) return;
    const values = rules.map((r) => {
      const v = s.values[r.id];
      if (v === null || v === undefined) return sharedCell('缺数据', { fill: WARN_FILL });
      return numberCell(v, FMT_VALUE, s.met?.[r.id] === false ? FAIL_FILL : undefined);
    });
    ctx.grid.add([
      link(s.name, sheetOf(ctx, s), nameCells.get(`${s.sheet ?? ''}!${s.row}`)),
      ...values,
      num(s.metCount, FMT_COUNT),
      s.pass === null ? sharedCell('—') : verdictCell(s.pass),
      // Remarks repeat (“7 项全部达标”, the same few indicators short): shared like the verdicts.
      sharedCell(schoolRemark(ctx, s, i)),
    ]);
  });
}

interface Gap {
  school: SchoolResult;
  rule: IndicatorRule;
  index: number;
  ruleOrder: number;
  amount: number;
}

function rectification(ctx: Ctx): void {
  heading(ctx, '整改清单');
  remark(ctx, '排序：按指标（评估标准中的顺序）分组，组内按需补足量从大到小；需补足量为达到标准所需的增量，人、间等整数单位向上取整。');
  header(ctx, ['学校', '学段', '指标', '本校值', '标准值', '需补足', '单位', '达到标准的比例', '单元格']);
  const gaps: Gap[] = [];
  ctx.evaluation.report.schools.forEach((school, index) =>
    ctx.pack.indicators.forEach((rule, ruleOrder) => {
      if (school.met?.[rule.id] !== false) return;
      gaps.push({ school, rule, index, ruleOrder, amount: school.shortfall?.[rule.id] ?? 0 });
    }),
  );
  gaps.sort((a, b) => a.ruleOrder - b.ruleOrder || b.amount - a.amount || byName(a.school.name, b.school.name));
  for (const g of gaps) {
    const unit = baseUnit(g.rule.id);
    const target = ctx.evaluation.schoolDetails[g.index].cells[g.rule.id];
    ctx.grid.add([
      cell(g.school.name),
      sharedCell(STAGE_NAMES[g.school.stage]),
      sharedCell(shortName(g.rule.id)),
      num(g.school.values[g.rule.id], FMT_VALUE),
      num(g.rule.threshold?.[g.school.stage], FMT_VALUE),
      { v: displayShortfall(g.amount, unit), numFmt: shortfallFormat(unit), bold: true },
      sharedCell(unit),
      num(ctx.evaluation.schoolDetails[g.index].ratio[g.rule.id], FMT_RATIO),
      target ? link(target, sheetOf(ctx, g.school), target) : sharedCell('—'),
    ]);
  }
  if (gaps.length === 0) remark(ctx, '无：所有学校各项指标均达到标准');
}

function dataProblems(ctx: Ctx): void {
  heading(ctx, '数据问题');
  ctx.grid.merge(header(ctx, ['严重程度', '工作表', '单元格', '说明']), 4, ctx.grid.width);
  const sorted = [...ctx.problems].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  for (const p of sorted) {
    const sheet = p.sheet ?? ctx.ledger.sheet;
    const fill = p.severity === 'error' ? { fill: FAIL_FILL } : p.severity === 'warning' ? { fill: WARN_FILL } : {};
    ctx.grid.spanning(
      [sharedCell(severityName(p.severity), fill), sharedCell(sheet), p.cell ? link(p.cell, sheet, p.cell) : sharedCell('—')],
      cell(p.message),
      4,
    );
  }
  if (sorted.length === 0) remark(ctx, '无');
}

function chartData(ctx: Ctx): ReportChart | undefined {
  const stages = judgedStages(ctx);
  if (stages.length === 0) return undefined;
  heading(ctx, '各指标差异系数与限值（图表数据）');
  const withLimit = (stage: Stage) => ctx.evaluation.report.stages[stage]?.indicators.some((r) => r.cvLimit !== null) ?? false;
  const columns = stages.flatMap((stage) => [
    { name: `${STAGE_NAMES[stage]}差异系数`, pick: (k: number) => ctx.evaluation.report.stages[stage]?.indicators[k]?.cv ?? null },
    ...(withLimit(stage) ? [{ name: `${STAGE_NAMES[stage]}限值`, pick: (k: number) => ctx.evaluation.report.stages[stage]?.indicators[k]?.cvLimit ?? null }] : []),
  ]);
  const headerRow = header(ctx, ['指标', ...columns.map((c) => c.name)]);
  ctx.pack.indicators.forEach((rule, k) => ctx.grid.add([cell(shortName(rule.id)), ...columns.map((c) => num(c.pick(k), FMT_CV))]));
  const first = headerRow + 1;
  const last = headerRow + ctx.pack.indicators.length;
  return {
    title: '各指标差异系数与限值',
    categories: `A${first}:A${last}`,
    series: columns.map((c, j) => ({ name: c.name, values: `${columnLetter(j + 2)}${first}:${columnLetter(j + 2)}${last}` })),
    anchor: `${columnLetter(columns.length + 3)}${headerRow - 1}`,
  };
}
