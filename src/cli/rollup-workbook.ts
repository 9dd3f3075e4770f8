// The comparison workbook of `balance rollup`: a summary sheet (one row per county), one sheet per stage
// with every indicator's CV side by side (failing CVs shaded), a long 明细 table for filtering, and the
// files that could not be read.
import ExcelJS from 'exceljs';
import { FAIL_FILL } from '../core/plan.ts';
import { STAGE_NAMES, STAGES, type Stage } from '../core/types.ts';
import type { RollupSummary } from './rollup-model.ts';
import { verdictText } from '../model/messages.ts';

type Value = string | number | null;

const HEADER_FILL = '#DDEBF7';
const argb = (hex: string) => ({ argb: `FF${hex.replace('#', '')}` });
const solid = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: argb(hex) });

interface SheetSpec {
  name: string;
  title: string;
  headers: string[];
  widths: number[];
  rows: Value[][];
  /** numFmt per column index. */
  formats?: Record<number, string>;
  /** Cells to shade, as [rowIndex, colIndex] into rows. */
  shaded?: [number, number][];
  /** Lines written one row below the table. */
  notes?: string[];
}

/** Reviewers print these: landscape A4, every column on one page width. */
export const PRINT_SETUP: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec): void {
  const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 2, xSplit: 1 }], pageSetup: PRINT_SETUP });
  ws.columns = spec.widths.map((width) => ({ width }));
  ws.getCell(1, 1).value = spec.title;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  if (spec.headers.length > 1) ws.mergeCells(1, 1, 1, spec.headers.length);
  const header = ws.getRow(2);
  // Indicator names are long: give the wrapped header room for three lines.
  header.height = spec.headers.some((h) => h.length > 14) ? 48 : 32;
  spec.headers.forEach((h, c) => {
    const cell = header.getCell(c + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = solid(HEADER_FILL);
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  spec.rows.forEach((values, r) => {
    const row = ws.getRow(r + 3);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v;
      const fmt = spec.formats?.[c];
      if (fmt && typeof v === 'number') cell.numFmt = fmt;
    });
  });
  for (const [r, c] of spec.shaded ?? []) ws.getCell(r + 3, c + 1).fill = solid(FAIL_FILL);
  (spec.notes ?? []).forEach((note, i) => (ws.getCell(spec.rows.length + 4 + i, 1).value = note));
}

const stagesPresent = (summary: RollupSummary): Stage[] =>
  STAGES.filter((s) => summary.counties.some((c) => (c.stages[s]?.schoolCount ?? 0) > 0));

/** The county's reason, with the resource part's 数据不全 (which names the cells) when it has one. */
function countyReason(c: RollupSummary['counties'][number]): string | null {
  const resources = c.parts.find((p) => p.id === 'resources');
  const data = resources?.pass === null && resources.reason ? resources.reason : '';
  return [c.reason ?? '', data].filter(Boolean).join('；') || null;
}

function summarySheet(summary: RollupSummary): SheetSpec {
  const stages = stagesPresent(summary);
  // One column per part of the method (资源配置, 政府保障程度, …), in the method's order.
  const parts = summary.counties[0]?.parts.map((p) => ({ id: p.id, name: p.name })) ?? [];
  const headers = ['县（市、区）', '全县结论', ...parts.map((p) => p.name)];
  for (const s of stages) {
    const l = STAGE_NAMES[s];
    headers.push(`${l}资源配置`, `${l}学校数`, `${l}在校生数`, `${l}未达校际标准学校数`);
  }
  headers.push('复核（表Ⅲ）', '数据错误', '数据警告', '结论说明', '台账工作表', '文件');
  const shaded: [number, number][] = [];
  const rows = summary.counties.map((c, r) => {
    const row: Value[] = [c.county, c.pass === true ? '通过' : c.pass === false ? '未通过' : '未评估'];
    if (c.pass !== true) shaded.push([r, 1]);
    for (const part of parts) {
      const pass = c.parts.find((p) => p.id === part.id)?.pass ?? null;
      if (pass === false) shaded.push([r, row.length]);
      row.push(verdictText(pass));
    }
    for (const s of stages) {
      const st = c.stages[s];
      if (st?.pass === false) shaded.push([r, row.length]);
      row.push(st && st.schoolCount > 0 ? verdictText(st.pass) : null, st?.schoolCount ?? null, st?.students ?? null, st?.schoolsFailing ?? null);
    }
    if (c.review?.differences) shaded.push([r, row.length]);
    row.push(c.review ? (c.review.differences ? `${c.review.differences} 处不符` : `一致（${c.review.checked} 项）`) : '—', c.problems.error, c.problems.warning, countyReason(c), c.sheets.join('、'), c.file);
    return row;
  });
  const widths = headers.map((_, i) => (i === 0 ? 16 : i === headers.length - 2 ? 20 : i >= headers.length - 3 ? 40 : 11));
  const notes = [
    '注：全县结论要求评估办法的各部分均已评估且达标；某部分未达标则为“未通过”；没有未达标、但有部分缺少数据（例如没有“县级指标”工作表，或台账有读不出的在校生数）则为“未评估”，原因见“结论说明”。',
    '阴影 = 未达标或未通过。',
    '复核（表Ⅲ）= 申报表中填报的县域均值、差异系数与按表Ⅱ-2 各校数据重新计算的比较；“—”表示工作簿没有表Ⅲ。',
  ];
  return { name: '汇总', title: `县域义务教育均衡发展 汇总对比（${summary.counties.length} 个县，${summary.standard}）`, headers, widths, rows, shaded, notes };
}

