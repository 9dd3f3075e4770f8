// Parts whose SpreadsheetML elements carry a namespace prefix (<x:worksheet>, <x:row>, <x:c>, <x:si> — as
// .NET's OpenXML SDK can write them) are read, validated and annotated exactly like unprefixed ones: a cell we
// did not see would be a blank, and an unread ledger must never pass.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { clearWorkbook, validateWorkbook } from '../../src/app/validate.ts';
import { FileHost } from '../../src/hosts/file/index.ts';
import { mainPrefixStripper } from '../../src/hosts/file/xml.ts';
import { FAILING, ledgerGrid } from '../cli/fixtures.ts';
import { gridSheetXml, handmadeXlsx, MAIN_NS } from './handmade.ts';

function ledgerPackage(prefix: string): Uint8Array {
  const shared: string[] = [];
  const xml = gridSheetXml(ledgerGrid(FAILING), { prefix, strings: { shared } });
  return handmadeXlsx([{ name: '台账', xml }], shared, {}, prefix);
}

describe('a package written with the x: prefix', () => {
  it('reads the same values as the unprefixed package', async () => {
    const plain = await (await FileHost.fromBuffer(ledgerPackage(''), 'plain.xlsx')).readWorkbook();
    const prefixed = await (await FileHost.fromBuffer(ledgerPackage('x'), 'prefixed.xlsx')).readWorkbook();
    expect(strFromU8(unzipSync(ledgerPackage('x'))['xl/worksheets/sheet1.xml'])).toContain('<x:c r="A2" t="s">');
    expect(prefixed).toEqual(plain);
    expect(prefixed[0].values[1][0]).toBe(FAILING[0].name);
  });

  it('validates to the same verdict (未通过, the failing school named), marks its cells and clears them again', async () => {
    const plainHost = await FileHost.fromBuffer(ledgerPackage(''), 'plain.xlsx');
    const plain = await validateWorkbook(plainHost);
    const host = await FileHost.fromBuffer(ledgerPackage('x'), 'prefixed.xlsx');
    const outcome = await validateWorkbook(host);
    expect(outcome.evaluation!.report.pass).toBe(false);
    expect(outcome.evaluation!.report.schools.filter((s) => s.pass === false).map((s) => s.name)).toEqual(['山背村小学']);
    expect(outcome.evaluation!.report).toEqual(plain.evaluation!.report);
    expect(outcome.plan!.marks.length).toBeGreaterThan(0);
    expect(outcome.plan!.marks).toEqual(plain.plan!.marks);

    // The annotated ledger sheet carries our styles on the marked cells and still reads the same values.
    const annotated = await FileHost.fromBuffer(await host.toBuffer(), 'prefixed.xlsx');
    const sheetXml = strFromU8(unzipSync(await host.toBuffer())['xl/worksheets/sheet1.xml']);
    const first = outcome.plan!.marks[0].cell;
    expect(sheetXml).toMatch(new RegExp(`<c r="${first}" s="\\d+"`));
    expect(sheetXml).not.toContain('<x:');
    expect((await annotated.readWorkbook())[0].values).toEqual((await plainHost.readWorkbook())[0].values);
    const cleared = await clearWorkbook(annotated);
    expect(cleared.left).toEqual([]);
    expect(cleared.restored).toBe(new Set(outcome.plan!.marks.map((m) => m.cell)).size);
  });
});

describe('mainPrefixStripper', () => {
  it('takes the prefix off however the text is cut into chunks, and leaves other namespaces alone', () => {
    const xml = `<?xml version="1.0"?>\n<x:worksheet xmlns:x="${MAIN_NS}" xmlns:mc="urn:mc"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>甲&lt;x:乙</x:t></x:is></x:c></x:row></x:sheetData><mc:AlternateContent/></x:worksheet>`;
    const want = `<?xml version="1.0"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:mc="urn:mc"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>甲&lt;x:乙</t></is></c></row></sheetData><mc:AlternateContent/></worksheet>`;
    for (let size = 1; size <= 40; size++) {
      const strip = mainPrefixStripper();
      let out = '';
      for (let i = 0; i < xml.length; i += size) out += strip(xml.slice(i, i + size), false);
      out += strip('', true);
      expect(out, `chunks of ${size}`).toBe(want);
    }
    const plain = `<worksheet xmlns="${MAIN_NS}"><sheetData/></worksheet>`;
    expect(mainPrefixStripper()(plain, true)).toBe(plain);
    // A part whose default namespace is another one keeps its prefixes (unprefixing would move its elements).
    const other = `<wsDr xmlns="urn:drawing" xmlns:x="${MAIN_NS}"><x:c/></wsDr>`;
    expect(mainPrefixStripper()(other, true)).toBe(other);
  });
});
