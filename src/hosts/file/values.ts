// ExcelJS cell values → the plain values the ledger reader takes (rules §5: the reader parses text numbers itself).
import type ExcelJS from 'exceljs';

/** A formula saved without its calculated value stays a formula, so the reader says so instead of "blank". */
export type Plain = string | number | boolean | null | { formula: string };

const richText = (v: { richText: { text: string }[] }): string => v.richText.map((r) => r.text).join('');

/** A date as an ISO string; date-only when it has no time of day (Excel stores dates as UTC serials). */
function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

export function plainValue(v: ExcelJS.CellValue | undefined): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return isoDate(v);
  if (typeof v !== 'object') return null;
  // Formulas (shared ones too) give their cached result: the ledger is read as the clerk last saw it.
  if ('formula' in v || 'sharedFormula' in v) {
    const f = v as ExcelJS.CellFormulaValue & { sharedFormula?: string };
    if (f.result === undefined || f.result === null) return { formula: String(f.formula ?? f.sharedFormula ?? '') };
    return plainValue(f.result as ExcelJS.CellValue);
  }
  if ('richText' in v) return richText(v);
  if ('hyperlink' in v) {
    const text = (v as ExcelJS.CellHyperlinkValue).text as unknown;
    return typeof text === 'string' ? text : text && typeof text === 'object' && 'richText' in text ? richText(text as { richText: { text: string }[] }) : null;
  }
  if ('error' in v) return (v as ExcelJS.CellErrorValue).error;
  return null;
}
