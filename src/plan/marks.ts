// Cell marks: a fill and a note on every ledger cell whose school value misses its threshold, and a softer
// fill on cells with data problems. Several findings on one cell (a nine-year school's two parts) share one mark,
// merged here by the one cell key every host records (markKey): the plan hosts get has one mark per cell.
import { FAIL_FILL, WARN_FILL, type CellMark } from '../core/plan.ts';
import type { Evaluation } from '../core/report.ts';
import { STAGE_NAMES, type Problem } from '../core/types.ts';
import type { RulePack } from '../standards/types.ts';
import { baseUnit, displayShortfall, fixed, itemValueText, thresholdText, valueText } from './format.ts';
import { markKey as key, normalCell } from './host-rules.ts';

const SEVERITY_NAMES: Record<Problem['severity'], string> = { error: '错误', warning: '警告', info: '提示' };
export const severityName = (s: Problem['severity']): string => SEVERITY_NAMES[s];

export function buildMarks(evaluation: Evaluation, ledgerSheet: string, pack: RulePack, problems: Problem[]): CellMark[] {
  const marks = new Map<string, CellMark>();

  evaluation.report.schools.forEach((school, i) => {
    for (const rule of pack.indicators) {
      if (school.met?.[rule.id] !== false) continue;
      const cell = evaluation.schoolDetails[i]?.cells[rule.id];
      const value = school.values[rule.id];
      const threshold = rule.threshold?.[school.stage];
      if (!cell || value === null || value === undefined || threshold === undefined) continue;
      const unit = baseUnit(rule.id);
      const gap = displayShortfall(school.shortfall?.[rule.id] ?? 0, unit);
      const ratio = evaluation.schoolDetails[i].ratio[rule.id] ?? value / threshold;
      const minRatio = pack.schoolRule?.minRatio;
      const lines = [
        `未达标：${rule.name}（${STAGE_NAMES[school.stage]}）`,
        `本校值：${valueText(rule.id, value)} ${rule.unit}`,
        `标准：${thresholdText(rule, threshold)}`,
        `差额：需补足 ${gap} ${unit}`,
        minRatio === undefined
          ? `达到标准的 ${fixed(ratio * 100, 1)}%`
          : `达到标准的 ${fixed(ratio * 100, 1)}%（${ratio >= minRatio ? '不低于' : '低于'} ${fixed(minRatio * 100, 0)}%）`,
      ];
      const sheet = school.sheet ?? ledgerSheet;
      const k = key(sheet, cell);
      const prev = marks.get(k);
      if (prev) prev.note += `\n\n${lines.join('\n')}`;
      else marks.set(k, { sheet, cell: normalCell(cell), fill: FAIL_FILL, note: lines.join('\n'), kind: 'fail' });
    }
  });

  // The other parts' failing items that point at a cell: class size, school size, rooms, funding, county items.
  for (const part of evaluation.report.parts) {
    if (part.id === 'resources') continue;
    for (const item of part.items) {
      if (item.pass !== false || !item.cell) continue;
      const sheet = item.sheet ?? ledgerSheet;
      const lines = [
        `未达标：${item.name}（${part.name}）`,
        `${item.school ? '本校值' : '填报值'}：${itemValueText(item.value, item.unit)}`,
        `标准：${item.op ?? ''} ${itemValueText(item.threshold, item.unit)}`.replace('： ', '：'),
      ];
      const k = key(sheet, item.cell);
      const prev = marks.get(k);
      if (prev) prev.note += `\n\n${lines.join('\n')}`;
      else marks.set(k, { sheet, cell: normalCell(item.cell), fill: FAIL_FILL, note: lines.join('\n'), kind: 'fail' });
    }
  }

  for (const p of problems) {
    if (!p.cell || p.severity === 'info') continue;
    const sheet = p.sheet ?? ledgerSheet;
    const line = `数据${SEVERITY_NAMES[p.severity]}：${p.message}`;
    const k = key(sheet, p.cell);
    const prev = marks.get(k);
    if (prev) {
      // Two readers may report the same message for one cell; say it once.
      if (prev.note.split('\n').includes(line)) continue;
      const firstProblem = prev.kind === 'fail' && !prev.note.includes('\n数据');
      prev.note += `${firstProblem ? '\n\n' : '\n'}${line}`;
    } else marks.set(k, { sheet, cell: normalCell(p.cell), fill: WARN_FILL, note: line, kind: 'warning' });
  }
  return [...marks.values()];
}
