// Packages written by hand, part by part, for what no library here writes: OOXML string escapes (_x001B_),
// cells under a namespace prefix (<x:c>), a state sheet another program renamed. Each test says exactly what
// the XML holds; the parts are the minimum Excel itself opens.
import { strToU8, zipSync } from 'fflate';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface HandmadeSheet {
  name: string;
  /** The worksheet part, complete. */
  xml: string;
  state?: 'hidden' | 'veryHidden';
}

/** XML text escaping only: an `_xHHHH_` in the text is written as it stands, for the reader to decode. */
export const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const colName = (i: number): string => (i < 26 ? '' : colName(Math.floor(i / 26) - 1)) + String.fromCharCode(65 + (i % 26));

export interface GridOptions {
  /** The prefix bound to the main namespace (`x` → <x:worksheet>, <x:row>, <x:c>); none by default. */
  prefix?: string;
  /** Where text goes: the shared strings table (its items appended to `shared`), or inline strings. */
  strings: { shared: string[] } | 'inline';
}

/** A worksheet part of plain values (text as raw OOXML text, see xmlText), every cell with its reference. */
export function gridSheetXml(rows: (string | number | null)[][], options: GridOptions): string {
  const p = options.prefix ? `${options.prefix}:` : '';
  const ns = options.prefix ? `xmlns:${options.prefix}="${MAIN_NS}"` : `xmlns="${MAIN_NS}"`;
  const body = rows
    .map((row, r) => {
      const cells = row.map((v, c) => {
        const ref = `${colName(c)}${r + 1}`;
        if (v === null) return '';
        if (typeof v === 'number') return `<${p}c r="${ref}"><${p}v>${v}</${p}v></${p}c>`;
        if (options.strings === 'inline') return `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${xmlText(v)}</${p}t></${p}is></${p}c>`;
        const shared = options.strings.shared;
        let k = shared.indexOf(v);
        if (k < 0) k = shared.push(v) - 1;
        return `<${p}c r="${ref}" t="s"><${p}v>${k}</${p}v></${p}c>`;
      });
      return `<${p}row r="${r + 1}">${cells.join('')}</${p}row>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns} xmlns:r="${REL_NS}"><${p}sheetData>${body}</${p}sheetData></${p}worksheet>`;
}

/** A shared strings part of these items (raw OOXML text, as gridSheetXml collected them). */
export function sharedStringsXml(items: string[], prefix = ''): string {
  const p = prefix ? `${prefix}:` : '';
  const ns = prefix ? `xmlns:${prefix}="${MAIN_NS}"` : `xmlns="${MAIN_NS}"`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}sst ${ns} count="${items.length}" uniqueCount="${items.length}">${items
    .map((t) => `<${p}si><${p}t xml:space="preserve">${xmlText(t)}</${p}t></${p}si>`)
    .join('')}</${p}sst>`;
}

/**
 * An .xlsx of these sheets (and a shared strings part when given): content types, rels, workbook, sheets.
 * `prefix` writes the workbook and shared strings under that prefix too, as a generator that prefixes does.
 */
export function handmadeXlsx(sheets: HandmadeSheet[], sharedStrings?: string[], extra: Record<string, string> = {}, prefix = ''): Uint8Array {
  const parts: Record<string, Uint8Array> = {};
  const overrides = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  if (sharedStrings) overrides.push('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>');
  parts['[Content_Types].xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`,
  );
  parts['_rels/.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (sharedStrings) rels.push(`<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  parts['xl/_rels/workbook.xml.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">${rels.join('')}</Relationships>`);
  const list = sheets
    .map((s, i) => `<sheet name="${xmlText(s.name).replace(/"/g, '&quot;')}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('');
  const p = prefix ? `${prefix}:` : '';
  const ns = prefix ? `xmlns:${prefix}="${MAIN_NS}"` : `xmlns="${MAIN_NS}"`;
  parts['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${ns} xmlns:r="${REL_NS}"><${p}sheets>${list.replace(/<sheet /g, `<${p}sheet `)}</${p}sheets></${p}workbook>`,
  );
  sheets.forEach((s, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml)));
  if (sharedStrings) parts['xl/sharedStrings.xml'] = strToU8(sharedStringsXml(sharedStrings, prefix));
  for (const [name, xml] of Object.entries(extra)) parts[name] = strToU8(xml);
  return zipSync(parts);
}
