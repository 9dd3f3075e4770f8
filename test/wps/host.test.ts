import { describe, expect, it } from 'vitest';
import { FAIL_FILL, REPORT_MARKER, REPORT_SHEET, WARN_FILL, type AnnotationPlan, type CellMark } from '../../src/core/plan.ts';
import { WpsHost, hexToBgr, bgrToHex, STATE_SHEET, type EtApplication } from '../../src/hosts/wps/index.ts';
import { readLedger } from '../../src/ledger/index.ts';
import { StandinApp, XL_PATTERN_NONE } from './et-standin.ts';

const asEt = (app: StandinApp) => app as unknown as EtApplication;

/** A ledger of n schools on sheet 台账: header row 1, schools from row 2, columns A–F. */
function ledgerApp(n: number): StandinApp {
  const app = new StandinApp(['填表说明', '台账']);
  const rows: unknown[][] = [['学校名称', '学校类型', '小学在校生数', '教学及辅助用房面积（㎡）', '运动场地面积（㎡）', '图书册数']];
  for (let i = 0; i < n; i++) rows.push([`第${i + 1}小学`, '小学', 100 + i, 400 + i, 900 + i, 3000 + i]);
  app.sheet('台账').load(rows);
  app.sheet('填表说明').load([['请按模板填写']]);
  app.activeSheet = app.sheet('台账');
  return app;
}

const mark = (cell: string, kind: 'fail' | 'warning' = 'fail'): CellMark => ({
  sheet: '台账',
  cell,
  fill: kind === 'fail' ? FAIL_FILL : WARN_FILL,
  note: `生均教学及辅助用房面积\n本校 ${cell}：3.80 ㎡\n标准：≥ 4.5 ㎡\n缺口：70 ㎡`,
  kind,
});

function plan(marks: CellMark[], schoolRows = 3): AnnotationPlan {
  const rows: AnnotationPlan['reportSheet']['rows'] = [
    [{ v: '某某县 义务教育优质均衡 校验报告', bold: true }],
    [{ v: '指标', bold: true }, { v: '差异系数', bold: true }, { v: '限值', bold: true }, { v: '达标', bold: true }],
    [{ v: REPORT_MARKER }],
    [{ v: '生均教学及辅助用房面积' }, { v: 0.31234, numFmt: '0.000' }, { v: 0.5, numFmt: '0.000' }, { v: '是' }],
  ];
  for (let i = 0; i < schoolRows; i++) {
    rows.push([{ v: `第${i + 1}小学`, link: `'台账'!A${i + 2}` }, { v: 4 + i / 1000, numFmt: '0.00' }, null, { v: '否', fill: FAIL_FILL }]);
  }
  return {
    ledgerSheet: '台账',
    marks,
    reportSheet: { name: REPORT_SHEET, rows, columnWidths: [28, 12, 10, 8], merges: ['A1:D1'] },
  };
}

describe('colours', () => {
  it('turns #RRGGBB into the BGR long ET wants', () => {
    expect(hexToBgr('#F8CBAD')).toBe(0xadcbf8);
    expect(hexToBgr('#F8CBAD')).toBe(11389944);
    expect(hexToBgr('#FF0000')).toBe(255);
    expect(hexToBgr('#0000FF')).toBe(16711680);
    expect(bgrToHex(11389944)).toBe('#F8CBAD');
    expect(() => hexToBgr('red')).toThrow(/颜色格式不正确/);
  });
});

describe('WpsHost.readWorkbook', () => {
  it('reads each visible sheet by its used range, skipping its own sheets', async () => {
    const app = ledgerApp(2);
    const offset = app.ActiveWorkbook.Worksheets.Add(null, app.sheet('台账'));
    offset.Name = '偏移';
    offset.Range('C5:D6').Value2 = [[1, 2], [3, null]];
    const single = app.ActiveWorkbook.Worksheets.Add(null, offset);
    single.Name = '单格';
    single.Range('B2').Value2 = '只有一格';
    const host = new WpsHost(asEt(app));
    await host.saveSettings({ version: 1, standard: 'national-2017-quality' });
    await host.apply(plan([mark('D2')]));
    app.resetCounters();

    const sheets = await host.readWorkbook();
    expect(sheets.map((s) => s.name)).toEqual(['填表说明', '台账', '偏移', '单格']);
    expect(sheets[1].values[0]).toEqual(['学校名称', '学校类型', '小学在校生数', '教学及辅助用房面积（㎡）', '运动场地面积（㎡）', '图书册数']);
    expect(sheets[1].values[2]).toEqual(['第2小学', '小学', 101, 401, 901, 3001]);
    expect(sheets[2]).toEqual({ name: '偏移', values: [[1, 2], [3, null]], origin: { row: 5, col: 3 } });
    expect(sheets[3]).toEqual({ name: '单格', values: [['只有一格']], origin: { row: 2, col: 2 } });
    // One whole-range read per sheet read, and one marker cell per sheet in the workbook (6 with our report and state).
    expect(app.counters.value2Reads).toBe(4 + 6);
  });
});

