// The report sheet's 整改测算 section (rules §7): per indicator CV before → after, what to add, to how many
// schools and at what cost; then per school part what to add to each indicator.
import type { Addition, Rectification } from '../core/rectify/types.ts';
import { STAGE_NAMES } from '../core/types.ts';
import { FMT_CV, FMT_VALUE, HEADER_FILL, isCountUnit, shortName } from './format.ts';
import { cell, type Cell, type Grid } from './grid.ts';
import { MESSAGES } from '../model/messages.ts';

const amountCell = (x: number, unit: string): Cell => cell(x, { numFmt: isCountUnit(unit) || unit === '元' ? '0' : FMT_VALUE, bold: true });
const cvCell = (x: number | null): Cell => (x === null ? cell('—') : cell(x, { numFmt: FMT_CV }));
const costCell = (x: number | null): Cell => (x === null ? cell('—') : cell(x, { numFmt: FMT_VALUE }));

/** `heading` starts a numbered section as the rest of the sheet does. */
export function rectificationSection(grid: Grid, plan: Rectification | undefined, heading: (title: string) => void): void {
  if (!plan) return;
  heading('整改测算');
  const header = (labels: string[]) => grid.add(labels.map((l) => cell(l, { bold: true, fill: HEADER_FILL })), { wrapped: true });
  const note = (text: string) => grid.spanning([], cell(text), 1);
  note('按学校达标（每校至少 6 项达标、其余不低于 85%）所需的最少增量，再加上差异系数超限时把最低的学校补到同一水平所需的最少增量；人、间等整数单位向上取整。按方案增加后已重新校验。');
  for (const n of plan.notes) note(n);
  if (plan.byIndicator.length === 0) {
    if (plan.notes.length === 0) note('无：资源配置已达标，无需增加');
    return;
  }
  header(['学段', '指标', '差异系数（整改前）', '差异系数（整改后）', '限值', '需增加', '单位', '学校数', '费用（万元）']);
  for (const b of plan.byIndicator) {
    grid.add([cell(STAGE_NAMES[b.stage]), cell(shortName(b.indicator)), cvCell(b.cvBefore), cvCell(b.cvAfter), cvCell(b.limit), amountCell(b.total, b.unit), cell(b.unit), cell(b.schools), costCell(b.cost)]);
  }
  for (const c of plan.composite) {
    const names = c.indicators.map(shortName).join('、');
    note(`${STAGE_NAMES[c.stage]}综合差异系数 ${c.before?.toFixed(3) ?? '—'} → ${c.after?.toFixed(3) ?? '—'}（限值 ${c.limit}）：${c.basis === 'cost' ? '按单价选取费用最省的指标' : '选取最少的指标'}——${names}`);
  }
  const priced = plan.byIndicator.some((b) => b.cost !== null);
  note(`${priced ? `合计约 ${plan.cost.total.toFixed(2)} 万元。` : MESSAGES.noUnitCosts}按方案增加后复核：${plan.passAfter === null ? MESSAGES.planAfterUnknown : plan.passAfter ? '资源配置达标' : '资源配置仍未达标'}`);
  // Per school part, one row: what to add to each indicator that needs anything (school and CV raises together;
  // the JSON keeps them apart). One row per school keeps a large county's sheet within one request.
  const columns = [...new Set(plan.byIndicator.map((b) => b.indicator))];
  const unitOf = new Map(plan.byIndicator.map((b) => [b.indicator, b.unit]));
  header(['学校', '学段', ...columns.map((id) => `${shortName(id)}（${unitOf.get(id)}）`)]);
  const rows = new Map<string, { school: string; stage: Addition['stage']; amounts: number[] }>();
  for (const a of plan.additions) {
    const key = `${a.sheet ?? ''}!${a.row}:${a.stage}`;
    const row = rows.get(key) ?? { school: a.school, stage: a.stage, amounts: columns.map(() => 0) };
    rows.set(key, row);
    row.amounts[columns.indexOf(a.indicator)] += a.amount;
  }
  for (const r of rows.values()) {
    grid.add([cell(r.school), cell(STAGE_NAMES[r.stage]), ...r.amounts.map((x, k) => (x > 0 ? amountCell(Number(x.toFixed(6)), unitOf.get(columns[k]) as string) : null))]);
  }
}
