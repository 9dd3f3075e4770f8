// OOXML string escapes (ST_Xstring): a control character is stored as _xHHHH_, and _x005F_ escapes the
// underscore of text that would otherwise read as one. Read: decoded to the character it stands for (the CLI
// then shows it escaped, test/cli/terminal.test.ts). Written: our report, notes and state escape the same way,
// so a school name comes back exactly, and no raw control character lands in the XML.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { clearWorkbook, validateWorkbook } from '../../src/app/validate.ts';
import { REPORT_SHEET } from '../../src/core/plan.ts';
import { FileHost } from '../../src/hosts/file/index.ts';
import { readSheet } from '../../src/hosts/file/sheet-read.ts';
import { FAILING, ledgerGrid } from '../cli/fixtures.ts';
import { gridSheetXml, handmadeXlsx } from './handmade.ts';

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

describe('reading _xHHHH_ escapes', () => {
  const rows = [['学校名称', '备注'], ['山背_x001B_[2J村小学', '响铃_x0007_'], ['河口_x005F_x001B_小学', '小写_x001b_'], ['不是转义_x41_', '_x4E2D_文']];

  it.each([
    ['shared strings', 'shared'],
    ['inline strings', 'inline'],
  ] as const)('in %s: decoded to the character, _x005F_ to a literal underscore, anything else left as written', async (_, kind) => {
    const shared: string[] = [];
    const xml = gridSheetXml(rows, { strings: kind === 'inline' ? 'inline' : { shared } });
    const host = await FileHost.fromBuffer(handmadeXlsx([{ name: '台账', xml }], kind === 'inline' ? undefined : shared), 'escapes.xlsx');
    const [sheet] = await host.readWorkbook();
    expect(sheet.values).toEqual([
      ['学校名称', '备注'],
      ['山背\u001b[2J村小学', '响铃\u0007'],
      ['河口_x001B_小学', '小写\u001b'],
      ['不是转义_x41_', '中文'],
    ]);
  });
});

describe('writing text that holds control characters or escape-like text', () => {
  it('the report, notes and state escape it, so the names come back exactly and clear finds every school again', async () => {
    const hostile = '山背\u001b[2J村_x0041_小学';
    const grid = ledgerGrid(FAILING.map((s) => (s.name === '山背村小学' ? { ...s, name: hostile } : s)));
    const shared: string[] = [];
    const original = handmadeXlsx([{ name: '台账', xml: gridSheetXml(grid.map((r) => r.map((v) => (v === hostile ? '山背_x001B_[2J村_x005F_x0041_小学' : v))), { strings: { shared } }) }], shared);
    const host = await FileHost.fromBuffer(original, 'hostile.xlsx');
    const outcome = await validateWorkbook(host);
    expect(outcome.evaluation?.report.schools.some((s) => s.name === hostile && s.pass === false)).toBe(true);

    const annotated = await host.toBuffer();
    const parts = unzipSync(annotated);
    const again = await FileHost.fromBuffer(annotated, 'hostile.xlsx');
    const report = again.pkg.sheets().find((s) => s.name === REPORT_SHEET)!;
    const reportXml = strFromU8(parts[report.path]);
    expect(RAW_CONTROL.test(reportXml)).toBe(false);
    expect(reportXml).toContain('山背_x001B_[2J村_x005F_x0041_小学');
    const texts = readSheet(again.pkg, report.path, { strings: [], dateStyles: new Set(), date1904: false }).values.flat();
    expect(texts).toContain(hostile);
    for (const [name, bytes] of Object.entries(parts)) if (name.endsWith('.xml')) expect(RAW_CONTROL.test(strFromU8(bytes)), name).toBe(false);

    // The state names the school by its exact name: clear puts every mark back, none left for want of a match.
    const cleared = await clearWorkbook(again);
    expect(cleared.left).toEqual([]);
    expect(cleared.restored).toBeGreaterThan(0);
  });
});
