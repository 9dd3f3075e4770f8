// A one-sheet .xlsx of a plain grid, written directly (shared strings, as Excel and WPS save them), for the
// bench's very large ledgers: ExcelJS itself cannot build a 200,000-row workbook in reasonable memory.
import { zipSync } from 'fflate';
import { ledgerGrid, sampleSchoolRows } from '../src/sample/generate.ts';

/** Sample schools from as many seeds as needed, renamed so every name (and teaching point's centre) is unique. */
export function bigGrid(schools: number): (string | number | null)[][] {
  const rows = [];
  for (let k = 0; rows.length < schools; k++) {
    for (const row of sampleSchoolRows(1000 + k)) {
      const tag = (name: unknown) => (typeof name === 'string' && name ? `${name}${k + 1}` : name);
      rows.push({ ...row, school: tag(row.school), central_school: tag(row.central_school) } as typeof row);
    }
  }
  return ledgerGrid('大县义务教育学校办学条件台账（2025学年）', rows.slice(0, schools));
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function col(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

export function gridXlsx(sheet: string, grid: (string | number | null)[][]): Uint8Array {
  const strings = new Map<string, number>();
  const rows: string[] = [];
  grid.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((v, c) => {
      if (v === null || v === '') return;
      const ref = `${col(c + 1)}${r + 1}`;
      if (typeof v === 'number') cells.push(`<c r="${ref}"><v>${v}</v></c>`);
      else {
        let i = strings.get(v);
        if (i === undefined) strings.set(v, (i = strings.size));
        cells.push(`<c r="${ref}" t="s"><v>${i}</v></c>`);
      }
    });
    rows.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  });
  const enc = new TextEncoder();
  const sst = [...strings.keys()].map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('');
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipSync({
    '[Content_Types].xml': enc.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`),
    '_rels/.rels': enc.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': enc.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="${esc(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': enc.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
    'xl/styles.xml': enc.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${main}"><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`),
    'xl/sharedStrings.xml': enc.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="${main}" count="${strings.size}" uniqueCount="${strings.size}">${sst}</sst>`),
    'xl/worksheets/sheet1.xml': enc.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${main}" xmlns:r="${rel}"><sheetData>${rows.join('')}</sheetData></worksheet>`),
  });
}
