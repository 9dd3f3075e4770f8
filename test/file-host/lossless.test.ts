// Lossless in, lossless out: a county workbook carrying what real ones carry (written by ExcelJS, then given
// hand-written parts no library here makes: a chart and an image in a drawing, a pivot table, a table without
// tableStyleInfo, comments by two authors and a threaded comment, data validation, conditional formatting,
// an internal hyperlink, defined names (global, sheet-local, a constant), print titles, sheet and workbook
// protection, custom properties and, as .xlsm, a VBA project). After validate every part we do not own is
// byte for byte the original; after clear the ledger's cells are the original's (values, styles, notes).
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { clearWorkbook, validateWorkbook } from '../../src/app/validate.ts';
import { FileHost } from '../../src/hosts/file/index.ts';
import { writeSampleWorkbook } from '../../src/sample/index.ts';
import { cellsOf, commentsOf } from './parts.ts';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** 1×1 PNG. */
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
/** Stand-in for a compiled VBA project: the bytes only have to come back unchanged. */
const VBA = Uint8Array.from({ length: 3000 }, (_, i) => (i * 131 + 7) % 256);

type Parts = Record<string, Uint8Array>;
const text = (parts: Parts, name: string) => strFromU8(parts[name]);
const put = (parts: Parts, name: string, xml: string) => (parts[name] = strToU8(xml));
const before = (xml: string, marker: string, insert: string) => xml.replace(marker, `${insert}${marker}`);

/** The sample ledger as ExcelJS writes it, with notes on a failing cell (S16), an untouched cell and K17. */
async function basePackage(): Promise<Parts> {
  const wb = writeSampleWorkbook();
  const ws = wb.getWorksheet('台账')!;
  ws.getCell('S16').note = '操场正在改建';
  ws.getCell('A3').note = '县直属学校';
  ws.getCell('K17').note = '[Threaded comment]\n请核实骨干教师人数';
  wb.addWorksheet('汇总').getCell('A1').value = '汇总';
  const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  for (const k of Object.keys(parts)) if (k.endsWith('/')) delete parts[k];
  return parts;
}

