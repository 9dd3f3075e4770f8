// Columns the reader uses without making them school fields: the county of each row (统计三级, 区县) on a
// city's export, the statistics' 学校标识码 (which ties a campus to its main school), and the 申报表's 序号 and
// 年级数 (which tell a primary part from a junior one).
import { cellText, trimAll } from './cells.ts';
import { normalizeHeader } from './headers.ts';
import type { HeaderColumn } from './layout.ts';

export type ExtraKey = 'county' | 'code' | 'serial' | 'grades';

const EXTRA_NAMES: Record<ExtraKey, string[]> = {
  county: ['统计三级', '区县', '县区', '所属区县', '县市区', '所属县市区', '县(市区)', '区县名称', '县区名称', '所在区县'],
  code: ['学校标识码', '学校代码', '标识码', '学校识别码'],
  serial: ['序号', '编号'],
  grades: ['年级数', '年级'],
};
const NAME_TO_KEY = new Map(Object.entries(EXTRA_NAMES).flatMap(([k, names]) => names.map((n) => [normalizeHeader(n).replace(/[()]/g, ''), k as ExtraKey])));

export type ExtraColumns = Partial<Record<ExtraKey, number>>;

/** The extra columns among the header's unmatched ones, by their own (deepest) header text. */
export function findExtras(columns: HeaderColumn[]): ExtraColumns {
  const out: ExtraColumns = {};
  for (const c of columns) {
    if (c.field || c.info.derived) continue;
    const key = NAME_TO_KEY.get((c.base[c.base.length - 1] ?? '').replace(/[()[\]]/g, ''));
    if (key && out[key] === undefined) out[key] = c.index;
  }
  return out;
}

/** The trimmed text of an extra column on a 1-based sheet row. */
export function extraText(values: unknown[][], originRow: number, row: number, index: number | undefined): string {
  if (index === undefined) return '';
  return trimAll(cellText(values[row - originRow]?.[index]));
}