describe('two-row headers', () => {
  it('reports the merged header cells so the ledger reader can spread group headers', async () => {
    const app = new StandinApp(['台账']);
    const ws = app.sheet('台账').load([
      ['某某县义务教育学校台账'],
      ['学校名称', '学校类型', '在校学生数', null, '图书册数'],
      [null, null, '小学', '初中', null],
      ['第一小学', '小学', 320, null, 9000],
      ['第一中学', '初中', null, 410, 15000],
    ]);
    for (const m of ['A1:E1', 'A2:A3', 'B2:B3', 'C2:D2', 'E2:E3']) ws.Range(m).Merge();
    const [sheet] = await new WpsHost(asEt(app)).readWorkbook();
    expect(new Set(sheet.merges)).toEqual(new Set(['A1:E1', 'A2:A3', 'B2:B3', 'C2:D2', 'E2:E3']));
    const ledger = readLedger([sheet]);
    expect(ledger.ok).toBe(true);
    if (ledger.ok) {
      expect(ledger.headerRows).toEqual([2, 3]);
      expect(Object.keys(ledger.mapping)).toEqual(expect.arrayContaining(['school', 'students_primary', 'students_junior', 'books']));
    }
  });
});

describe('WpsHost.apply', () => {
  it('fills marked cells in BGR, adds the notes and writes the report sheet', async () => {
    const app = ledgerApp(5);
    const before = app.sheet('台账').Range('A1:F6').Value2;
    const host = new WpsHost(asEt(app));
    const p = plan([mark('D3'), mark('D4'), mark('E5', 'warning')]);
    await host.apply(p);

    const ledger = app.sheet('台账');
    expect(ledger.Range('D3').Interior.Color).toBe(11389944);
    expect(ledger.Range('D4').Interior.Color).toBe(11389944);
    expect(ledger.Range('E5').Interior.Color).toBe(0xccf2ff);
    expect(ledger.Range('D2').Interior.Pattern).toBe(XL_PATTERN_NONE);
    expect(ledger.Range('D3').Comment?.Text()).toBe(p.marks[0].note);
    expect(ledger.Range('E5').Comment?.Text()).toBe(p.marks[2].note);
    expect(ledger.Range('A1:F6').Value2).toEqual(before); // the ledger's own values never change
    expect(app.counters.interiorWrites).toBe(3); // ledger D3:D4 in one run, E5 alone; the report's D5

    const report = app.sheet(REPORT_SHEET);
    expect(report.Range('A1').Value2).toBe('某某县 义务教育优质均衡 校验报告');
    expect(report.Range('A4:D4').Value2).toEqual([['生均教学及辅助用房面积', 0.31234, 0.5, '是']]);
    expect(report.Range('C5').Value2).toBeUndefined();
    expect(report.Range('B4').NumberFormat).toBe('0.000');
    expect(report.Range('B5:B7').NumberFormat).toBe('0.00');
    expect(report.Range('A2:D2').Font.Bold).toBe(true);
    expect(report.Range('A4').Font.Bold).toBe(false);
    expect(report.Range('D5').Interior.Color).toBe(11389944);
    expect(report.ColumnWidths()).toEqual([28, 12, 10, 8]);
    expect(report.merges).toEqual(['A1:D1']);
    expect(report.links[0]).toEqual({ cell: 'A5', address: '', subAddress: "'台账'!A2" });
    expect(app.ActiveSheet?.Name).toBe(REPORT_SHEET);
    expect(app.sheets.filter((s) => s.Visible === -1).map((s) => s.Name)).toEqual(['填表说明', '台账', REPORT_SHEET]);
    expect(app.sheet(STATE_SHEET).Visible).toBe(2);
    expect(app.counters.deletePrompts).toBe(0);
    expect(app.ScreenUpdating).toBe(true);
  });

  it('clear restores values, fills, comments and the sheet list exactly', async () => {
    const app = ledgerApp(5);
    const ledger = app.sheet('台账');
    ledger.Range('D3').Interior.Color = hexToBgr('#00B0F0'); // the clerk's own fill
    ledger.Range('D4').AddComment('数据来自2024年统计');
    const original = app.snapshot();
    const host = new WpsHost(asEt(app));

    await host.apply(plan([mark('D3'), mark('D4'), mark('F6', 'warning')]));
    expect(ledger.Range('D4').Comment?.Text()).toContain('生均教学及辅助用房面积');
    await host.clear();

    expect(app.snapshot()).toEqual(original);
    expect(ledger.Range('D3').Interior.Color).toBe(hexToBgr('#00B0F0'));
    expect(ledger.Range('D4').Comment?.Text()).toBe('数据来自2024年统计');
    expect(app.counters.deletePrompts).toBe(0);
    await host.clear(); // clearing twice is harmless
    expect(app.snapshot()).toEqual(original);
  });

  it('re-running replaces the annotations instead of stacking them', async () => {
    const app = ledgerApp(5);
    app.sheet('台账').Range('F2').AddComment('原批注');
    const original = app.snapshot();
    const host = new WpsHost(asEt(app));

    await host.apply(plan([mark('D3'), mark('F2')]));
    await host.apply(plan([mark('E4')], 1));
    const ledger = app.sheet('台账');
    expect(ledger.Range('D3').Interior.Pattern).toBe(XL_PATTERN_NONE);
    expect(ledger.Range('D3').Comment).toBeNull();
    expect(ledger.Range('F2').Comment?.Text()).toBe('原批注');
    expect(ledger.Range('E4').Interior.Color).toBe(11389944);
    expect(app.sheets.filter((s) => s.Name.startsWith(REPORT_SHEET))).toHaveLength(1);
    expect(app.sheet(REPORT_SHEET).Range('A6').Value2).toBeUndefined(); // the longer old report is gone

    await host.clear();
    expect(app.snapshot()).toEqual(original);
  });

  it('names the missing sheet when a mark points nowhere', async () => {
    const host = new WpsHost(asEt(ledgerApp(2)));
    await expect(host.apply({ ...plan([]), marks: [{ ...mark('D2'), sheet: '不存在' }] })).rejects.toThrow('找不到工作表 不存在');
  });
});

