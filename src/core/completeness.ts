// What the verdict rests on (rules §5.2): the data gaps that make a stage, and the county, 数据不全 — 未评估,
// their reasons naming sheet and cells, and the ledger's row accounting as counts.
import type { PartResult, RowSummary } from './report.ts';
import { SKIP_REASON_NAMES, STAGE_NAMES, type AbsentColumn, type DataGap, type RowAccounting, type SkipReason, type Stage } from './types.ts';

/** Cells listed in a reason before "等 N 处": the report sheet and the JSON gaps hold them all. */
const CELLS_SHOWN = 8;

/** The header of the column a stage's input would come from, when the ledger has none (else undefined). */
export function absentHeader(absent: AbsentColumn[] | undefined): (field: string, stage: Stage) => string | undefined {
  if (!absent?.length) return () => undefined;
  return (field, stage) => absent.find((c) => c.field === field && (c.stage === null || c.stage === stage))?.header;
}

/** One message for every school an unmapped column left out: "没有“小学在校生数”列（表头未对应）：28 所学校…". */
export const absentColumnProblem = (headers: string[], what: string): string => `没有${headers.map((h) => `“${h}”`).join('、')}列（表头未对应）：${what}`;

/** Gaps once each (the ledger and the split may both see a blank enrolment). */
export function uniqueGaps(gaps: DataGap[]): DataGap[] {
  const seen = new Set<string>();
  return gaps.filter((g) => {
    const key = `${g.stage}|${g.sheet ?? ''}|${g.cells.join(',')}|${g.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const gapsOfStage = (gaps: DataGap[], stage: Stage): DataGap[] => gaps.filter((g) => g.stage === stage || g.stage === null);

/** "数据不全，未评估：台账 C5、C9 在校生数无法读取；没有“初中在校生数”列（表头未对应）". */
export function gapReason(gaps: DataGap[]): string {
  const byReason = new Map<string, { sheet?: string; cells: Set<string> }>();
  for (const g of gaps) {
    const key = `${g.sheet ?? ''}\u0000${g.reason}`;
    const entry = byReason.get(key) ?? { sheet: g.sheet, cells: new Set<string>() };
    for (const c of g.cells) entry.cells.add(c);
    byReason.set(key, entry);
  }
  const parts = [...byReason].map(([key, { sheet, cells: set }]) => {
    const cells = [...set];
    const reason = key.split('\u0000')[1];
    if (cells.length === 0) return `${sheet ? `工作表“${sheet}”` : ''}${reason}`;
    const shown = cells.slice(0, CELLS_SHOWN).join('、') + (cells.length > CELLS_SHOWN ? ` 等 ${cells.length} 处` : '');
    return `${sheet ? `工作表“${sheet}” ` : ''}${shown} ${reason}`;
  });
  return `数据不全，未评估：${parts.join('；')}`;
}

/** The county's verdict from its parts: any failure fails it; otherwise any part not judged leaves it 未评估. */
export function countyVerdict(parts: PartResult[]): { pass: boolean | null; reason?: string } {
  const failed = parts.filter((p) => p.pass === false).map((p) => p.name);
  const open = parts.filter((p) => p.pass === null).map((p) => p.name);
  if (failed.length > 0) return { pass: false, reason: `${failed.join('、')}未达标${open.length ? `；${open.join('、')}未评估` : ''}` };
  if (open.length > 0) return { pass: null, reason: `${open.join('、')}未评估，县域结论无法认定` };
  return { pass: true };
}

/** The resource verdict of a stage with gaps: never 通过, whatever its figures say. */
export const stageGapReason = (stage: Stage, gaps: DataGap[]): string => `${STAGE_NAMES[stage]}${gapReason(gaps)}`;

/** `firstSheet`: the county's first sheet, whose rows the teaching points name without a sheet. */
export function rowSummary(rows: RowAccounting, teachingPointsLeftOut: { sheet?: string; row: number }[], firstSheet = rows.sheet): RowSummary {
  const leftOut = new Set(teachingPointsLeftOut.filter((t) => (t.sheet ?? firstSheet) === rows.sheet).map((t) => t.row));
  const skipped: Partial<Record<SkipReason, number>> = {};
  for (const [reason, list] of Object.entries(rows.skipped) as [SkipReason, number[]][]) if (list.length) skipped[reason] = list.length;
  const teachingPoints = rows.schools.filter((r) => leftOut.has(r)).length;
  if (teachingPoints > 0) skipped.teaching_point = (skipped.teaching_point ?? 0) + teachingPoints;
  const schools = rows.schools.length - teachingPoints;
  const total = Math.max(0, rows.last - rows.first + 1);
  return { sheet: rows.sheet, first: rows.first, last: rows.last, total, schools, skipped, errors: rows.errors.length };
}

/** "第 3–120 行共 118 行：学校 100 所；跳过 15 行（空行 12，说明/备注行 2，合计/小计行 1）；无法读取 3 行". */
export function rowSummaryText(rows: RowSummary): string {
  const skipped = Object.entries(rows.skipped) as [SkipReason, number][];
  const count = skipped.reduce((n, [, k]) => n + k, 0);
  const detail = skipped.map(([r, k]) => `${SKIP_REASON_NAMES[r]} ${k}`).join('，');
  return `工作表“${rows.sheet}”第 ${rows.first}–${rows.last} 行共 ${rows.total} 行：学校 ${rows.schools} 所` +
    (count ? `；跳过 ${count} 行（${detail}）` : '') +
    (rows.errors ? `；无法读取 ${rows.errors} 行` : '');
}
