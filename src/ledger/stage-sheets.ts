// A county whose stages are on separate sheets (a 基础基312 小学 and a 313 初中 export, rules §5.1 item 3) read as
// one county: each school keeps its own sheet, so problems and marks point at the right sheet; a school on both
// sheets (a 九年一贯制) is one school with two stage parts.
import type { AbsentColumn, CanonicalField, LedgerSchool, Stage } from '../core/types.ts';
import type { LedgerReadOk } from './types.ts';

const OTHER_SUFFIX: Record<Stage, string> = { primary: '_junior', junior: '_primary' };

/**
 * `reads` are ledgers of one sheet each, `stages` the one stage each sheet holds. Read apart they would be two
 * counties; they are one when they name the same county (or only the fallback names). Otherwise the first is taken.
 */
export function readTogether(reads: LedgerReadOk[], stages: Stage[], fallbackNames: (string | undefined)[]): LedgerReadOk {
  const [first] = reads;
  const named = [...new Set(reads.map((r) => r.county.name).filter((n) => !fallbackNames.includes(n)))];
  if (named.length > 1) return first;
  const sheets = reads.map((r) => r.sheet);
  const schools: LedgerSchool[] = reads.flatMap((r) => r.county.schools.map((s) => ({ ...s, sheet: r.sheet })));
  // Each sheet lacks the other stage's columns by design; a whole-school column it lacks is its own stage's.
  const absent = reads.flatMap((r, k) => (r.county.absentColumns ?? []).flatMap((a): AbsentColumn[] =>
    a.stage === null ? [{ ...a, stage: stages[k] }] : a.stage === stages[k] ? [a] : []));
  const missing = new Set<CanonicalField>(reads.flatMap((r, k) => r.missingRequired.filter((f) => !f.endsWith(OTHER_SUFFIX[stages[k]]))));
  const info = { severity: 'info' as const, sheet: first.sheet,
    message: `台账分在 ${reads.length} 张工作表：${reads.map((r, k) => `“${r.sheet}”（${stages[k] === 'primary' ? '小学' : '初中'}）`).join('、')}，合并为一个县评估；各学段按所在工作表读取` };
  return {
    ...first,
    county: {
      ...first.county,
      name: named[0] ?? first.county.name,
      sheets,
      schools,
      // A column of the other stage no header maps to is no gap on a one-stage sheet.
      gaps: reads.flatMap((r, k) => (r.county.gaps ?? []).filter((g) => g.stage === null || g.stage === stages[k] || g.cells.length > 0)),
      absentColumns: absent.length ? absent : undefined,
      moreRows: reads.slice(1).flatMap((r) => (r.county.rows ? [r.county.rows] : [])),
    },
    sheetParts: reads.map((r, k) => ({ sheet: r.sheet, stage: stages[k], headerRows: r.headerRows, dataRows: r.dataRows, columns: r.columns })),
    missingRequired: [...missing],
    problems: [info, ...reads.flatMap((r) => r.problems)],
  };
}
