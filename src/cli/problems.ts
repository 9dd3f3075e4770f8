// The first data problems, printed under the verdict so a clerk sees where to look without opening the JSON.
import type { Problem } from '../core/types.ts';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;
const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function formatProblems(problems: Problem[], limit = 10): string {
  if (problems.length === 0) return '';
  const sorted = [...problems].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const lines = sorted.slice(0, limit).map((p) => {
    const where = p.sheet ? `工作表 ${p.sheet}${p.cell ? `，单元格 ${p.cell}` : ''}：` : '';
    return `  [${SEVERITY[p.severity]}] ${where}${p.message}`;
  });
  if (problems.length > limit) lines.push(`  …另有 ${problems.length - limit} 条，见报告 JSON 或标注副本的“均衡校验报告”`);
  return lines.join('\n');
}
