// A cell as the hosts hand it over (plain values, ExcelJS objects, Office.js strings), reduced to what it
// shows. Below the ledger and the custom functions, so both read cells the same way.

/** What a formula cell saved without its calculated value says (rules §5.2: never "为空"). */
export const NO_RESULT = '：公式没有计算结果，请在 Excel/WPS 中重新计算并保存';

const EXCEL_ERRORS = /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|BUSY!|GETTING_DATA)$/i;

/** An Excel error value typed or passed as text (#N/A, #REF! …). Cheap test first: only text with '#' can be one. */
export const isErrorText = (trimmed: string): boolean => trimmed.charCodeAt(0) === 35 && EXCEL_ERRORS.test(trimmed);

/** A cell reduced to what it shows: formula results, rich text and hyperlinks unwrapped; errors flagged. */
export type Plain = { kind: 'blank' } | { kind: 'number'; value: number } | { kind: 'text'; value: string }
  | { kind: 'bool'; value: boolean } | { kind: 'error'; value: string };

export function plain(v: unknown): Plain {
  if (v === null || v === undefined) return { kind: 'blank' };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'error', value: `数值无效（${String(v)}）` };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '') return { kind: 'blank' };
    return isErrorText(t) ? { kind: 'error', value: t } : { kind: 'text', value: v };
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

/** A code unit String.prototype.trim may remove: every one is a space, a control, U+00A0 or at least U+1680. */
const mayTrim = (c: number): boolean => c <= 32 || c === 0xa0 || c >= 0x1680;

/** s.trim(), without the copy trim() makes of a text that has nothing to trim (most cells). */
export function trimmed(s: string): string {
  return s.length > 0 && !mayTrim(s.charCodeAt(0)) && !mayTrim(s.charCodeAt(s.length - 1)) ? s : s.trim();
}

/** What a cell shows as text ('' when blank), for headers and names; numbers and text without building plain(). */
export function cellText(v: unknown): string {
  if (typeof v === 'string') {
    const t = trimmed(v);
    return t === '' ? '' : isErrorText(t) ? t : v;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (v === null || v === undefined) return '';
  const p = plain(v);
  return p.kind === 'blank' ? '' : String(p.value);
}

/** Full-width digits, letters, brackets and spaces to half-width; ㎡ and m² to m2. */
export const toHalfWidth = (s: string): string => s.normalize('NFKC');

/** Trims spaces of any width (NBSP, full-width U+3000) from both ends. */
export const trimAll = (s: string): string => s.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