function addRich(parts: Parts, macro: boolean): void {
  // Workbook: protection, names (a constant, a sheet-local name, print titles), a pivot cache, custom properties.
  let wb = text(parts, 'xl/workbook.xml');
  wb = before(wb, '<bookViews>', '<workbookProtection workbookPassword="CC3D" lockStructure="1"/>');
  wb = before(wb, '<calcPr', `<definedNames><definedName name="标准值_运动场">7.5</definedName><definedName name="本表学校" localSheetId="1">'台账'!$A$3:$A$42</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">'台账'!$1:$2</definedName><definedName name="全县学校">'台账'!$A$3:$A$42</definedName></definedNames>`);
  wb = wb.replace('</workbook>', `<pivotCaches><pivotCache cacheId="1" r:id="rIdPivot"/></pivotCaches></workbook>`);
  put(parts, 'xl/workbook.xml', wb);
  let rels = text(parts, 'xl/_rels/workbook.xml.rels');
  rels = rels.replace('</Relationships>', `<Relationship Id="rIdPivot" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>${macro ? `<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` : ''}</Relationships>`);
  put(parts, 'xl/_rels/workbook.xml.rels', rels);
  put(parts, 'xl/pivotCache/pivotCacheDefinition1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" r:id="rId1" refreshOnLoad="1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="A2:D42" sheet="台账"/></cacheSource><cacheFields count="1"><cacheField name="学校名称" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`);
  put(parts, 'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`);
  put(parts, 'xl/pivotCache/pivotCacheRecords1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="${MAIN}" count="0"/>`);
  put(parts, 'docProps/custom.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="填报单位"><vt:lpwstr>云岭县教育局</vt:lpwstr></property></Properties>`);
  put(parts, '_rels/.rels', text(parts, '_rels/.rels').replace('</Relationships>', `<Relationship Id="rIdCustom" Type="${REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>`));

  // The ledger: sheet protection, validation, conditional format, an internal link, a table, two authors, a thread.
  let ledger = text(parts, 'xl/worksheets/sheet2.xml');
  ledger = before(ledger, '<mergeCells', '');
  ledger = ledger.replace('</sheetData>', '</sheetData><sheetProtection password="CF1A" sheet="1" objects="1" scenarios="1"/>');
  ledger = before(ledger, '<pageMargins', `<conditionalFormatting sqref="D3:D42"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>2000</formula></cfRule></conditionalFormatting><dataValidations count="1"><dataValidation type="whole" allowBlank="1" sqref="D3:D42"><formula1>0</formula1><formula2>10000</formula2></dataValidation></dataValidations><hyperlinks><hyperlink ref="A4" location="'县级指标'!A1" display="县级指标"/></hyperlinks>`);
  ledger = ledger.replace('</worksheet>', '<tableParts count="1"><tablePart r:id="rIdTable"/></tableParts></worksheet>');
  put(parts, 'xl/worksheets/sheet2.xml', ledger);
  put(parts, 'xl/worksheets/_rels/sheet2.xml.rels', text(parts, 'xl/worksheets/_rels/sheet2.xml.rels').replace('</Relationships>', `<Relationship Id="rIdTable" Type="${REL}/table" Target="../tables/table1.xml"/><Relationship Id="rIdThread" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/></Relationships>`));
  put(parts, 'xl/tables/table1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN}" id="1" name="学校名单" displayName="学校名单" ref="AO2:AO42" headerRowCount="1"><autoFilter ref="AO2:AO42"/><tableColumns count="1"><tableColumn id="1" name="备用"/></tableColumns></table>`);
  put(parts, 'xl/threadedComments/threadedComment1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="K17" dT="2025-09-01T08:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{00000000-0000-0000-0000-00000000000A}"><text>请核实骨干教师人数</text></threadedComment></ThreadedComments>`);
  put(parts, 'xl/persons/person.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="王科长" id="{00000000-0000-0000-0000-000000000001}" userId="wang" providerId="None"/></personList>`);
  let comments = text(parts, 'xl/comments2.xml').replace(/<authors>.*?<\/authors>/, '<authors><author>张会计</author><author>李校长</author></authors>');
  comments = comments.replace(/(<comment ref="S16" authorId=")0/, '$11');
  put(parts, 'xl/comments2.xml', comments);

  // 汇总: a drawing holding a chart over the ledger and an image.
  put(parts, 'xl/worksheets/sheet4.xml', text(parts, 'xl/worksheets/sheet4.xml').replace('</worksheet>', '<drawing r:id="rIdDr"/></worksheet>'));
  put(parts, 'xl/worksheets/_rels/sheet4.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdDr" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`);
  put(parts, 'xl/drawings/drawing1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:oneCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="校徽"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${REL}" r:embed="rIdImg"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`);
  put(parts, 'xl/drawings/_rels/drawing1.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdImg" Type="${REL}/image" Target="../media/image1.png"/><Relationship Id="rIdChart" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`);
  parts['xl/media/image1.png'] = PNG;
  put(parts, 'xl/charts/chart1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>`);
  if (macro) parts['xl/vbaProject.bin'] = VBA;

  let types = text(parts, '[Content_Types].xml');
  const o = (part: string, type: string) => `<Override PartName="${part}" ContentType="application/${type}"/>`;
  types = types.replace('</Types>', [
    '<Default Extension="png" ContentType="image/png"/>',
    o('/xl/tables/table1.xml', 'vnd.openxmlformats-officedocument.spreadsheetml.table+xml'),
    o('/xl/threadedComments/threadedComment1.xml', 'vnd.ms-excel.threadedcomments+xml'),
    o('/xl/persons/person.xml', 'vnd.ms-excel.person+xml'),
    o('/xl/drawings/drawing1.xml', 'vnd.openxmlformats-officedocument.drawing+xml'),
    o('/xl/charts/chart1.xml', 'vnd.openxmlformats-officedocument.drawingml.chart+xml'),
    o('/xl/pivotCache/pivotCacheDefinition1.xml', 'vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml'),
    o('/xl/pivotCache/pivotCacheRecords1.xml', 'vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml'),
    o('/docProps/custom.xml', 'vnd.openxmlformats-officedocument.custom-properties+xml'),
    ...(macro ? ['<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'] : []),
  ].join('') + '</Types>');
  if (macro) types = types.replace('spreadsheetml.sheet.main+xml', 'ms-excel.sheet.macroEnabled.main+xml').replace('application/vnd.openxmlformats-officedocument.ms-excel', 'application/vnd.ms-excel');
  put(parts, '[Content_Types].xml', types);
}

/** Parts the annotation may change: the ledger sheet and its notes, styles, the workbook's lists of parts. */
const OWNED = new Set(['xl/worksheets/sheet2.xml', 'xl/worksheets/_rels/sheet2.xml.rels', 'xl/comments2.xml', 'xl/drawings/vmlDrawing2.vml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml']);

for (const macro of [false, true]) {
  describe(macro ? 'a macro workbook (.xlsm)' : 'a workbook with charts, a pivot table, a table, threads and protection', () => {
    let original: Parts;
    let annotated: Parts;
    let cleared: Parts;
    let host: FileHost;

    beforeAll(async () => {
      original = await basePackage();
      addRich(original, macro);
      const bytes = zipSync(original);
      host = await FileHost.fromBuffer(bytes, macro ? '台账.xlsm' : '台账.xlsx');
      const outcome = await validateWorkbook(host);
      expect(outcome.error).toBeUndefined();
      annotated = unzipSync(await host.toBuffer());
      const again = await FileHost.fromBuffer(await host.toBuffer());
      await clearWorkbook(again);
      cleared = unzipSync(await again.toBuffer());
    });

    it('leaves every part it does not own byte for byte', () => {
      for (const [name, data] of Object.entries(original)) {
        if (OWNED.has(name)) continue;
        expect(annotated[name], name).toEqual(data);
        expect(cleared[name], name).toEqual(data);
      }
    });

    it('keeps the workbook’s names, protection and pivot cache, and adds only its own sheets', () => {
      const wb = text(annotated, 'xl/workbook.xml');
      for (const kept of ['<workbookProtection workbookPassword="CC3D" lockStructure="1"/>', '<definedName name="标准值_运动场">7.5</definedName>',
        `<definedName name="本表学校" localSheetId="1">'台账'!$A$3:$A$42</definedName>`, `<definedName name="_xlnm.Print_Titles" localSheetId="1">'台账'!$1:$2</definedName>`,
        '<pivotCache cacheId="1" r:id="rIdPivot"/>']) expect(wb).toContain(kept);
      expect([...wb.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1])).toEqual(['填表说明', '台账', '县级指标', '汇总', '均衡校验报告', '_balance_state']);
      // The saved settings (standard, mapping) stay in the very hidden state sheet; everything else is as it was.
      const state = /<sheet name="_balance_state" sheetId="\d+" state="veryHidden" r:id="(rId\d+)"\/>/.exec(text(cleared, 'xl/workbook.xml'))!;
      expect(text(cleared, 'xl/workbook.xml').replace(state[0], '')).toBe(text(original, 'xl/workbook.xml'));
      const statePart = new RegExp(`<Relationship Id="${state[1]}" [^>]*Target="(worksheets/sheet\\d+\\.xml)"/>`).exec(text(cleared, 'xl/_rels/workbook.xml.rels'))!;
      expect(text(cleared, 'xl/_rels/workbook.xml.rels').replace(statePart[0], '')).toBe(text(original, 'xl/_rels/workbook.xml.rels'));
      expect(text(cleared, '[Content_Types].xml').replace(new RegExp(`<Override PartName="/xl/${statePart[1]}"[^>]*/>`), '')).toBe(text(original, '[Content_Types].xml'));
    });

    it('changes only the style references of marked cells, keeping the sheet’s protection, validation and links', () => {
      const a = cellsOf(text(original, 'xl/worksheets/sheet2.xml'));
      const b = cellsOf(text(annotated, 'xl/worksheets/sheet2.xml'));
      const changed = [...b.keys()].filter((k) => a.get(k) !== b.get(k)).sort();
      expect(changed).toEqual(['D3', 'I17', 'K17', 'M17', 'S16', 'S4', 'U7', 'Y3']);
      for (const k of changed) expect(b.get(k)!.split('|')[1]).toBe(a.get(k)!.split('|')[1]);
      const tail = (x: string) => x.slice(x.indexOf('</sheetData>')).replace(/<legacyDrawing[^>]*\/>/, '');
      expect(tail(text(annotated, 'xl/worksheets/sheet2.xml'))).toBe(tail(text(original, 'xl/worksheets/sheet2.xml')));
    });

    it('keeps both authors, adds its own, and leaves the threaded comment’s note alone', () => {
      const before = commentsOf(text(original, 'xl/comments2.xml'));
      const after = commentsOf(text(annotated, 'xl/comments2.xml'));
      expect(text(annotated, 'xl/comments2.xml')).toContain('<authors><author>张会计</author><author>李校长</author><author>均衡督导助手</author></authors>');
      expect(after.get('K17')).toBe(before.get('K17'));
      expect(after.get('A3')).toBe(before.get('A3'));
      expect(after.get('S16')).toMatch(/^ authorId="1"<text><r>.*操场正在改建.*<\/r><r><t xml:space="preserve">\n\n【均衡校验】\n未达标：生均体育运动场馆面积/s);
      expect(after.get('U7')).toMatch(/^ authorId="2"/);
    });

    it('after clear the ledger’s cells, styles and notes are the original’s', () => {
      expect(cellsOf(text(cleared, 'xl/worksheets/sheet2.xml'))).toEqual(cellsOf(text(original, 'xl/worksheets/sheet2.xml')));
      expect(commentsOf(text(cleared, 'xl/comments2.xml'))).toEqual(commentsOf(text(original, 'xl/comments2.xml')));
      expect(text(cleared, 'xl/worksheets/sheet2.xml')).toBe(text(original, 'xl/worksheets/sheet2.xml'));
    });

    it(macro ? 'stays a macro workbook' : 'is not taken for a macro workbook', () => {
      expect(host.macroEnabled).toBe(macro);
      expect(text(annotated, '[Content_Types].xml').includes('macroEnabled.main+xml')).toBe(macro);
    });
  });
}
