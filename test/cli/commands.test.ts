// The commands run in process (main() with captured output) on workbooks written in a temp dir.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFileNames } from '../../src/cli/commands/demo.ts';
import type { RollupSummary } from '../../src/cli/rollup-model.ts';
import { evaluateWith } from '../../src/core/index.ts';
import type { Report } from '../../src/core/report.ts';
import type { County } from '../../src/core/types.ts';
import { REPORT_SHEET } from '../../src/core/plan.ts';
import { TEMPLATE_COLUMNS } from '../../src/ledger/template.ts';
import { SAMPLE_COUNTY } from '../../src/sample/index.ts';
import { FAILING, PASSING, countyOf, writeLedger } from './fixtures.ts';
import { runCli, tempDir } from './helpers.ts';

const tmp = tempDir('commands');
const TITLE = '河口县义务教育学校办学条件台账（2025学年）';
// Written once; several tests below read them.
beforeAll(async () => {
  await writeLedger(tmp.path('passing.xlsx'), PASSING, { title: TITLE });
  await writeLedger(tmp.path('山背县.xlsx'), FAILING);
});
afterAll(() => tmp.remove());

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

function expected(county: County, standard = 'national-2017-quality'): Report {
  const r = evaluateWith(county, standard);
  if (!r.ok) throw new Error(r.message);
  return r.value.report;
}

/** The CLI's report against evaluate() on the same schools: every stage figure and every school verdict. */
function expectSameFigures(actual: Report, want: Report): void {
  expect(Object.keys(actual.stages)).toEqual(Object.keys(want.stages));
  for (const [stage, st] of Object.entries(want.stages)) {
    const got = actual.stages[stage as 'primary']!;
    expect(got.schoolCount).toBe(st!.schoolCount);
    expect(got.students).toBe(st!.students);
    expect(got.pass).toBe(st!.pass);
    st!.indicators.forEach((ind, k) => {
      const g = got.indicators[k];
      expect(g.id).toBe(ind.id);
      expect(g.mean).toBeCloseTo(ind.mean as number, 9);
      expect(g.cv).toBeCloseTo(ind.cv as number, 12);
      expect([g.cvPass, g.threshold, g.schoolsBelow, g.cvLimit]).toEqual([ind.cvPass, ind.threshold, ind.schoolsBelow, ind.cvLimit]);
    });
  }
  expect(actual.schools.map((s) => [s.name, s.stage, s.row, s.students, s.pass, s.metCount])).toEqual(
    want.schools.map((s) => [s.name, s.stage, s.row, s.students, s.pass, s.metCount]),
  );
  actual.schools.forEach((s, i) => {
    for (const [id, v] of Object.entries(want.schools[i].values)) expect(s.values[id as 'books_per_student']).toBeCloseTo(v as number, 9);
  });
  expect(actual.parts.map((p) => [p.id, p.pass])).toEqual(want.parts.map((p) => [p.id, p.pass]));
  expect(actual.pass).toBe(want.pass);
}

