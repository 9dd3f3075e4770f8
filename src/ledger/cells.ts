// Cell values as the hosts hand them over (plain values, ExcelJS objects, Office.js strings). Addresses: model/a1.ts.

/** What a formula cell saved without its calculated value says (rules §5.2: never "为空"). */
export const NO_RESULT = '：公式没有计算结果，请在 Excel/WPS 中重新计算并保存';

const EXCEL_ERRORS = /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|BUSY!|GETTING_DATA)$/i;

/** A cell reduced to what it shows: formula results, rich text and hyperlinks unwrapped; errors flagged. */
export type Plain = { kind: 'blank' } | { kind: 'number'; value: number } | { kind: 'text'; value: string }
  | { kind: 'bool'; value: boolean } | { kind: 'error'; value: string };

export function plain(v: unknown): Plain {
  if (v === null || v === undefined) return { kind: 'blank' };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'error', value: `数值无效（${String(v)}）` };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (typeof v === 'string') {
    if (v.trim() === '') return { kind: 'blank' };
    return EXCEL_ERRORS.test(v.trim()) ? { kind: 'error', value: v.trim() } : { kind: 'text', value: v };
  }
  if (v instanceof Date) return { kind: 'error', value: '是日期，不是数字' };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // ExcelJS: {formula|sharedFormula, result}, {richText: [{text}]}, {text, hyperlink}, {error}.
    if ('error' in o) return { kind: 'error', value: String(o.error) };
    if ('formula' in o || 'sharedFormula' in o) return 'result' in o && o.result !== undefined ? plain(o.result) : { kind: 'error', value: NO_RESULT };
    if (Array.isArray(o.richText)) return plain(o.richText.map((r: { text?: unknown }) => String(r.text ?? '')).join(''));
    if (typeof o.text === 'string') return plain(o.text);
  }
  return { kind: 'error', value: '无法识别的单元格内容' };
}

/** What a cell shows as text ('' when blank), for headers and names. */
export function cellText(v: unknown): string {
  const p = plain(v);
  return p.kind === 'blank' ? '' : String(p.value);
}

/** Full-width digits, letters, brackets and spaces to half-width; ㎡ and m² to m2. */
export const toHalfWidth = (s: string): string => s.normalize('NFKC');

/** Trims spaces of any width (NBSP, full-width U+3000) from both ends. */
export const trimAll = (s: string): string => s.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');

const MISSING = new Set(['', '-', '--', '—', '——', '–', '－', '/', '／', '\\', '无', '空', '暂无', '/a', 'n/a', 'na', '#n/a', '…', '...']);

export type NumberRead =
  | { kind: 'missing' }
  | { kind: 'number'; value: number; /** the text carried its own money unit (万, 元): value is in 元 already */ absolute?: boolean; fromText?: boolean;
      /** The unit the text carried (元, 人, 间 …), for checks of the column's kind. */ unit?: string; /** Digits as typed, for IDs pasted into a count. */ digits?: number }
  | { kind: 'bad'; reason: string };

/**
 * A numeric cell: numbers, numbers typed as text ("1,234", "１２３", " 45 ", "120㎡", "12.5万"), and the
 * missing markers of rules §5 ("—", "/", "无", blank), which are missing and never 0.
 */
export function readNumber(v: unknown): NumberRead {
  const p = plain(v);
  switch (p.kind) {
    case 'blank':
      return { kind: 'missing' };
    case 'number':
      return { kind: 'number', value: p.value };
    case 'bool':
      return { kind: 'bad', reason: `是逻辑值 ${p.value ? 'TRUE' : 'FALSE'}，不是数字` };
    case 'error':
      return { kind: 'bad', reason: p.value.startsWith('#') ? `是错误值 ${p.value}` : p.value };
  }
  const s = toHalfWidth(p.value).replace(/[\s\u3000\u00a0]/g, '').toLowerCase();
  if (MISSING.has(s)) return { kind: 'missing' };
  const m = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(万元|万|元|m2|平方米|平米|间|台|册|人|个|名)?$/.exec(s);
  if (!m) return { kind: 'bad', reason: `“${trimAll(p.value)}”不是数字` };
  const n = Number(m[1].replace(/,/g, ''));
  if (!Number.isFinite(n)) return { kind: 'bad', reason: `“${trimAll(p.value).slice(0, 24)}…”位数过长，不是有效的数字` };
  const digits = m[1].replace(/\D/g, '').length;
  const unit = m[2] ? { unit: m[2] } : {};
  // A cell that states its own money unit overrides the column's: "12.5万" and "1200元" are in 元 whatever the header says.
  if (m[2] === '万' || m[2] === '万元') return { kind: 'number', value: n * 10000, absolute: true, fromText: true, digits, ...unit };
  if (m[2] === '元') return { kind: 'number', value: n, absolute: true, fromText: true, digits, ...unit };
  return { kind: 'number', value: n, fromText: true, digits, ...unit };
}

/** 是/否 columns; blank is unknown (undefined). */
export function readFlag(v: unknown): boolean | undefined | 'bad' {
  const p = plain(v);
  if (p.kind === 'blank') return undefined;
  if (p.kind === 'bool') return p.value;
  if (p.kind === 'number') return p.value === 1 ? true : p.value === 0 ? false : 'bad';
  if (p.kind === 'error') return 'bad';
  const s = toHalfWidth(p.value).replace(/[\s\u3000]/g, '').toLowerCase();
  if (['是', '√', '✓', 'y', 'yes', 'true', '有'].includes(s)) return true;
  if (['否', '×', '✗', 'x', 'n', 'no', 'false', '不是'].includes(s)) return false;
  if (MISSING.has(s)) return undefined;
  return 'bad';
}