function stageSheet(summary: RollupSummary, stage: Stage): SheetSpec {
  const label = STAGE_NAMES[stage];
  const first = summary.counties.find((c) => c.stages[stage])?.stages[stage];
  const indicators = first?.indicators ?? [];
  const hasComposite = first?.compositeLimit !== null && first?.compositeLimit !== undefined;
  const headers = ['县（市、区）', `${label}资源配置`, ...indicators.map((i) => i.name)];
  if (hasComposite) headers.push('综合差异系数');
  const limits: Value[] = ['差异系数限值', null, ...indicators.map((i) => i.cvLimit)];
  if (hasComposite) limits.push(first?.compositeLimit ?? null);
  const shaded: [number, number][] = [];
  const rows: Value[][] = [limits];
  for (const c of summary.counties) {
    const st = c.stages[stage];
    if (!st || st.schoolCount === 0) continue;
    const r = rows.length;
    const row: Value[] = [c.county, verdictText(st.pass)];
    if (st.pass === false) shaded.push([r, 1]);
    for (const ind of indicators) {
      const found = st.indicators.find((i) => i.id === ind.id);
      if (found?.cvPass === false) shaded.push([r, row.length]);
      row.push(found?.cv ?? null);
    }
    if (hasComposite) {
      if (st.pass === false) shaded.push([r, row.length]);
      row.push(st.composite);
    }
    rows.push(row);
  }
  const formats: Record<number, string> = {};
  for (let c = 2; c < headers.length; c++) formats[c] = '0.000';
  const widths = headers.map((_, i) => (i === 0 ? 16 : i === 1 ? 12 : 14));
  return { name: `${label}差异系数`, title: `${label}各指标差异系数（阴影 = 超过限值）`, headers, widths, rows, formats, shaded };
}

function detailSheet(summary: RollupSummary): SheetSpec {
  const headers = ['县（市、区）', '学段', '指标', '县均值', '差异系数', '限值', '是否达标', '标准', '低于标准学校数'];
  const rows: Value[][] = [];
  const shaded: [number, number][] = [];
  for (const c of summary.counties) {
    for (const stage of STAGES) {
      const st = c.stages[stage];
      if (!st || st.schoolCount === 0) continue;
      for (const i of st.indicators) {
        if (i.cvPass === false) shaded.push([rows.length, 4]);
        rows.push([c.county, STAGE_NAMES[stage], i.name, i.mean, i.cv, i.cvLimit, i.cvLimit === null ? null : verdictText(i.cvPass), i.threshold, i.schoolsBelow]);
      }
    }
  }
  return {
    name: '明细',
    title: '各县各学段指标明细',
    headers,
    widths: [16, 8, 44, 12, 12, 8, 10, 8, 14],
    rows,
    formats: { 3: '0.00', 4: '0.000', 5: '0.00' },
    shaded,
  };
}

export function buildRollupWorkbook(summary: RollupSummary): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '均衡督导助手';
  addSheet(wb, summarySheet(summary));
  for (const stage of stagesPresent(summary)) addSheet(wb, stageSheet(summary, stage));
  addSheet(wb, detailSheet(summary));
  if (summary.skipped.length > 0) {
    addSheet(wb, {
      name: '未读取的文件',
      title: '以下文件无法读取，未计入汇总',
      headers: ['文件', '原因'],
      widths: [40, 80],
      rows: summary.skipped.map((s) => [s.file, s.message]),
    });
  }
  return wb;
}
