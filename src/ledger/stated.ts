// The county's own stated means and CVs (the 申报表's 表Ⅲ), for the 复核 (rules §5.1 item 1). The table is read by
// its labels, whichever way it is laid out: each number takes its indicator, stage (小学/初中) and measure (县域均值
// or 差异系数) from the nearest labels left of it in its row, then above it in its column.
import type { Stage } from '../core/types.ts';
import type { IndicatorId } from '../standards/types.ts';
import { cellAddress as address } from '../model/a1.ts';
import { cellText, readNumber, toHalfWidth } from './cells.ts';
import { indicatorOfHeader } from './declaration.ts';
import { headerTexts } from './layout.ts';
import type { SheetValues } from './types.ts';

export interface StatedFigure {
  stage: Stage;
  indicator: IndicatorId;
  measure: 'mean' | 'cv';
  value: number;
  /** Bare A1 address. */
  cell: string;
}

export interface StatedTable {
  sheet: string;
  figures: StatedFigure[];
}

const SHEET_HINT = /表\s*(Ⅲ|III|3|三)(?![\d-])|校际.*(均衡|差异)|差异系数/;
/** Fewest figures a sheet must state to be taken as 表Ⅲ. */
const MIN_FIGURES = 4;
const SCAN_ROWS = 60;

const measureOf = (t: string): StatedFigure['measure'] | undefined =>
  /差异系数/.test(t) && !/综合/.test(t) ? 'cv' : /均值|平均|县域值|全县值|县值|指标值/.test(t) ? 'mean' : undefined;
const stageOfLabel = (t: string): Stage | undefined => {
  const p = t.includes('小学');
  const j = t.includes('初中');
  return p !== j ? (p ? 'primary' : 'junior') : undefined;
};
const indicatorOfLabel = (t: string): IndicatorId | undefined =>
  indicatorOfHeader([t.replace(/差异系数|县域均值|县域平均值|均值|平均值|县域值|全县/g, '')]);

/** The first sheet other than the ledger that states at least four means or CVs by indicator and stage. */
export function readStated(sheets: SheetValues[], ledgerSheet: string): StatedTable | undefined {
  for (const sheet of sheets) {
    if (sheet.name === ledgerSheet) continue;
    const head = sheet.values.slice(0, 3).flat().map((v) => cellText(v)).join('');
    if (!SHEET_HINT.test(toHalfWidth(sheet.name)) && !SHEET_HINT.test(toHalfWidth(head))) continue;
    const figures = figuresOf(sheet);
    if (figures.length >= MIN_FIGURES) return { sheet: sheet.name, figures };
  }
  return undefined;
}

function figuresOf(sheet: SheetValues): StatedFigure[] {
  const origin = sheet.origin ?? { row: 1, col: 1 };
  const rows = Math.min(sheet.values.length, SCAN_ROWS);
  const texts = headerTexts(sheet.values, sheet.merges, origin, rows);
  const isLabel = (r: number, c: number) => !!texts[r][c] && readNumber(sheet.values[r]?.[c]).kind !== 'number';
  const out: StatedFigure[] = [];
  const seen = new Set<string>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < texts[r].length; c++) {
      const read = readNumber(sheet.values[r]?.[c]);
      if (read.kind !== 'number' || isLabel(r, c)) continue;
      const labels: string[] = [];
      for (let k = c - 1; k >= 0; k--) if (isLabel(r, k)) labels.push(texts[r][k]);
      for (let k = r - 1; k >= 0; k--) if (isLabel(k, c)) labels.push(texts[k][c]);
      const indicator = labels.map(indicatorOfLabel).find((x) => x);
      const stage = labels.map(stageOfLabel).find((x) => x);
      const measure = labels.map(measureOf).find((x) => x);
      if (!indicator || !stage || !measure) continue;
      const key = `${stage}|${indicator}|${measure}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ stage, indicator, measure, value: read.value, cell: address(origin.row + r, origin.col + c) });
    }
  }
  return out;
}
