// Sheets we add to and remove from the workbook part: our report, our state, the 县级指标 data sheet. Sheets
// are appended at the end, so no index the clerk's defined names, print titles or views use changes; removing
// one of ours shifts the sheet-local names and the active tab of any sheet after it.
import { NS, relativeTarget, type Package, type SheetEntry } from './package.ts';
import { attr, esc, findAll, findElement, prefixOf, setAttr } from './xml.ts';

const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export function addWorksheet(pkg: Package, name: string, xml: string, state: SheetEntry['state'] = 'visible'): SheetEntry {
  const wbPath = pkg.workbookPath();
  const path = pkg.freeName('xl/worksheets/sheet', '.xml');
  pkg.set(path, xml);
  pkg.setContentType(path, SHEET_TYPE);
  const rId = pkg.addRel(wbPath, NS.worksheet, relativeTarget(wbPath, path));
  let wb = pkg.text(wbPath)!;
  const sheets = findElement(wb, 'sheets')!;
  const ids = findAll(sheets.inner, 'sheet').map((f) => Number(attr(f.tag, 'sheetId')) || 0);
  const sheetId = String(Math.max(0, ...ids) + 1);
  const r = prefixOf(wb, NS.rel);
  const idAttr = r ? `${r}:id="${rId}"` : `xmlns:r="${NS.rel}" r:id="${rId}"`;
  const tag = `<sheet name="${esc(name)}" sheetId="${sheetId}"${state === 'visible' ? '' : ` state="${state}"`} ${idAttr}/>`;
  const body = sheets.tag.endsWith('/>') ? `<sheets>${tag}</sheets>` : `${sheets.tag}${sheets.inner}${tag}</sheets>`;
  wb = wb.slice(0, sheets.start) + body + wb.slice(sheets.end);
  pkg.set(wbPath, wb);
  return { name, sheetId, rId, state, path };
}

/** Removes a sheet we own with the parts only it uses (its drawing and chart), and fixes the indices after it. */
export function removeWorksheet(pkg: Package, sheet: SheetEntry): void {
  const wbPath = pkg.workbookPath();
  const index = pkg.sheets().findIndex((s) => s.rId === sheet.rId);
  for (const d of pkg.related(sheet.path, NS.drawing)) {
    for (const c of pkg.related(d.path, NS.chart)) dropPart(pkg, c.path);
    dropPart(pkg, d.path);
  }
  dropPart(pkg, sheet.path);
  pkg.removeRel(wbPath, sheet.rId);
  let wb = pkg.text(wbPath)!;
  const sheets = findElement(wb, 'sheets')!;
  const own = findAll(sheets.inner, 'sheet').find((f) => Object.values(attrsOf(f.tag)).includes(sheet.rId) && attr(f.tag, 'name') === sheet.name);
  if (own) wb = wb.slice(0, sheets.start + sheets.tag.length + own.start) + wb.slice(sheets.start + sheets.tag.length + own.end);
  pkg.set(wbPath, shiftIndices(wb, index));
}

function dropPart(pkg: Package, path: string): void {
  pkg.remove(path);
  pkg.removeContentType(path);
  pkg.remove(path.replace(/([^/]+)$/, '_rels/$1.rels'));
}

const attrsOf = (tag: string): Record<string, string> => Object.fromEntries([...tag.matchAll(/([\w:.-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

/** After removing sheet `index`: names local to it go, later localSheetIds and the view's tabs move down one. */
function shiftIndices(wb: string, index: number): string {
  if (index < 0) return wb;
  let text = wb;
  const names = findElement(text, 'definedNames');
  if (names) {
    let inner = '';
    let pos = 0;
    for (const f of findAll(names.inner, 'definedName')) {
      inner += names.inner.slice(pos, f.start);
      pos = f.end;
      const local = attr(f.tag, 'localSheetId');
      const n = local === undefined ? -1 : Number(local);
      if (n === index) continue;
      const el = names.inner.slice(f.start, f.end);
      inner += n > index ? setAttr(f.tag, 'localSheetId', String(n - 1)) + el.slice(f.tag.length) : el;
    }
    inner += names.inner.slice(pos);
    text = /<definedName[\s>]/.test(inner)
      ? text.slice(0, names.start) + names.tag + inner + '</definedNames>' + text.slice(names.end)
      : text.slice(0, names.start) + text.slice(names.end);
  }
  const view = findElement(text, 'workbookView');
  if (view) {
    let tag = view.tag;
    for (const a of ['activeTab', 'firstSheet']) {
      const v = attr(tag, a);
      if (v !== undefined && Number(v) >= index && Number(v) > 0) tag = setAttr(tag, a, String(Number(v) - 1));
    }
    text = text.slice(0, view.start) + tag + text.slice(view.start + view.tag.length);
  }
  return text;
}

/** The workbook's 1904 date system flag. */
export function date1904(pkg: Package): boolean {
  const pr = findElement(pkg.text(pkg.workbookPath()) ?? '', 'workbookPr');
  const v = pr ? attr(pr.tag, 'date1904') : undefined;
  return v === '1' || v === 'true';
}

/** The active tab's index (0 when the workbook says none). */
export function activeTab(pkg: Package): number {
  const view = findElement(pkg.text(pkg.workbookPath()) ?? '', 'workbookView');
  return Number((view && attr(view.tag, 'activeTab')) ?? 0) || 0;
}
