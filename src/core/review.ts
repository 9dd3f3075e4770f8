// 复核 (rules §5.1 item 1): the county's stated 表Ⅲ means and CVs against the ones recomputed from 表Ⅱ-2. A stated
// figure differs when it is further from the recomputed one than its printed rounding allows (means 2 decimals,
// CVs 3).
import type { Report } from './report.ts';
import { STAGE_NAMES, type Stage } from './types.ts';

export interface StatedFigureInput {
  stage: Stage;
  indicator: string;
  measure: 'mean' | 'cv';
  value: number;
  cell: string;
}

export interface ReviewDifference {
  sheet: string;
  cell: string;
  stage: Stage;
  indicator: string;
  measure: 'mean' | 'cv';
  stated: number;
  /** null when the figure cannot be recomputed (no schools, no data). */
  computed: number | null;
  message: string;
}

export interface Review {
  sheet: string;
  /** Stated figures compared. */
  checked: number;
  differences: ReviewDifference[];
}

export const PRINTED_DECIMALS = { mean: 2, cv: 3 } as const;
const EPS = 1e-9;

const fmt = (x: number, d: number): string => x.toFixed(d + 1).replace(/0$/, '');

/** One line: how many stated figures were checked and how many differ. */
export function reviewSummary(review: Review): string {
  return review.differences.length === 0
    ? `复核（${review.sheet}）：填报的 ${review.checked} 个县域均值和差异系数与按各校数据重新计算的一致`
    : `复核（${review.sheet}）：填报的 ${review.checked} 个县域均值和差异系数中，${review.differences.length} 个与按各校数据重新计算的不符`;
}

export function reviewStated(sheet: string, figures: StatedFigureInput[], report: Report): Review {
  const differences: ReviewDifference[] = [];
  for (const f of figures) {
    const ind = report.stages[f.stage]?.indicators.find((i) => i.id === f.indicator);
    if (!ind) continue;
    const computed = f.measure === 'mean' ? ind.mean : ind.cv;
    const d = PRINTED_DECIMALS[f.measure];
    const label = `${STAGE_NAMES[f.stage]}${ind.name}${f.measure === 'mean' ? '县域均值' : '差异系数'}`;
    if (computed === null) {
      differences.push({ sheet, cell: f.cell, stage: f.stage, indicator: f.indicator, measure: f.measure, stated: f.value, computed,
        message: `${sheet}!${f.cell} ${label}填报 ${f.value}，按表中各校数据无法重新计算` });
      continue;
    }
    if (Math.abs(f.value - computed) <= 0.5 * 10 ** -d + EPS) continue;
    differences.push({ sheet, cell: f.cell, stage: f.stage, indicator: f.indicator, measure: f.measure, stated: f.value, computed,
      message: `${sheet}!${f.cell} ${label}填报 ${f.value}，按各校数据重新计算为 ${fmt(computed, d)}，超出保留 ${d} 位小数的误差` });
  }
  return { sheet, checked: figures.length, differences };
}
