// Text from a workbook never rewrites the clerk's terminal: the verdict the CLI prints shows control
// characters in school names as visible escapes.
import { afterAll, describe, expect, it } from 'vitest';
import { validateSheets } from '../../src/app/validate.ts';
import { terminalSafe } from '../../src/cli/terminal.ts';
import { formatVerdict } from '../../src/cli/verdict.ts';
import { getStandard } from '../../src/standards/index.ts';
import { TEMPLATE_COLUMNS } from '../../src/ledger/template.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { gridSheetXml, handmadeXlsx } from '../file-host/handmade.ts';
import { FAILING, ledgerGrid, writeLedger } from './fixtures.ts';
import { runCli, tempDir } from './helpers.ts';

const tmp = tempDir('terminal');
afterAll(() => tmp.remove());

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('the printed verdict', () => {
  it('through an .xlsx: a C1 CSI and a right-to-left override in a failing school’s name are shown escaped', async () => {
    // XML cannot carry C0 characters (ESC, BEL): what survives an .xlsx is C1 and the bidi controls.
    const file = tmp.path('hostile.xlsx');
    await writeLedger(file, FAILING.map((s) => (s.name === '山背村小学' ? { ...s, name: '山背村\u009b2J小\u202e学' } : s)));
    const run = await runCli(['validate', file]);
    expect(run.code).toBe(0);
    expect(CONTROL.test(run.out)).toBe(false);
    expect(CONTROL.test(run.err)).toBe(false);
    expect(run.out).toContain('未达到校际标准的学校（1 所）：山背村\\x9B2J小\\u202E学');
    const row = run.out.split('\n').find((l) => l.startsWith('资源配置'))!;
    expect(row).toContain('山背村\\x9B2J小\\u202E学');
  });

  it('through an .xlsx whose strings carry OOXML escapes (_x001B_, _x0007_): decoded, then shown escaped; _x005F_ keeps a literal', async () => {
    // As Excel writes a control character into sharedStrings.xml: _xHHHH_, and _x005F_ for an underscore
    // that starts text reading like an escape. The hostile name is the failing school's, so it is printed.
    const grid = ledgerGrid(FAILING.map((s) =>
      s.name === '山背村小学' ? { ...s, name: '山背_x001B_[2J村_x0007_小学' } : s.name === '河口小学' ? { ...s, name: '河口_x005F_x001B_小学' } : s));
    const shared: string[] = [];
    const file = tmp.path('escapes.xlsx');
    writeFileSync(file, handmadeXlsx([{ name: '台账', xml: gridSheetXml(grid, { strings: { shared } }) }], shared));
    const run = await runCli(['validate', file, '--json', tmp.path('escapes.json')]);
    expect(run.code).toBe(0);
    expect(CONTROL.test(run.out)).toBe(false);
    expect(CONTROL.test(run.err)).toBe(false);
    expect(run.out).toContain('未达到校际标准的学校（1 所）：山背\\x1B[2J村\\x07小学');
    // The JSON carries the name as data (JSON escapes it); the literal stays a literal.
    const report = JSON.parse(readFileSync(tmp.path('escapes.json'), 'utf8')) as { schools: { name: string }[] };
    expect(report.schools.map((s) => s.name)).toContain('山背\u001b[2J村\u0007小学');
    expect(report.schools.map((s) => s.name)).toContain('河口_x001B_小学');
  });

  it('ESC sequences, a bell and a line break in a name (as a host hands them over) are escaped in the printed table', () => {
    const hostile = '山背\u001b[2J\u001b]0;pwned\u0007村\r\n小学';
    // The CLI fixture county as plain cell values, the way a host hands them to the reader.
    const columns = TEMPLATE_COLUMNS.filter((c) => c.field === 'school' || c.field === 'type' || FAILING.some((s) => c.field in s.values));
    const rows = FAILING.map((s) => columns.map((c) =>
      c.field === 'school' ? (s.name === '山背村小学' ? hostile : s.name) : c.field === 'type' ? s.type : ((s.values as Record<string, number>)[c.field] ?? null)));
    const sheets = [{ name: '台账', values: [columns.map((c) => c.header), ...rows] }];
    const outcome = validateSheets(sheets, { plan: false });
    const pack = getStandard('national-2017-quality');
    if (!outcome.evaluation || !pack.ok) throw new Error('no evaluation');
    const printed = terminalSafe(formatVerdict(outcome.evaluation.report, pack.value));
    expect(CONTROL.test(printed)).toBe(false);
    const row = printed.split('\n').find((l) => l.startsWith('资源配置'))!;
    // One table row: the line break inside the name is a space, not a break that would split the row.
    expect(row).toContain('山背\\x1B[2J\\x1B]0;pwned\\x07村 小学');
  });

  it('keeps line feeds and ordinary text, escapes the rest', () => {
    expect(terminalSafe('甲\n乙\t丙\r丁\u007f')).toBe('甲\n乙\\x09丙\\x0D丁\\x7F');
    expect(terminalSafe('城关第一小学（2024）')).toBe('城关第一小学（2024）');
  });
});