describe('WpsHost settings and selection', () => {
  it('keeps settings in the workbook across apply and clear', async () => {
    const app = ledgerApp(3);
    const host = new WpsHost(asEt(app));
    expect(await host.loadSettings()).toBeNull();
    const settings = { version: 1 as const, standard: 'national-2012-basic', sheet: '台账', mapping: { books: '图书（册）' } };
    await host.saveSettings(settings);
    expect(app.ActiveSheet?.Name).toBe('台账'); // creating the hidden sheet leaves the user where they were
    await host.apply(plan([mark('D2')]));
    await host.clear();
    expect(await new WpsHost(asEt(app)).loadSettings()).toEqual(settings);
    expect(app.sheet(STATE_SHEET).Visible).toBe(2);
    expect((await host.readWorkbook()).map((s) => s.name)).toEqual(['填表说明', '台账']);
  });

  it('treats a damaged record as absent, as the file host does', async () => {
    const app = ledgerApp(2);
    const host = new WpsHost(asEt(app));
    await host.saveSettings({ version: 1, standard: 'national-2012-basic' });
    app.sheet(STATE_SHEET).Range('B2').Value2 = '{broken';
    expect(await host.loadSettings()).toBeNull();
    await expect(host.clear()).resolves.toEqual({ restored: 0, left: [] });
  });

  it('select activates the sheet and selects the cell', async () => {
    const app = ledgerApp(3);
    app.activeSheet = app.sheet('填表说明');
    const host = new WpsHost(asEt(app));
    await host.select('台账', 'F9');
    expect(app.ActiveSheet?.Name).toBe('台账');
    expect(app.selection).toEqual({ sheet: '台账', address: 'F9' });
    expect(await host.activeSheet()).toBe('台账');
  });
});

describe('a 2,000-school county', () => {
  async function run(n: number) {
    const app = ledgerApp(n);
    const original = app.snapshot();
    const host = new WpsHost(asEt(app));
    // every third school fails teaching area, every seventh has a warning on books
    const marks = Array.from({ length: n }, (_, i) => i)
      .flatMap((i) => [i % 3 === 0 ? mark(`D${i + 2}`) : null, i % 7 === 0 ? mark(`F${i + 2}`, 'warning') : null])
      .filter((m): m is CellMark => m !== null);
    app.resetCounters();
    await host.apply(plan(marks, n));
    const counters = { ...app.counters };
    const reportRows = app.sheet(REPORT_SHEET).UsedRange.Rows.Count;
    await host.clear();
    expect(app.snapshot()).toEqual(original);
    return { counters, marks: marks.length, reportRows };
  }

  it('writes values in a constant number of whole-range writes', async () => {
    const small = await run(20);
    const big = await run(2000);
    expect(big.reportRows).toBe(2004);
    expect(big.counters.value2Writes).toBe(small.counters.value2Writes);
    expect(big.counters.value2Writes).toBeLessThanOrEqual(2); // report grid + hidden state sheet
    expect(big.counters.commentWrites).toBe(big.marks); // notes are per cell by nature
    expect(big.counters.formatWrites).toBe(small.counters.formatWrites); // one run per column per format
  });
});
