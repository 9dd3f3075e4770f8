// Our state still reads after another program saved the annotated copy: WPS renames the very hidden
// _balance_state sheet (to Sheet3, merely hidden), and WPS or LibreOffice turn its text cells into shared
// strings with rich-text runs. Re-validating then replaces our marks instead of stacking them, and clear puts
// the ledger back as it was.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { clearWorkbook, validateWorkbook } from '../../src/app/validate.ts';
import { FileHost } from '../../src/hosts/file/index.ts';
import { FAILING, ledgerGrid } from '../cli/fixtures.ts';
import { gridSheetXml, handmadeXlsx, MAIN_NS } from './handmade.ts';
import { cellsOf, commentsOf } from './parts.ts';

type Parts = Record<string, Uint8Array>;
const text = (parts: Parts, name: string) => strFromU8(parts[name]);

/** The annotated copy as WPS saves it: the state sheet renamed and hidden, its inline strings rich shared strings. */
function savedByWps(annotated: Parts): Parts {
  const parts = { ...annotated };
  const wb = text(parts, 'xl/workbook.xml');
  const tag = /<sheet name="_balance_state" sheetId="(\d+)" state="veryHidden" r:id="(rId\d+)"\/>/.exec(wb)!;
  parts['xl/workbook.xml'] = strToU8(wb.replace(tag[0], `<sheet name="Sheet3" sheetId="${tag[1]}" state="hidden" r:id="${tag[2]}"/>`));
  const target = new RegExp(`<Relationship Id="${tag[2]}" [^>]*Target="([^"]+)"`).exec(text(parts, 'xl/_rels/workbook.xml.rels'))![1];
  const statePath = `xl/${target}`;
  const items: string[] = [];
  const sheet = text(parts, statePath).replace(/<c r="([A-Z]+\d+)" t="inlineStr"><is><t xml:space="preserve">([^<]*)<\/t><\/is><\/c>/g, (_, ref: string, t: string) => {
    // Two runs, cut at a comma (never inside an entity or an _xHHHH_ escape), the first one formatted.
    const cut = t.indexOf(',') + 1 || Math.ceil(t.length / 2);
    items.push(`<si><r><rPr><sz val="11"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t xml:space="preserve">${t.slice(0, cut)}</t></r><r><t xml:space="preserve">${t.slice(cut)}</t></r></si>`);
    return `<c r="${ref}" t="s"><v>${items.length - 1}</v></c>`;
  });
  expect(items.length).toBeGreaterThan(2);
  parts[statePath] = strToU8(sheet);
  parts['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`);
  parts['xl/_rels/workbook.xml.rels'] = strToU8(text(parts, 'xl/_rels/workbook.xml.rels').replace('</Relationships>',
    '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'));
  parts['[Content_Types].xml'] = strToU8(text(parts, '[Content_Types].xml').replace('</Types>',
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'));
  return parts;
}

const sheetNames = (parts: Parts) => [...text(parts, 'xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);

let original: Parts;
let annotated: Parts;
let saved: Parts;

beforeAll(async () => {
  const xml = gridSheetXml(ledgerGrid(FAILING), { strings: 'inline' });
  const bytes = handmadeXlsx([{ name: '台账', xml }]);
  original = unzipSync(bytes);
  const host = await FileHost.fromBuffer(bytes, '台账.xlsx');
  expect((await validateWorkbook(host)).plan!.marks.length).toBeGreaterThan(0);
  annotated = unzipSync(await host.toBuffer());
  saved = savedByWps(annotated);
});

describe('state saved by WPS (renamed hidden sheet, rich-text shared strings)', () => {
  it('still reads: the workbook is known to carry our annotations', async () => {
    expect(sheetNames(saved)).toEqual(['台账', '均衡校验报告', 'Sheet3']);
    const host = await FileHost.fromBuffer(zipSync(saved), '台账.xlsx');
    expect(host.hasAnnotations()).toBe(true);
    expect((await host.readWorkbook()).map((s) => s.name)).toEqual(['台账']);
  });

  it('re-validating replaces our marks and report instead of stacking them, and leaves one state sheet', async () => {
    const host = await FileHost.fromBuffer(zipSync(saved), '台账.xlsx');
    await validateWorkbook(host);
    const again = unzipSync(await host.toBuffer());
    expect(sheetNames(again)).toEqual(['台账', '均衡校验报告', '_balance_state']);
    // Exactly the notes and styles the first validation wrote: nothing stacked on top of them.
    const notes = commentsOf(text(again, 'xl/comments1.xml'));
    expect(notes.size).toBeGreaterThan(0);
    expect(notes).toEqual(commentsOf(text(annotated, 'xl/comments1.xml')));
    expect(cellsOf(text(again, 'xl/worksheets/sheet1.xml'))).toEqual(cellsOf(text(annotated, 'xl/worksheets/sheet1.xml')));
  });

  it('clear restores the ledger sheet to the original and removes the report and the renamed state', async () => {
    const host = await FileHost.fromBuffer(zipSync(saved), '台账.xlsx');
    const { left } = await clearWorkbook(host);
    expect(left).toEqual([]);
    const cleared = unzipSync(await host.toBuffer());
    expect(cellsOf(text(cleared, 'xl/worksheets/sheet1.xml'))).toEqual(cellsOf(text(original, 'xl/worksheets/sheet1.xml')));
    expect(Object.keys(cleared).some((n) => /comments/.test(n))).toBe(false);
    expect(sheetNames(cleared).filter((n) => n !== '_balance_state')).toEqual(['台账']);
  });
});
