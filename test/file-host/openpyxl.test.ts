// A workbook openpyxl wrote (test/file-host/fixtures/openpyxl-ledger.xlsx, made by openpyxl-ledger.py beside
// it; the tests need no Python): inline strings and no shared strings, no calcChain, no XML declarations,
// openpyxl's app.xml and default styles, a plain-text note, a chart, a table without tableStyleInfo, data
// validation, a defined name. Read exactly, validated, and every part we do not own comes back byte for byte;
// clear gives the ledger sheet's cells and notes back as they were.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { clearWorkbook, validateWorkbook } from '../../src/app/validate.ts';
import type { ValidateOutcome } from '../../src/app/types.ts';
import { FileHost } from '../../src/hosts/file/index.ts';
import { FAILING, ledgerGrid } from '../cli/fixtures.ts';
import { cellsOf, commentsOf } from './parts.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'openpyxl-ledger.xlsx');
type Parts = Record<string, Uint8Array>;
const text = (parts: Parts, name: string) => strFromU8(parts[name]);
/** The parts validate may change: the ledger sheet, its rels, note and VML, the styles, workbook and content types. */
const OWNED = new Set(['xl/worksheets/sheet1.xml', 'xl/worksheets/_rels/sheet1.xml.rels', 'xl/comments/comment1.xml', 'xl/drawings/commentsDrawing1.vml',
  'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml']);

let original: Parts;
let annotated: Parts;
let cleared: Parts;
let host: FileHost;
let outcome: ValidateOutcome;

beforeAll(async () => {
  const bytes = readFileSync(FIXTURE);
  original = unzipSync(bytes);
  host = await FileHost.fromBuffer(bytes, 'openpyxl-ledger.xlsx');
  outcome = await validateWorkbook(host);
  annotated = unzipSync(await host.toBuffer());
  const again = await FileHost.fromBuffer(await host.toBuffer(), 'openpyxl-ledger.xlsx');
  await clearWorkbook(again);
  cleared = unzipSync(await again.toBuffer());
});

describe('a workbook openpyxl wrote', () => {
  it('is the committed openpyxl file: inline strings, no shared strings or calcChain, openpyxl’s app.xml, a plain-text note', () => {
    expect(text(original, 'docProps/app.xml')).toContain('Openpyxl');
    expect(Object.keys(original).filter((n) => /sharedStrings|calcChain/.test(n))).toEqual([]);
    expect(text(original, 'xl/worksheets/sheet1.xml')).toMatch(/^<worksheet /);
    expect(text(original, 'xl/worksheets/sheet1.xml')).toContain('<c r="A8" t="inlineStr"><is><t>山背村小学</t></is></c>');
    expect(text(original, 'xl/tables/table1.xml')).not.toContain('tableStyleInfo');
    expect(text(original, 'xl/comments/comment1.xml')).toContain('<text><t>县直属学校</t></text>');
  });

  it('reads the ledger exactly as the county was written', async () => {
    const fresh = await FileHost.fromBuffer(readFileSync(FIXTURE), 'openpyxl-ledger.xlsx');
    const sheets = await fresh.readWorkbook();
    expect(sheets.map((s) => s.name)).toEqual(['台账', '汇总']);
    // openpyxl, like Excel, writes a number to 15 significant digits (150 × 1.2 × 1.1 → 198).
    const written = ledgerGrid(FAILING).map((row) => row.map((v) => (typeof v === 'number' ? Number(v.toPrecision(15)) : v)));
    expect(sheets[0].values).toEqual(written);
  });

  it('validates: the county fails, 山背村小学 is the school below the standard, its cells marked', () => {
    expect(outcome.error).toBeUndefined();
    const report = outcome.evaluation!.report;
    expect(report.pass).toBe(false);
    expect(report.schools.filter((s) => s.pass === false).map((s) => s.name)).toEqual(['山背村小学']);
    expect(report.rows).toMatchObject({ sheet: '台账', first: 2, last: 8, schools: 7 });
    expect(outcome.plan!.marks.length).toBeGreaterThan(0);
    expect(outcome.plan!.marks.every((m) => m.sheet === '台账' && /\D8$/.test(m.cell))).toBe(true);
  });

  it('leaves every part it does not own byte for byte (chart, table, drawing, theme, properties, the summary sheet)', () => {
    const kept = Object.keys(original).filter((n) => !OWNED.has(n));
    expect(kept).toEqual(expect.arrayContaining(['xl/charts/chart1.xml', 'xl/tables/table1.xml', 'xl/worksheets/sheet2.xml', 'docProps/app.xml']));
    for (const name of kept) {
      expect(annotated[name], name).toEqual(original[name]);
      expect(cleared[name], name).toEqual(original[name]);
    }
  });

  it('keeps the clerk’s note and its author, and adds ours under its own author', () => {
    const after = text(annotated, 'xl/comments/comment1.xml');
    expect(commentsOf(after).get('A2')).toBe(commentsOf(text(original, 'xl/comments/comment1.xml')).get('A2'));
    expect(after).toMatch(/<authors><author>张会计<\/author><author>均衡督导助手<\/author><\/authors>/);
    const first = outcome.plan!.marks[0].cell;
    expect(commentsOf(after).get(first)).toContain('未达标');
  });

  it('after clear the ledger sheet’s cells, styles and notes are the original’s, and only its own sheets were added', () => {
    expect(cellsOf(text(cleared, 'xl/worksheets/sheet1.xml'))).toEqual(cellsOf(text(original, 'xl/worksheets/sheet1.xml')));
    expect(commentsOf(text(cleared, 'xl/comments/comment1.xml'))).toEqual(commentsOf(text(original, 'xl/comments/comment1.xml')));
    expect([...text(annotated, 'xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1])).toEqual(['台账', '汇总', '均衡校验报告', '_balance_state']);
    expect(text(cleared, 'xl/workbook.xml')).toContain(`<definedName name="全县学校">'台账'!$A$2:$A$8</definedName>`);
  });
});
