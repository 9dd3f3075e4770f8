import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../src/cli/args.ts';
import { writeOutputsAtomically } from '../../src/cli/atomic.ts';
import { InputError } from '../../src/cli/errors.ts';
import { parseMappings } from '../../src/cli/mapping.ts';
import { displayWidth, formatTable } from '../../src/cli/table.ts';
import { COUNTY_SHEET, countySheetGrid } from '../../src/ledger/county-sheet.ts';
import { TEMPLATE_COLUMNS, TEMPLATE_SHEET } from '../../src/ledger/template.ts';
import { national2017Quality } from '../../src/standards/national-2017-quality.ts';
import { runCli, tempDir } from './helpers.ts';

const tmp = tempDir('units');
afterAll(() => tmp.remove());

describe('table', () => {
  it('counts CJK and full-width characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('生均图书')).toBe(8);
    expect(displayWidth('（㎡）')).toBe(6);
    expect(displayWidth('１２')).toBe(4);
  });

  it('aligns mixed Chinese and Latin cells to the same display width', () => {
    const text = formatTable(['指标', 'CV'], [['生均图书册数', '0.515'], ['books', '1.000']], ['left', 'right']);
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    const cvEnd = lines.slice(2).map((l) => displayWidth(l));
    expect(cvEnd[0]).toBe(cvEnd[1]);
    expect(lines[2].startsWith('生均图书册数  ')).toBe(true);
    expect(lines[3]).toBe(`books${' '.repeat(12 - 5)}  1.000`);
  });
});

describe('arguments', () => {
  it('reads values, repeated options and positionals', () => {
    const a = parseCommandArgs(['x.xlsx', '--map', 'a=b', '--standard', 's', '--map=c=d'], { values: ['standard'], multiple: ['map'] });
    expect(a.positionals).toEqual(['x.xlsx']);
    expect(a.value('standard')).toBe('s');
    expect(a.values('map')).toEqual(['a=b', 'c=d']);
    expect(a.help).toBe(false);
  });

  it('turns unknown options and missing values into Chinese usage errors', () => {
    expect(() => parseCommandArgs(['--nope'], {})).toThrow(/未知的选项 --nope/);
    expect(() => parseCommandArgs(['--out'], { values: ['out'] })).toThrow(/选项 --out 缺少取值/);
  });
});

describe('--map', () => {
  it('accepts canonical ids and template headers, full- or half-width brackets', () => {
    expect(parseMappings(['students_primary=小学学生人数', '专任教师数(初中)=F', '图书册数＝图书（册）'])).toEqual({
      students_primary: '小学学生人数',
      teachers_junior: 'F',
      books: '图书（册）',
    });
  });

  it.each([
    ['小学在校生数', /格式应为 字段=表头/],
    ['=小学学生人数', /格式应为 字段=表头/],
    ['小学在校生数=', /格式应为 字段=表头/],
    ['校长姓名=校长', /字段“校长姓名”不是台账字段/],
  ])('rejects %s', (spec, message) => {
    expect(() => parseMappings([spec])).toThrow(message);
    expect(() => parseMappings([spec])).toThrow(InputError);
  });

  it('rejects the same field twice', () => {
    expect(() => parseMappings(['books=图书', '图书册数=藏书'])).toThrow(/指定了两次/);
  });
});

describe('atomic output', () => {
  it('writes every file when every producer succeeds', async () => {
    await writeOutputsAtomically([
      { path: tmp.path('a.txt'), content: () => 'A' },
      { path: tmp.path('b.txt'), content: async () => new Uint8Array([66]) },
    ]);
    expect(existsSync(tmp.path('a.txt')) && existsSync(tmp.path('b.txt'))).toBe(true);
  });

  it('leaves neither file nor temp file when the second step fails after the first was prepared', async () => {
    const dir = tempDir('atomic');
    let firstPrepared = false;
    const run = writeOutputsAtomically([
      {
        path: dir.path('annotated.xlsx'),
        content: () => {
          firstPrepared = true;
          return new Uint8Array(1000);
        },
      },
      {
        path: dir.path('report.json'),
        content: () => {
          throw new Error('JSON step failed');
        },
      },
    ]);
    await expect(run).rejects.toThrow('JSON step failed');
    expect(firstPrepared).toBe(true);
    expect(readdirSync(dir.dir)).toEqual([]);
    dir.remove();
  });

  it('keeps an existing file intact when a later write fails, and names the unwritable target', async () => {
    const dir = tempDir('atomic2');
    writeFileSync(dir.path('old.json'), 'old');
    const run = writeOutputsAtomically([
      { path: dir.path('old.json'), content: () => 'new' },
      { path: dir.path('missing-dir/x.xlsx'), content: () => 'x' },
    ]);
    await expect(run).rejects.toThrow(/无法写入 .*missing-dir.*所在目录不存在/);
    expect(readdirSync(dir.dir)).toEqual(['old.json']);
    expect(readFileSync(dir.path('old.json'), 'utf8')).toBe('old');
    dir.remove();
  });
});

describe('balance template (in process)', () => {
  it('writes the template headers, a frozen header row and the 填表说明 sheet', async () => {
    const out = tmp.path('ledger.xlsx');
    const run = await runCli(['template', '--out', out]);
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([TEMPLATE_SHEET, '填表说明', COUNTY_SHEET]);
    const ledger = wb.getWorksheet(TEMPLATE_SHEET)!;
    const headers = TEMPLATE_COLUMNS.map((_, i) => ledger.getRow(1).getCell(i + 1).value);
    expect(headers).toEqual(TEMPLATE_COLUMNS.map((c) => c.header));
    expect(ledger.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ledger.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ledger.rowCount).toBe(1);
    const guide = wb.getWorksheet('填表说明')!;
    const guideText = guide.getSheetValues().flat().map(String).join('\n');
    for (const c of TEMPLATE_COLUMNS) expect(guideText).toContain(c.explanation);
    expect(guideText).toContain('每百名学生拥有县级以上骨干教师数');
    expect(guideText).toContain('小学 ≥4.2；初中 ≥5.3');
    // The 县级指标 sheet is the ledger reader's own grid for the standard, item by item.
    const county = wb.getWorksheet(COUNTY_SHEET)!;
    const grid = countySheetGrid(national2017Quality);
    expect(county.rowCount).toBe(grid.length);
    grid.forEach((row, r) => expect(row.map((v, c) => county.getCell(r + 1, c + 1).value ?? null)).toEqual(row));
    expect(county.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it('marks the 2012 inputs (books, computers) required for the 2012 standard', async () => {
    const out = tmp.path('ledger-2012.xlsx');
    expect((await runCli(['template', '--out', out, '--standard', 'national-2012-basic'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const guide = wb.getWorksheet('填表说明')!;
    const rows = guide.getSheetValues().filter(Boolean) as unknown[][];
    const flag = (header: string) => rows.find((r) => r[2] === header)?.[4];
    expect(flag('图书册数')).toBe('必填');
    expect(flag('计算机台数')).toBe('必填');
    expect(flag('县级及以上骨干教师数（小学）')).toBe('选填');
    expect(rows.some((r) => r[2] === '综合差异系数' && String(r[5]).includes('小学 ≤0.65'))).toBe(true);
  });

  it('rejects a missing --out and an unknown standard with exit 2', async () => {
    const noOut = await runCli(['template']);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('请用 --out 指定模板文件');
    const bad = await runCli(['template', '--out', tmp.path('x.xlsx'), '--standard', 'mars-2030']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('未知的评估标准“mars-2030”');
    expect(existsSync(tmp.path('x.xlsx'))).toBe(false);
  });
});
