// The validation pipeline over plain sheets and over a host.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { clearWorkbook, validateSheets, validateWorkbook } from '../../src/app/validate.ts';
import { REPORT_SHEET } from '../../src/core/plan.ts';
import { excelOf, hostOf } from '../file-host/snapshot.ts';
import { columnLetter } from '../../src/model/a1.ts';
import { TEMPLATE_COLUMNS } from '../../src/ledger/template.ts';
import type { SheetValues } from '../../src/ledger/types.ts';
import { SAMPLE_SHEET, sampleLedgerRows, writeSampleWorkbook } from '../../src/sample/index.ts';

const sampleSheets = (): SheetValues[] => [{ name: SAMPLE_SHEET, values: sampleLedgerRows(), merges: [`A1:${columnLetter(TEMPLATE_COLUMNS.length)}1`] }];

describe('validateSheets', () => {
  it('reads, evaluates and plans the sample county', () => {
    const labels: [number, string][] = [];
    const out = validateSheets(sampleSheets(), { onProgress: (f, l) => labels.push([f, l]) });
    expect(out.error).toBeUndefined();
    expect(out.ledger.ok && out.ledger.county.name).toBe('云岭县');
    expect(out.evaluation?.report.standard).toBe('national-2017-quality');
    expect(out.plan?.reportSheet.name).toBe(REPORT_SHEET);
    expect(out.plan?.marks.filter((m) => m.kind === 'fail').map((m) => m.cell).sort()).toEqual(['D3', 'I17', 'K17', 'M17', 'S16', 'S4', 'U7', 'Y3']);
    expect(labels.map(([f]) => f)).toEqual([...labels.map(([f]) => f)].sort((a, b) => a - b));
    expect(labels.every(([, l]) => /[\u4e00-\u9fff]/.test(l))).toBe(true);
  });

  it('puts the ledger problems before the evaluation problems, once each, in the report JSON too', () => {
    const rows = sampleLedgerRows();
    // 杨柳小学's row: its backbone teachers typed as text with a stray note the reader cannot use.
    rows[16][10] = '见附表';
    const out = validateSheets([{ name: SAMPLE_SHEET, values: rows }]);
    expect(out.ledger.ok).toBe(true);
    const ledgerProblems = out.ledger.ok ? out.ledger.problems : [];
    expect(ledgerProblems.some((p) => p.cell === 'K17')).toBe(true);
    expect(out.problems.slice(0, ledgerProblems.length)).toEqual(ledgerProblems);
    expect(out.evaluation!.report.problems).toEqual(out.problems);
    const keys = out.problems.map((p) => `${p.severity}|${p.cell}|${p.message}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('uses the standard asked for', () => {
    const out = validateSheets(sampleSheets(), { standard: 'national-2012-basic' });
    expect(out.evaluation?.report.standard).toBe('national-2012-basic');
    expect(out.evaluation?.report.stages.primary?.compositeLimit).toBe(0.65);
  });

  it('returns a Chinese error and no plan for an unknown standard', () => {
    const out = validateSheets(sampleSheets(), { standard: 'nowhere-2030' });
    expect(out.error).toMatch(/^未知的评估标准“nowhere-2030”，可用：national-2017-quality/);
    expect(out.plan).toBeUndefined();
    expect(out.evaluation).toBeUndefined();
  });

  it('returns the reader’s message when no sheet holds a ledger', () => {
    const out = validateSheets([{ name: '封面', values: [['某某县教育局'], ['2025年']] }]);
    expect(out.ledger.ok).toBe(false);
    expect(out.error).toMatch(/^未找到台账/);
    expect(out.plan).toBeUndefined();
  });
});

describe('validateWorkbook', () => {
  it('applies the plan, saves the standard and mapping used, and reuses them next time', async () => {
    const host = await hostOf(writeSampleWorkbook());
    const first = await validateWorkbook(host, { standard: 'national-2012-basic' });
    const saved = await host.loadSettings();
    expect(saved).toMatchObject({ version: 1, standard: 'national-2012-basic', sheet: SAMPLE_SHEET });
    expect(saved?.mapping?.school).toBe('学校名称');
    expect(first.ledger.ok && saved?.mapping).toEqual(first.ledger.ok && first.ledger.mapping);
    expect((await excelOf(host)).getWorksheet(REPORT_SHEET)).toBeDefined();

    const again = await validateWorkbook(host);
    expect(again.evaluation?.report.standard).toBe('national-2012-basic');
    // The saved mapping finds every column again: no new problems on the second run.
    expect(again.problems).toEqual(first.problems);
    const overridden = await validateWorkbook(host, { standard: 'national-2017-quality' });
    expect(overridden.evaluation?.report.standard).toBe('national-2017-quality');
    expect((await host.loadSettings())?.standard).toBe('national-2017-quality');
  });

  it('forgets a saved ledger sheet that no longer exists', async () => {
    const host = await hostOf(writeSampleWorkbook());
    await host.saveSettings({ version: 1, standard: 'national-2017-quality', sheet: '旧台账' });
    const out = await validateWorkbook(host);
    expect(out.error).toBeUndefined();
    expect((await host.loadSettings())?.sheet).toBe(SAMPLE_SHEET);
    expect(validateSheets(sampleSheets(), { sheet: '旧台账' }).error).toMatch(/没有名为“旧台账”的工作表/);
  });

  it('reports progress from 0 to 1', async () => {
    const seen: number[] = [];
    await validateWorkbook(await hostOf(writeSampleWorkbook()), { onProgress: (f) => seen.push(f) });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('writes nothing when the workbook holds no ledger', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('封面').getCell('A1').value = '某某县教育局';
    const host = await hostOf(wb);
    const out = await validateWorkbook(host);
    expect(out.error).toMatch(/^未找到台账/);
    expect((await excelOf(host)).worksheets.map((w) => w.name)).toEqual(['封面']);
    expect(await host.loadSettings()).toBeNull();
  });

  it('clearWorkbook removes the report sheet and the marks', async () => {
    const host = await hostOf(writeSampleWorkbook());
    await validateWorkbook(host);
    await clearWorkbook(host);
    const wb = await excelOf(host);
    expect(wb.getWorksheet(REPORT_SHEET)).toBeUndefined();
    expect(wb.getWorksheet(SAMPLE_SHEET)!.getCell('S16').note).toBeUndefined();
    expect(wb.getWorksheet(SAMPLE_SHEET)!.getCell('S16').fill).toBeUndefined();
  });
});

describe('validateSheets without a plan', () => {
  it('evaluates the same county and builds no annotation plan', () => {
    const full = validateSheets(sampleSheets());
    const bare = validateSheets(sampleSheets(), { plan: false });
    expect(bare.plan).toBeUndefined();
    expect(bare.evaluation?.report).toEqual(full.evaluation?.report);
  });
});

describe('validateWorkbook reads the workbook once', () => {
  it('reads once when given nothing and hands back what it read', async () => {
    const host = await hostOf(writeSampleWorkbook());
    const reads = { n: 0 };
    const read = host.readWorkbook.bind(host);
    host.readWorkbook = async () => (reads.n++, read());
    const outcome = await validateWorkbook(host);
    expect(reads.n).toBe(1);
    expect(outcome.sheets?.map((s) => s.name)).toContain(SAMPLE_SHEET);
  });

  it('validates values the caller already read without reading again, with the same verdict', async () => {
    const fresh = await validateWorkbook(await hostOf(writeSampleWorkbook()));
    const host = await hostOf(writeSampleWorkbook());
    const sheets = await host.readWorkbook();
    host.readWorkbook = async () => {
      throw new Error('read again');
    };
    const outcome = await validateWorkbook(host, { sheets });
    expect(outcome.error).toBeUndefined();
    expect(outcome.sheets).toBe(sheets);
    expect(outcome.evaluation?.report.pass).toBe(fresh.evaluation?.report.pass);
    expect(outcome.plan?.marks).toEqual(fresh.plan?.marks);
  });
});
