// The county's name: from a title above the table ("某某县义务教育学校基本情况统计表", "填报单位：某某县教育局"),
// else from a 县级指标 sheet's 县（市、区）名称 cell.
import { cellText, toHalfWidth } from './cells.ts';
import { normalizeHeader } from './headers.ts';
import type { SheetValues } from './types.ts';

const TITLE_STOP = /义务教育|中小学|小学|初中|县域|校际|学校|教育局|教育和体育局|教体局|基本情况|统计表|台账|\d{4}年|[(（]/;
const UNIT_END = /(自治县|自治旗|县|旗|市|区)$/;

/** The 县/市/区 a title names, or undefined. */
export function countyFromTitle(text: string): string | undefined {
  let s = toHalfWidth(text).replace(/[\s\u3000]/g, '').replace(/^(填报单位|单位|填表单位|县市区|县区)[:：]?/, '');
  s = s.replace(/^\d{4}年度?/, '');
  const stop = TITLE_STOP.exec(s);
  if (!stop || stop.index === 0) return undefined;
  let name = s.slice(0, stop.index).replace(/^.{2,8}?(省|自治区)/, '');
  // 某某市某某区: the county is the last unit.
  const inner = /^.{1,8}?市(.{2,10}(?:县|区|旗|市))$/.exec(name);
  if (inner) name = inner[1];
  return UNIT_END.test(name) && name.length >= 2 && name.length <= 12 ? name : undefined;
}

/** First county name in the given rows (0-based, exclusive end). */
export function countyFromRows(values: unknown[][], endRow: number): string | undefined {
  for (let r = 0; r < Math.min(endRow, values.length); r++) {
    for (const v of values[r] ?? []) {
      const name = countyFromTitle(cellText(v));
      if (name) return name;
    }
  }
  return undefined;
}

const NAME_LABEL = /^(县市区|县区|县市|县|区县)名称$/;
/** A 县级指标 sheet names its county near the top; big data sheets are not scanned to the end. */
const LABEL_SCAN_ROWS = 30;

/** A 县（市、区）名称 label cell anywhere in the other sheets: its value is the next filled cell right, or below. */
export function countyFromLabels(sheets: SheetValues[]): string | undefined {
  for (const sheet of sheets) {
    const rows = sheet.values;
    for (let r = 0; r < Math.min(rows.length, LABEL_SCAN_ROWS); r++) {
      const row = rows[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const label = row[c];
        if (typeof label !== 'string' || !NAME_LABEL.test(normalizeHeader(label).replace(/[()]/g, ''))) continue;
        const right = row.slice(c + 1).map((v) => cellText(v).trim()).find((t) => t);
        // Below only when it reads as a county name: a blank name cell must not yield the next row's header.
        const below = cellText(rows[r + 1]?.[c]).trim();
        const value = right || (UNIT_END.test(below) ? below : '');
        if (value) return value;
      }
    }
  }
  return undefined;
}
