// The report sheet (and the 县级指标 data sheet) as a worksheet part written from the sheet plan, its formats
// added to the workbook's own styles part. Text is written as inline strings, so no cell text can become a
// formula; links are HYPERLINK formulas (they work in Excel, WPS and LibreOffice alike, and need no relationship).
import type { ReportCell, ReportSheetPlan } from '../../core/plan.ts';
import { columnLetter } from '../../model/a1.ts';
import { hyperlinkFormula } from '../../plan/format.ts';
import { textWidth } from '../../plan/grid.ts';
import { spans } from './report.ts';
import type { StyleBook } from './styles.ts';
import { xstr } from './xml.ts';

const rgb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
export const solidFillXml = (hex: string): string =>
  `<fill><patternFill patternType="solid"><fgColor rgb="${rgb(hex)}"/></patternFill></fill>`;

const THIN = '<color rgb="FFBFBFBF"/>';
const BOX = `<border><left style="thin">${THIN}</left><right style="thin">${THIN}</right><top style="thin">${THIN}</top><bottom style="thin">${THIN}</bottom><diagonal/></border>`;
const LINE_HEIGHT = 15;

interface Look {
  bold?: boolean;
  size?: number;
  link?: boolean;
  numFmt?: string;
  fill?: string;
  box?: boolean;
  wrap?: boolean;
  middle?: boolean;
}

/** Per book: number format → fill → the look's flags (lookFlags) → cell format. */
const memo = new WeakMap<StyleBook, Map<string, Map<string, Map<number, number>>>>();

/** The look's yes/no parts and size as one number: no key string built for each of millions of cells. */
const lookFlags = (look: Look): number =>
  (look.bold ? 1 : 0) | (look.link ? 2 : 0) | (look.box ? 4 : 0) | (look.wrap ? 8 : 0) | (look.middle ? 16 : 0) | ((look.size ?? 11) << 5);

/** The cell format of a look, added to the book once (a report has a handful of looks over many cells). */
function styleOf(book: StyleBook, look: Look): number {
  let byFormat = memo.get(book);
  if (!byFormat) memo.set(book, (byFormat = new Map()));
  let byFill = byFormat.get(look.numFmt ?? '');
  if (!byFill) byFormat.set(look.numFmt ?? '', (byFill = new Map()));
  let byFlags = byFill.get(look.fill ?? '');
  if (!byFlags) byFill.set(look.fill ?? '', (byFlags = new Map()));
  const flags = lookFlags(look);
  let id = byFlags.get(flags);
  if (id === undefined) byFlags.set(flags, (id = newStyle(book, look)));
  return id;
}

function newStyle(book: StyleBook, look: Look): number {
  const font = `<font>${look.bold ? '<b/>' : ''}${look.link ? '<u/>' : ''}<sz val="${look.size ?? 11}"/>${look.link ? '<color rgb="FF0563C1"/>' : ''}<name val="等线"/><family val="2"/><charset val="134"/></font>`;
  const fontId = book.add('fonts', font);
  const fillId = look.fill ? book.add('fills', solidFillXml(look.fill)) : 0;
  const borderId = look.box ? book.add('borders', BOX) : 0;
  const numFmtId = look.numFmt ? book.numFmt(look.numFmt) : 0;
  const align = look.wrap || look.middle ? `<alignment${look.middle ? ' vertical="center"' : ''}${look.wrap ? ' wrapText="1"' : ''}/>` : '';
  const applies = `${numFmtId ? ' applyNumberFormat="1"' : ''} applyFont="1"${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
  return book.add('cellXfs', `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}${align ? `>${align}</xf>` : '/>'}`);
}

function cellXml(ref: string, rc: ReportCell | null, style: number): string {
  if (!rc || rc.v === null) return `<c r="${ref}" s="${style}"/>`;
  const v = rc.v;
  const link = rc.link && typeof v === 'string' ? hyperlinkFormula(rc.link, v) : null;
  if (link) return `<c r="${ref}" s="${style}" t="str"><f>${xstr(link.formula)}</f><v>${xstr(link.shown)}</v></c>`;
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}" s="${style}"><v>${v}</v></c>` : `<c r="${ref}" s="${style}" t="e"><v>#NUM!</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}" s="${style}" t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${xstr(v)}</t></is></c>`;
}

export interface SheetXmlExtras {
  /** r:id of the drawing that holds the sheet's chart. */
  drawingRelId?: string;
}

