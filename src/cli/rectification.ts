// 整改测算 under the verdict table: per stage and indicator, CV before → after, what to add, to how many schools,
// and the cost when the county set unit costs.
import type { Rectification } from '../core/rectify/types.ts';
import { STAGE_NAMES } from '../core/types.ts';
import { MESSAGES } from '../model/messages.ts';
import { formatTable, type Align } from './table.ts';

const NONE = '-';
const num = (x: number | null, d: number) => (x === null || !Number.isFinite(x) ? NONE : x.toFixed(d));
/** Whole units without decimals, area to 0.01 ㎡, 元 whole. */
const amount = (x: number, unit: string) => (unit === '㎡' ? x.toFixed(2) : String(Math.round(x)));

/** After the plan: passes, still fails, or cannot be said because some data was not read. */
export const afterText = (pass: boolean | null): string => (pass === null ? MESSAGES.planAfterUnknown : pass ? '资源配置达标' : '仍未达标');

export function formatRectification(r: Rectification | undefined): string[] {
  if (!r) return [];
  const lines: string[] = [];
  if (r.byIndicator.length > 0) {
    const rows = r.byIndicator.map((b) => [
      `${STAGE_NAMES[b.stage]} ${b.name}`,
      `${num(b.cvBefore, 3)} → ${num(b.cvAfter, 3)}`,
      num(b.limit, 2),
      `${amount(b.total, b.unit)} ${b.unit}`,
      String(b.schools),
      b.cost === null ? NONE : num(b.cost, 2),
    ]);
    const align: Align[] = ['left', 'right', 'right', 'right', 'right', 'right'];
    lines.push('整改测算（达标至少需增加）：', formatTable(['指标', '差异系数', '限值', '需增加', '学校数', '万元'], rows, align));
    for (const c of r.composite) {
      const names = c.indicators.map((id) => r.byIndicator.find((b) => b.stage === c.stage && b.indicator === id)?.name ?? id);
      lines.push(`${STAGE_NAMES[c.stage]}综合差异系数 ${num(c.before, 3)} → ${num(c.after, 3)}（限值 ${num(c.limit, 2)}），${c.basis === 'cost' ? '按单价选取最省的指标' : '选取最少的指标'}：${names.join('、')}`);
    }
    const priced = r.byIndicator.some((b) => b.cost !== null);
    const after = `按方案增加后复核：${afterText(r.passAfter)}`;
    lines.push(priced ? `整改合计约 ${r.cost.total.toFixed(2)} 万元；${after}` : `${after}（未设单价，用 --costs 单价.json 折算万元）`);
  }
  for (const n of r.notes) lines.push(`整改测算：${n}`);
  return lines;
}