describe('balance validate', () => {
  it('judges a passing county: exit 0, the §6 JSON with evaluate()’s figures, the workbook’s county name', async () => {
    const file = tmp.path('passing.xlsx');
    const json = tmp.path('passing.json');
    const run = await runCli(['validate', file, '--json', json]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const report = readJson<Report>(json);
    // The §6 keys in the page's order, then what the verdict rests on (rules §5.2): the gaps and the row accounting; then the plan (§7).
    expect(Object.keys(report)).toEqual(['version', 'standard', 'county', 'pass', 'reason', 'stages', 'schools', 'problems', 'parts', 'gaps', 'rows', 'rectification']);
    expect(Object.keys(report.stages.primary!.indicators[0])).toEqual(['id', 'name', 'mean', 'cv', 'cvLimit', 'cvPass', 'threshold', 'schoolsBelow']);
    expect(Object.keys(report.schools[0])).toEqual(['name', 'stage', 'row', 'students', 'values', 'met', 'metCount', 'pass', 'shortfall']);
    expect(report).toMatchObject({ version: 1, standard: 'national-2017-quality', county: '河口县', pass: null, gaps: [] });
    expectSameFigures(report, expected(countyOf('河口县', PASSING, { title: TITLE })));
    expect(report.parts.find((p) => p.id === 'resources')!.pass).toBe(true);
    // Resources alone never make the county pass: the other parts are listed as not evaluated.
    const notEvaluated = report.parts.filter((p) => p.pass === null);
    expect(notEvaluated.map((p) => p.id)).toEqual(['government', 'quality', 'recognition']);
    expect(notEvaluated.every((p) => p.reason?.startsWith('未评估'))).toBe(true);
    expect(run.out).toContain('河口县 · ');
    // Resources pass here, the other parts have no data: the verdict says so.
    expect(run.out).toContain('全县结论：未评估（政府保障程度、教育质量、社会认可度未评估，县域结论无法认定）');
  });

  it('judges a failing county: exit 0, the failing school and its shortfall, county name from the file name', async () => {
    const file = tmp.path('山背县.xlsx');
    const json = tmp.path('failing.json');
    const out = tmp.path('failing-annotated.xlsx');
    const run = await runCli(['validate', file, '--json', json, '--out', out]);
    expect(run.code).toBe(0);
    const report = readJson<Report>(json);
    expect(report.county).toBe('山背县');
    const want = expected(countyOf('山背县', FAILING));
    expectSameFigures(report, want);
    const weak = report.schools.find((s) => s.name === '山背村小学')!;
    expect(weak.pass).toBe(false);
    expect(weak.shortfall).toEqual(want.schools.find((s) => s.name === '山背村小学')!.shortfall);
    expect(run.out).toContain('未达到校际标准的学校（1 所）：山背村小学');
    expect(run.out).toContain('资源配置未达标');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toContain(REPORT_SHEET);
    // The weak school's row (row 8: header + 6 schools above it) carries a fill; its values are unchanged.
    const ledger = wb.getWorksheet('台账')!;
    const row = ledger.getRow(8);
    expect(row.getCell(1).value).toBe('山背村小学');
    const filled = [...Array(ledger.columnCount).keys()].filter((c) => (row.getCell(c + 1).fill as ExcelJS.FillPattern | undefined)?.pattern === 'solid');
    expect(filled.length).toBeGreaterThan(0);
  });

  it('--standard national-2012-basic: composites and null per-school verdicts as evaluate() gives them', async () => {
    const json = tmp.path('basic.json');
    const run = await runCli(['validate', tmp.path('山背县.xlsx'), '--standard', 'national-2012-basic', '--json', json]);
    expect(run.code).toBe(0);
    const report = readJson<Report>(json);
    const want = expected(countyOf('山背县', FAILING), 'national-2012-basic');
    expect(report.standard).toBe('national-2012-basic');
    expectSameFigures(report, want);
    for (const stage of ['primary', 'junior'] as const) {
      expect(report.stages[stage]!.composite).toBeCloseTo(want.stages[stage]!.composite as number, 12);
      expect(report.stages[stage]!.compositeLimit).toBe(stage === 'primary' ? 0.65 : 0.55);
    }
    expect(report.schools.every((s) => s.met === null && s.pass === null && s.shortfall === null)).toBe(true);
    expect(report.parts.map((p) => p.id)).toEqual(['basic_standard', 'resources', 'government_work', 'satisfaction']);
  });

  it('reads the sheet named by --sheet, not the first ledger', async () => {
    const file = tmp.path('two-sheets.xlsx');
    const wb = new ExcelJS.Workbook();
    for (const [name, schools] of [['甲县台账', PASSING], ['乙县台账', FAILING]] as const) {
      const path = tmp.path(`${name}.xlsx`);
      await writeLedger(path, schools, { sheetName: name });
      const part = new ExcelJS.Workbook();
      await part.xlsx.readFile(path);
      const src = part.getWorksheet(name)!;
      const ws = wb.addWorksheet(name);
      src.eachRow((r) => ws.addRow((r.values as unknown[]).slice(1)));
    }
    await wb.xlsx.writeFile(file);
    const json = tmp.path('two.json');
    expect((await runCli(['validate', file, '--sheet', '乙县台账', '--json', json])).code).toBe(0);
    expectSameFigures(readJson<Report>(json), expected(countyOf('two-sheets', FAILING, { sheetName: '乙县台账' })));
    expect((await runCli(['validate', file, '--json', json])).code).toBe(0);
    expect(readJson<Report>(json).schools).toHaveLength(PASSING.length);
  });

  it('maps a header the synonym table does not know with --map 字段=表头', async () => {
    const file = tmp.path('odd-headers.xlsx');
    const headers = { backbone_teachers_primary: '名师数（小学）' };
    await writeLedger(file, PASSING, { headers });
    const json = tmp.path('odd.json');
    const before = await runCli(['validate', file, '--json', json]);
    expect(before.code).toBe(0);
    expect(before.out).toContain('工作表 台账 缺少必填列：县级及以上骨干教师数（小学）。如台账中有对应的列，请用 --map 字段=表头 指定');
    expect(readJson<Report>(json).stages.primary!.indicators.find((i) => i.id === 'backbone_teachers_per_100')!.cv).toBeNull();
    const annotated = tmp.path('odd-annotated.xlsx');
    const after = await runCli(['validate', file, '--json', json, '--out', annotated, '--map', '县级及以上骨干教师数（小学）=名师数（小学）']);
    expect(after.code).toBe(0);
    expectSameFigures(readJson<Report>(json), expected(countyOf('odd-headers', PASSING)));
    expect(after.out).not.toContain('缺少必填列');
    // The mapping is saved in the annotated copy: validating that copy needs no --map.
    const again = await runCli(['validate', annotated, '--json', json]);
    expect(again.code).toBe(0);
    expectSameFigures(readJson<Report>(json), expected(countyOf('odd-annotated', PASSING)));
  });
});

describe('balance validate on unusable input: exit 2 with a Chinese message, no output written', () => {
  const outputs = () => readdirSync(tmp.dir).filter((f) => f.startsWith('bad-out'));

  it.each([
    ['a missing file', async () => tmp.path('nowhere.xlsx'), [], /无法读取工作簿 .*nowhere\.xlsx：文件不存在/],
    [
      'a text file renamed .xlsx',
      async () => {
        const p = tmp.path('notes.xlsx');
        writeFileSync(p, '这不是工作簿\n');
        return p;
      },
      [],
      /无法读取工作簿 notes\.xlsx：不是 \.xlsx 文件/,
    ],
    [
      'a workbook without a ledger',
      async () => {
        const p = tmp.path('no-ledger.xlsx');
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('会议记录').addRows([['时间', '地点'], ['周一', '三楼']]);
        await wb.xlsx.writeFile(p);
        return p;
      },
      [],
      /no-ledger\.xlsx：未找到台账：在工作表“会议记录”/,
    ],
    [
      'an encrypted workbook',
      async () => {
        const p = tmp.path('locked.xlsx');
        const name = Buffer.from('EncryptedPackage', 'utf16le');
        writeFileSync(p, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500), name, Buffer.alloc(500)]));
        return p;
      },
      [],
      /无法读取工作簿 locked\.xlsx：文件已加密/,
    ],
    ['an unknown --standard', async () => tmp.path('passing.xlsx'), ['--standard', 'province-2099'], /未知的评估标准“province-2099”/],
    ['a --map field that is no ledger field', async () => tmp.path('passing.xlsx'), ['--map', '校长=张三'], /--map 中的字段“校长”不是台账字段/],
    ['a --map header the ledger lacks', async () => tmp.path('passing.xlsx'), ['--map', 'books=藏书量（册）'], /--map books=藏书量（册） 在工作表 台账 中找不到表头“藏书量（册）”/],
    ['a --sheet that does not exist', async () => tmp.path('passing.xlsx'), ['--sheet', '附表9'], /没有名为“附表9”的工作表/],
  ])('%s', async (_label, file, extra, message) => {
    const run = await runCli(['validate', await file(), ...extra, '--out', tmp.path('bad-out.xlsx'), '--json', tmp.path('bad-out.json')]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(outputs()).toEqual([]);
  });

  it('an output in a missing directory: exit 2, and the other output is not written either', async () => {
    const run = await runCli(['validate', tmp.path('passing.xlsx'), '--out', tmp.path('bad-out.xlsx'), '--json', tmp.path('no-such-dir/r.json')]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/无法写入 .*r\.json：所在目录不存在/);
    expect(outputs()).toEqual([]);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a --json path that is a directory: exit 2, and the annotated copy is not written either', async () => {
    const dir = tmp.path('bad-out-dir.json');
    mkdirSync(dir);
    const run = await runCli(['validate', tmp.path('passing.xlsx'), '--out', tmp.path('bad-out.xlsx'), '--json', dir]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/无法写入 .*bad-out-dir\.json：这是一个目录/);
    expect(existsSync(tmp.path('bad-out.xlsx'))).toBe(false);
    rmdirSync(dir);
  });

  it('--out naming the input itself: exit 2, the ledger untouched', async () => {
    const file = tmp.path('passing.xlsx');
    const before = readFileSync(file);
    const run = await runCli(['validate', file, '--out', file]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('拒绝写出');
    expect(run.err).toContain('输入文件保持不变');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('an unknown command or a missing file argument prints the usage', async () => {
    const unknown = await runCli(['check', 'x.xlsx']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('未知的命令“check”');
    expect(unknown.err).toContain('balance rollup');
    const none = await runCli(['validate']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('用法：balance validate');
    const mainHelp = await runCli(['--help']);
    expect([mainHelp.code, mainHelp.out.includes('balance template --out')]).toEqual([0, true]);
    const help = await runCli(['validate', '--help']);
    expect([help.code, help.out.startsWith('用法：balance validate')]).toEqual([0, true]);
    const helpRollup = await runCli(['help', 'rollup']);
    expect([helpRollup.code, helpRollup.out.startsWith('用法：balance rollup')]).toEqual([0, true]);
  });
});

describe('balance rollup', () => {
  it('compares three counties: JSON and workbook carry every indicator CV and verdict per stage', async () => {
    const files = [
      [tmp.path('甲县.xlsx'), PASSING],
      [tmp.path('乙县.xlsx'), FAILING],
      [tmp.path('丙县.xlsx'), FAILING.slice(1)],
    ] as const;
    for (const [path, schools] of files) await writeLedger(path, schools);
    const out = tmp.path('summary.xlsx');
    const json = tmp.path('summary.json');
    const run = await runCli(['rollup', ...files.map(([p]) => p), '--out', out, '--json', json]);
    expect(run.code).toBe(0);
    expect(run.err.trim().split('\n')).toEqual(['[1/3] 甲县.xlsx', '[2/3] 乙县.xlsx', '[3/3] 丙县.xlsx']);
    const summary = readJson<RollupSummary>(json);
    expect(summary.counties.map((c) => c.county)).toEqual(['甲县', '乙县', '丙县']);
    expect(summary.skipped).toEqual([]);
    files.forEach(([, schools], i) => {
      const want = expected(countyOf(summary.counties[i].county, schools));
      const got = summary.counties[i];
      expect(got.pass).toBe(want.pass);
      for (const stage of ['primary', 'junior'] as const) {
        expect(got.stages[stage]!.pass).toBe(want.stages[stage]!.pass);
        expect(got.stages[stage]!.indicators.map((x) => [x.id, x.cvPass])).toEqual(want.stages[stage]!.indicators.map((x) => [x.id, x.cvPass]));
        got.stages[stage]!.indicators.forEach((x, k) => expect(x.cv).toBeCloseTo(want.stages[stage]!.indicators[k].cv as number, 12));
      }
    });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '小学差异系数', '初中差异系数', '明细']);
    const overview = wb.getWorksheet('汇总')!;
    expect([3, 4, 5].map((r) => [overview.getCell(r, 1).value, overview.getCell(r, 3).value])).toEqual([
      ['甲县', '达标'],
      ['乙县', '未达标'],
      ['丙县', '未达标'],
    ]);
    const primary = wb.getWorksheet('小学差异系数')!;
    summary.counties.forEach((c, i) => {
      expect(primary.getCell(4 + i, 1).value).toBe(c.county);
      c.stages.primary!.indicators.forEach((x, k) => expect(primary.getCell(4 + i, 3 + k).value).toBe(x.cv));
    });
    expect(wb.getWorksheet('明细')!.rowCount).toBe(2 + 3 * 2 * 7);
  });

  it('lists an unreadable file, still writes the others, and exits 2', async () => {
    const bad = tmp.path('坏文件.xlsx');
    writeFileSync(bad, 'not a zip');
    const out = tmp.path('summary2.xlsx');
    const run = await runCli(['rollup', tmp.path('passing.xlsx'), bad, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('未读取：无法读取工作簿 坏文件.xlsx：不是 .xlsx 文件');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('未读取的文件')!.getCell(3, 1).value).toBe(bad);
  });

  it('requires --out', async () => {
    const run = await runCli(['rollup', tmp.path('passing.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('请用 --out 指定汇总工作簿');
  });
});

describe('balance template → filled in → balance validate', () => {
  it('a template filled in by hand reads back with every column recognised', async () => {
    const file = tmp.path('模板县.xlsx');
    expect((await runCli(['template', '--out', file])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('台账')!;
    const fields = TEMPLATE_COLUMNS.map((c) => c.field);
    for (const school of PASSING) {
      ws.addRow(fields.map((f) => (f === 'school' ? school.name : f === 'type' ? school.type : ((school.values as Record<string, number>)[f] ?? null))));
    }
    // The county's name typed into the 县级指标 sheet names the report.
    wb.getWorksheet('县级指标')!.getCell('B2').value = '青山县';
    await wb.xlsx.writeFile(file);
    const json = tmp.path('template.json');
    const run = await runCli(['validate', file, '--json', json]);
    expect(run.code).toBe(0);
    expect(run.out).not.toContain('缺少必填列');
    const report = readJson<Report>(json);
    expect(report.county).toBe('青山县');
    expectSameFigures(report, expected(countyOf('青山县', PASSING)));
  });
});

describe('balance demo', () => {
  it('writes the sample ledger, its annotated copy and the report JSON, and prints the verdict', async () => {
    const dir = tmp.path('demo');
    const run = await runCli(['demo', '--out', dir]);
    expect(run.code).toBe(0);
    const files = demoFileNames(dir);
    for (const f of Object.values(files)) expect(existsSync(f)).toBe(true);
    const report = readJson<Report>(files.report);
    expect(report.county).toBe(SAMPLE_COUNTY);
    expect(report.schools.length).toBeGreaterThan(30);
    expect(run.out).toContain(`${SAMPLE_COUNTY} · `);
    // The sample fails CVs at primary: the schools raising them most are named under the table.
    const overLimit = report.stages.primary!.indicators.filter((i) => i.cvPass === false);
    expect(overLimit.length).toBeGreaterThan(0);
    for (const ind of overLimit) {
      expect(run.out).toMatch(new RegExp(`${ind.name}差异系数超限，拉高最多的学校：\\S+（[\\d.]+，差异系数 \\+0\\.\\d{3}）`));
    }
    const annotated = new ExcelJS.Workbook();
    await annotated.xlsx.readFile(files.annotated);
    expect(annotated.worksheets.map((w) => w.name)).toContain(REPORT_SHEET);
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(files.ledger);
    expect(original.worksheets.map((w) => w.name)).not.toContain(REPORT_SHEET);
  });
});