/**
 * The worksheet XML of a sheet plan: table rows (two or more filled cells) boxed out to their last cell,
 * text wider than its column wrapped with the row made taller (no reader autofits rows on open), the title
 * row larger, rows frozen as planned, printed landscape on pages as wide as the table.
 */
export function reportSheetXml(plan: ReportSheetPlan, book: StyleBook, extras: SheetXmlExtras = {}): string {
  const pieces: string[] = [];
  writeReportSheet(plan, book, extras, (text) => pieces.push(text));
  return pieces.join('');
}

/** The table rows' extent: row → its spans, and the last column each row writes to. */
function rowExtents(plan: ReportSheetPlan) {
  // By row, so a report listing 100,000 schools is not rows × merges of work.
  const spansByRow = new Map<number, ReturnType<typeof spans>>();
  for (const s of spans(plan.merges ?? [])) {
    const list = spansByRow.get(s.row);
    if (list) list.push(s);
    else spansByRow.set(s.row, [s]);
  }
  const lastBoxed = (cells: ReportSheetPlan['rows'][number], rowSpans: ReturnType<typeof spans>): number => {
    let filled = 0;
    let last = 0;
    cells.forEach((c, i) => {
      if (!c) return;
      filled++;
      last = i + 1;
    });
    for (const s of rowSpans) last = Math.max(last, s.to);
    return filled >= 2 ? last : 0;
  };
  return { spansByRow, lastBoxed };
}

/** reportSheetXml in pieces, for a sheet too large to hold as one string (a report on 200,000 schools). */
export function writeReportSheet(plan: ReportSheetPlan, book: StyleBook, extras: SheetXmlExtras, push: (text: string) => void): void {
  const { spansByRow, lastBoxed } = rowExtents(plan);
  // The dimension comes first in the part: the widest row written, found before any row is.
  let maxCol = 1;
  plan.rows.forEach((cells, r) => {
    const last = lastBoxed(cells, spansByRow.get(r + 1) ?? []);
    let c = Math.max(last, cells.length);
    while (c > last && !cells[c - 1]) c--;
    maxCol = Math.max(maxCol, c);
  });
  const cols = plan.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const pane = plan.freezeRows
    ? `<pane ySplit="${plan.freezeRows}" topLeftCell="A${plan.freezeRows + 1}" activePane="bottomLeft" state="frozen"/>`
    : '';
  // Column letters worked out once, not for every cell of every row.
  const letters: string[] = [];
  const letter = (c: number): string => (letters[c] ??= columnLetter(c));
  const dim = `A1:${columnLetter(Math.max(maxCol, plan.columnWidths.length, 1))}${Math.max(plan.rows.length, 1)}`;
  push(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="${dim}"/>` +
      `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
      (cols ? `<cols>${cols}</cols>` : '') +
      `<sheetData>`,
  );
  plan.rows.forEach((cells, r) => {
    const rowNum = r + 1;
    const rowSpans = spansByRow.get(rowNum) ?? [];
    const last = lastBoxed(cells, rowSpans);
    const wraps = new Set<number>();
    let lines = 1;
    cells.forEach((rc, i) => {
      const width = plan.columnWidths[i];
      if (!rc || typeof rc.v !== 'string' || rowSpans.some((s) => i + 1 >= s.from && i + 1 <= s.to) || width === undefined) return;
      const need = Math.ceil(textWidth(rc.v) / Math.max(1, width - 1));
      if (need > 1) {
        wraps.add(i + 1);
        lines = Math.max(lines, need);
      }
    });
    const middle = r > 0 && lines > 1;
    const out: string[] = [];
    const upto = Math.max(last, cells.length);
    for (let c = 1; c <= upto; c++) {
      const rc = cells[c - 1] ?? null;
      const box = c <= last;
      if (!rc && !box) continue;
      const look: Look = rc
        ? { bold: rc.bold, size: r === 0 ? 14 : 11, link: Boolean(rc.link), numFmt: rc.numFmt, fill: rc.fill, box, wrap: wraps.has(c), middle }
        : { box, middle };
      out.push(cellXml(`${letter(c)}${rowNum}`, rc, styleOf(book, look)));
    }
    if (out.length === 0) return;
    const height = r === 0 ? 24 : lines > 1 ? LINE_HEIGHT * lines + 3 : 0;
    push(`<row r="${rowNum}"${height ? ` ht="${height}" customHeight="1"` : ''}>${out.join('')}</row>`);
  });
  const merges = plan.merges?.length ? `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  push(
    `</sheetData>${merges}` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
      (extras.drawingRelId ? `<drawing r:id="${extras.drawingRelId}"/>` : '') +
      `</worksheet>`,
  );
}
