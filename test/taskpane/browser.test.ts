// The built task pane in a real headless Chromium, in browser mode (no Office): load the sample county through
// the file input, validate, compare what the pane shows with evaluate() on the same data, select a problem,
// download the annotated workbook and check it with ExcelJS, and leave a screenshot for a human to look at.
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import { FAIL_FILL, REPORT_SHEET } from '../../src/core/plan.ts';
import type { Evaluation } from '../../src/core/report.ts';
import { STAGES } from '../../src/core/types.ts';
import { validateWorkbook } from '../../src/app/validate.ts';
import { FileHost } from '../../src/hosts/file/index.ts';
import { readLedger } from '../../src/ledger/index.ts';
import type { LedgerReadOk } from '../../src/ledger/types.ts';
import { SAMPLE_HEADER_ROW, SAMPLE_SHEET, writeSampleWorkbook } from '../../src/sample/index.ts';
import { DEFAULT_STANDARD_ID, INDICATOR_INFO, getStandard } from '../../src/standards/index.ts';
import { builtPane } from './build.ts';
import { launchChromium } from './chromium.ts';
import { scratchDir } from '../support/scratch.ts';
import { serveDirectory, type StaticServer } from './serve.ts';
import type { SheetValues } from '../../src/ledger/types.ts';
import { statisticsSheet } from '../ledger/layouts/statistics.ts';
import { writeSheets } from '../ledger/layouts/xlsx.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'test-output');
const PANE_WIDTH = 350;

let server: StaticServer;
let context: BrowserContext;
let page: Page;
let samplePath: string;
let sampleBytes: Buffer;
let expected: Evaluation;
let ledger: LedgerReadOk;
const pageErrors: string[] = [];

beforeAll(async () => {
  const dir = builtPane();
  mkdirSync(OUT, { recursive: true });
  samplePath = path.join(scratchDir('pane-sample-'), '云岭县台账.xlsx');
  sampleBytes = Buffer.from(await writeSampleWorkbook().xlsx.writeBuffer());
  writeFileSync(samplePath, sampleBytes);

  // The expected figures: the same file read in Node and evaluated directly by the core.
  const host = await FileHost.fromBuffer(sampleBytes, '云岭县台账.xlsx');
  const read = readLedger(await host.readWorkbook());
  if (!read.ok) throw new Error(read.message);
  ledger = read;
  const pack = getStandard(DEFAULT_STANDARD_ID);
  if (!pack.ok) throw new Error(pack.message);
  expected = evaluate(ledger.county, pack.value);

  server = await serveDirectory(dir);
  context = await launchChromium({ width: PANE_WIDTH, height: 900 });
  // No network at run time: anything not from our own server fails the page load visibly.
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 600_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
});

describe('task pane in Chromium (browser mode)', () => {
  it('loads offline and falls back to browser mode', async () => {
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByTestId('file-input').waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(server.requests).toContain('/office-js/office.js');
    expect(pageErrors).toEqual([]);
  });

  it('reads the sample county: sheet, header row and mapping', async () => {
    await page.getByTestId('file-input').setInputFiles(samplePath);
    await expect.poll(() => page.getByTestId('ledger-summary').textContent(), { timeout: 15_000 }).toContain(SAMPLE_SHEET);
    const summary = (await page.getByTestId('ledger-summary').textContent()) ?? '';
    expect(summary).toContain(`表头行 ${ledger.headerRows.join('–')}`);
    expect(summary).toContain(`学校行数 ${ledger.county.schools.length}`);
    const schoolColumn = ledger.columns.find((c) => c.field === 'school')?.col;
    expect(await page.locator('select[data-field="school"]').inputValue()).toBe(schoolColumn);
  });

  it('validates the county and shows the verdict and the indicator table as evaluate() computes them', async () => {
    await page.getByTestId('validate').click();
    await page.getByTestId('indicators-primary').waitFor({ timeout: 30_000 });
    const status = (await page.getByTestId('status').textContent()) ?? '';
    expect(status).toContain(expected.report.pass ? '全县通过' : '全县未通过');
    expect(status).toContain(expected.report.county);
    const verdict = (await page.getByTestId('verdict').textContent()) ?? '';
    expect(verdict).toBe(`${expected.report.county} · 全县结论${expected.report.pass ? '通过' : '未通过'}`);

    for (const stage of STAGES) {
      const st = expected.report.stages[stage];
      if (!st || st.schoolCount === 0) continue;
      const card = page.getByTestId(`stage-${stage}`);
      expect(await card.textContent()).toContain(st.pass ? '通过' : '未通过');
      expect(await card.textContent()).toContain(`${st.schoolCount} 校`);
      for (const r of st.indicators) {
        const row = page.getByTestId(`indicators-${stage}`).locator(`tr[data-indicator="${r.id}"]`);
        expect(await row.locator('th').textContent()).toBe(r.name);
        expect(await row.locator('[data-col="mean"]').textContent()).toBe(r.mean!.toFixed(2));
        // The CV cell reads e.g. "0.523 ✗" when it exceeds the limit.
        const cvText = (await row.locator('[data-col="cv"]').textContent()) ?? '';
        expect(cvText.replace(/\s*✗$/, '')).toBe(r.cv!.toFixed(3));
        expect(cvText.endsWith('✗')).toBe(r.cvPass === false);
        expect(await row.locator('[data-col="below"]').textContent()).toBe(String(r.schoolsBelow));
      }
    }
    // The sample is built to fail: its primary stage must show at least one CV over the limit.
    expect(expected.report.stages.primary?.indicators.some((r) => r.cvPass === false)).toBe(true);
    expect(await page.getByTestId('indicators-primary').locator('[data-col="cv"]', { hasText: '✗' }).count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });

  it('names the schools that drag each CV most and the schools below threshold', async () => {
    const drivers = expected.drivers.primary ?? {};
    const [firstId, list] = Object.entries(drivers).find(([, d]) => (d?.length ?? 0) > 0)!;
    const text = (await page.getByTestId('drivers-primary').textContent()) ?? '';
    const name = INDICATOR_INFO[firstId as keyof typeof INDICATOR_INFO].name;
    expect(text).toContain(`${name}：${list![0].name}（+${list![0].impact.toFixed(3)}）`);

    const failing = expected.report.schools.filter((s) => s.stage === 'primary' && s.pass === false);
    const below = (await page.getByTestId('below-primary').textContent()) ?? '';
    for (const s of failing) expect(below).toContain(s.name);
  });

  it('shows 整改测算 per indicator as evaluate() plans it, each line opening to its schools', async () => {
    const plan = expected.report.rectification!;
    expect(plan.byIndicator.length).toBeGreaterThan(0);
    const section = page.getByTestId('rectification');
    for (const b of plan.byIndicator) {
      const line = section.locator(`li[data-stage="${b.stage}"][data-indicator="${b.indicator}"]`);
      const summary = (await line.locator('summary').textContent()) ?? '';
      expect(summary).toContain(b.name);
      expect(summary).toContain(`（${b.schools} 校）`);
      expect(summary).toContain(`${b.cvBefore!.toFixed(3)} → ${b.cvAfter!.toFixed(3)}`);
    }
    // Closed until asked; opening a line lists its schools with their amounts.
    const first = plan.byIndicator[0];
    const line = section.locator(`li[data-stage="${first.stage}"][data-indicator="${first.indicator}"]`);
    const school = plan.additions.find((a) => a.stage === first.stage && a.indicator === first.indicator)!;
    expect(await line.getByText(school.school).isVisible()).toBe(false);
    await line.locator('summary').click();
    expect(await line.getByText(school.school).first().isVisible()).toBe(true);
    expect(await page.getByTestId('rectification-total').textContent()).toContain('按方案增加后复核：通过');
    expect(pageErrors).toEqual([]);
  });

  it('selects the offending cell when a data problem is clicked', async () => {
    const buttons = page.getByTestId('problems').locator('button');
    expect(await buttons.count()).toBeGreaterThan(0);
    const first = buttons.first();
    const cellRef = (await first.locator('span').first().textContent()) ?? '';
    await first.click();
    await expect.poll(() => page.getByTestId('status').textContent()).toContain(`已定位到 ${cellRef}`);
    expect(pageErrors).toEqual([]);
  });

  it('offers the annotated workbook for download: report sheet, shaded failing cells, ledger values unchanged', async () => {
    const link = page.getByTestId('download');
    await link.waitFor({ timeout: 15_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = path.join(OUT, 'taskpane-annotated.xlsx');
    await download.saveAs(saved);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(saved)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet(REPORT_SHEET)).toBeDefined();
    const ws = wb.getWorksheet(SAMPLE_SHEET)!;
    const failingCells = expected.report.schools.flatMap((s, i) =>
      Object.entries(s.met ?? {}).flatMap(([id, met]) => (met === false ? [expected.schoolDetails[i].cells[id as keyof typeof s.met]!] : [])),
    );
    expect(failingCells.length).toBeGreaterThan(0);
    const argb = `FF${FAIL_FILL.slice(1).toUpperCase()}`;
    for (const cell of failingCells) {
      const fill = ws.getCell(cell).fill as ExcelJS.FillPattern | undefined;
      expect(fill?.fgColor?.argb, `${SAMPLE_SHEET}!${cell}`).toBe(argb);
    }

    // The pane's shortfalls read as the cell notes do (whole teachers and rooms rounded up).
    const paneBelow = (await page.locator('[data-testid^="below-"]').allTextContents()).join('\n');
    const noteText = (cell: string) => {
      const note = ws.getCell(cell).note as string | { texts?: { text: string }[] } | undefined;
      return typeof note === 'string' ? note : (note?.texts ?? []).map((x) => x.text).join('');
    };
    const gaps = failingCells.flatMap((cell) => [...noteText(cell).matchAll(/需补足 (\S+) (\S+)/g)].map((m) => `缺口 ${m[1]} ${m[2]}`));
    expect(gaps.length).toBeGreaterThan(0);
    for (const gap of gaps) expect(paneBelow).toContain(gap);

    const original = new ExcelJS.Workbook();
    await original.xlsx.load(sampleBytes as unknown as ArrayBuffer);
    const before = original.getWorksheet(SAMPLE_SHEET)!;
    before.eachRow((row, r) => row.eachCell((c, col) => expect(ws.getCell(r, col).value).toEqual(c.value)));
  });

  it('clears the annotations and offers the restored workbook', async () => {
    await page.getByTestId('clear').click();
    await expect.poll(() => page.getByTestId('status').textContent()).toContain('已清除');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    expect(wb.getWorksheet(REPORT_SHEET)).toBeUndefined();
    const someFailing = expected.report.schools.findIndex((s) => Object.values(s.met ?? {}).includes(false));
    const id = Object.entries(expected.report.schools[someFailing].met!).find(([, m]) => m === false)![0];
    const cell = expected.schoolDetails[someFailing].cells[id as keyof (typeof expected.schoolDetails)[number]['cells']]!;
    expect((wb.getWorksheet(SAMPLE_SHEET)!.getCell(cell).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe(
      `FF${FAIL_FILL.slice(1).toUpperCase()}`,
    );
    // Validate again so the screenshot shows the results.
    await page.getByTestId('validate').click();
    await page.getByTestId('indicators-primary').waitFor({ timeout: 30_000 });
  });

  it('leaves a screenshot of the pane at 350 px', async () => {
    const file = path.join(OUT, 'taskpane.png');
    await page.screenshot({ path: file, fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PANE_WIDTH);
    // Excel's narrowest pane: still no sideways scrolling of the page.
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: PANE_WIDTH, height: 900 });
    expect(pageErrors).toEqual([]);
  });
});

describe('header mapping by hand', () => {
  it('shows an unrecognised required column in red and takes the column the clerk picks', async () => {
    // The sample with one required header renamed to something no synonym matches.
    const wb = writeSampleWorkbook();
    const ws = wb.getWorksheet(SAMPLE_SHEET)!;
    let col = '';
    ws.getRow(SAMPLE_HEADER_ROW).eachCell((c) => {
      if (c.value === '网络多媒体教室数（间）') {
        c.value = '第七栏';
        col = c.address.replace(/\d+$/, '');
      }
    });
    expect(col).not.toBe('');
    const file = path.join(scratchDir('pane-renamed-'), '改名台账.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

    const other = await context.newPage();
    await other.goto(`${server.url}/taskpane.html`);
    await other.getByTestId('file-input').setInputFiles(file);
    const mapping = other.getByTestId('mapping');
    await expect.poll(() => mapping.getAttribute('open'), { timeout: 15_000 }).not.toBeNull();
    expect(await mapping.locator('summary').textContent()).toContain('缺少 1 个必需字段');
    const select = other.locator('select[data-field="multimedia_rooms"]');
    expect(await select.inputValue()).toBe('');
    const red = await mapping.getByText('网络多媒体教室数（间） *').evaluate((e) => getComputedStyle(e).color);
    expect(red).toMatch(/^rgb\((\d+), (\d+), (\d+)\)$/);
    const [r, g, b] = red.match(/\d+/g)!.map(Number);
    expect(r).toBeGreaterThan(150);
    expect(g + b).toBeLessThan(r);

    await select.selectOption(col);
    await expect.poll(() => mapping.locator('summary').textContent(), { timeout: 15_000 }).not.toContain('缺少');
    expect(await select.inputValue()).toBe(col);
    await other.getByTestId('validate').click();
    await other.getByTestId('indicators-primary').waitFor({ timeout: 30_000 });
    const row = other.getByTestId('indicators-primary').locator('tr[data-indicator="multimedia_rooms_per_100"]');
    const expectedCV = expected.report.stages.primary!.indicators.find((r) => r.id === 'multimedia_rooms_per_100')!.cv!;
    expect((await row.locator('[data-col="cv"]').textContent())?.replace(/\s*✗$/, '')).toBe(expectedCV.toFixed(3));
    await other.close();
  });
});

describe('未对应', () => {
  it('a field set to 未对应 stays unmapped, is shown missing, and validation leaves it out', async () => {
    const other = await context.newPage();
    await other.goto(`${server.url}/taskpane.html`);
    await other.getByTestId('file-input').setInputFiles(samplePath);
    const mapping = other.getByTestId('mapping');
    await expect.poll(() => other.getByTestId('ledger-summary').textContent(), { timeout: 15_000 }).toContain('学校行数');
    await mapping.locator('summary').click();
    const select = other.locator('select[data-field="multimedia_rooms"]');
    expect(await select.inputValue()).not.toBe('');
    await select.selectOption('');
    await expect.poll(() => mapping.locator('summary').textContent(), { timeout: 15_000 }).toContain('缺少 1 个必需字段');
    expect(await select.inputValue()).toBe('');
    await other.getByTestId('validate').click();
    await other.getByTestId('indicators-primary').waitFor({ timeout: 30_000 });
    const cv = await other.getByTestId('indicators-primary').locator('tr[data-indicator="multimedia_rooms_per_100"] [data-col="cv"]').textContent();
    expect(cv?.trim()).toMatch(/^—/);
    await other.close();
  });
});

describe('未评估', () => {
  it('a stage resting on data that was not read shows 未评估 with its reason, never 通过', async () => {
    // The sample with one primary school's enrolment blanked and the junior enrolment header renamed to one
    // no synonym knows: primary keeps its schools but has a gap at that cell; junior has no school at all.
    const wb = writeSampleWorkbook();
    const ws = wb.getWorksheet(SAMPLE_SHEET)!;
    let enrolment = 0;
    let type = 0;
    ws.getRow(SAMPLE_HEADER_ROW).eachCell((c, n) => {
      if (c.value === '小学在校生数') enrolment = n;
      if (c.value === '学校类型') type = n;
      if (c.value === '初中在校生数') c.value = '初中部学生';
    });
    let row = SAMPLE_HEADER_ROW + 1;
    while (ws.getRow(row).getCell(type).value !== '小学') row++;
    const blank = ws.getRow(row).getCell(enrolment);
    blank.value = null;
    const file = path.join(scratchDir('pane-gaps-'), '数据不全.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

    const other = await context.newPage();
    await other.goto(`${server.url}/taskpane.html`);
    await other.getByTestId('file-input').setInputFiles(file);
    await expect.poll(() => other.getByTestId('ledger-summary').textContent(), { timeout: 15_000 }).toContain('学校行数');
    await other.getByTestId('validate').click();
    await other.getByTestId('stage-junior').waitFor({ timeout: 30_000 });

    const primary = (await other.getByTestId('stage-primary').textContent()) ?? '';
    expect(primary).toContain('未评估');
    expect(primary).not.toContain('通过');
    expect(await other.getByTestId('stage-primary-reason').textContent()).toBe(`小学数据不全，未评估：工作表“${SAMPLE_SHEET}” ${blank.address} 在校生数为空或无法读取`);
    // A stage with no school counted still shows, with the column it lacks.
    const junior = (await other.getByTestId('stage-junior').textContent()) ?? '';
    expect(junior).toContain('未评估');
    expect(junior).not.toContain('通过');
    expect(await other.getByTestId('stage-junior-reason').textContent()).toBe(`初中数据不全，未评估：工作表“${SAMPLE_SHEET}”没有“初中在校生数”列（表头未对应）`);

    const verdict = (await other.getByTestId('verdict').textContent()) ?? '';
    expect(verdict).toMatch(/全县结论未评估$/);
    expect(await other.getByTestId('status').textContent()).toContain('全县未评估');
    const resources = other.getByTestId('parts').locator('li', { hasText: '资源配置' });
    expect(await resources.textContent()).toContain('未评估');
    expect(await resources.textContent()).toContain(`${blank.address} 在校生数为空或无法读取`);
    await other.close();
  });
});

/** The fixture sheets as an .xlsx file in a scratch folder. */
async function sheetsFile(name: string, sheets: SheetValues[]): Promise<string> {
  const file = path.join(scratchDir('pane-layout-'), name);
  await writeSheets(file, sheets);
  return file;
}

const primaryCount = async (p: Page): Promise<string> => {
  await p.getByTestId('stage-primary').waitFor({ timeout: 30_000 });
  return (await p.getByTestId('stage-primary').textContent()) ?? '';
};

describe('several counties and 是否计校数 (rules §5.1 items 3, 4)', () => {
  it('a two-county sheet names both counties in a dropdown, and each is evaluated from it', { timeout: 120_000 }, async () => {
    // The statistics export with its last two rows (城关一小东校区, 杨庄教学点) in 甲区: 某某县 keeps 3 schools, 甲区 has 1 of 50 pupils or more.
    const sheet = statisticsSheet();
    sheet.values[8][2] = '甲区';
    sheet.values[9][2] = '甲区';
    const other = await context.newPage();
    await other.goto(`${server.url}/taskpane.html`);
    await other.getByTestId('file-input').setInputFiles(await sheetsFile('两县.xlsx', [sheet]));
    // Offered as soon as the workbook is read; until one is chosen the ledger step names both and 校验全县 waits.
    const select = other.getByTestId('county-select');
    await select.waitFor({ timeout: 15_000 });
    expect(await select.locator('option').allTextContents()).toEqual(['—', '某某县', '甲区']);
    expect(await other.locator('body').textContent()).toContain('“某某县”、“甲区”');
    expect(await other.getByTestId('validate').isDisabled()).toBe(true);

    await select.selectOption('甲区');
    await expect.poll(() => other.getByTestId('ledger-summary').textContent(), { timeout: 15_000 }).toContain('学校行数 2');
    await other.getByTestId('validate').click();
    await expect.poll(() => primaryCount(other), { timeout: 30_000 }).toContain('1 校 · 80 学生');
    await select.selectOption('某某县');
    await other.getByTestId('validate').click();
    await expect.poll(() => primaryCount(other), { timeout: 30_000 }).toContain('3 校 · 2000 学生');
    await other.close();
  });

  it('merge-campuses changes the count, is saved in the workbook and comes back ticked (and unticked)', async () => {
    let file = await sheetsFile('统计.xlsx', [statisticsSheet()]);
    for (const [tick, schools] of [[true, 3], [false, 4]] as const) {
      const other = await context.newPage();
      await other.goto(`${server.url}/taskpane.html`);
      await other.getByTestId('file-input').setInputFiles(file);
      await expect.poll(() => other.getByTestId('ledger-summary').textContent(), { timeout: 15_000 }).toContain('学校行数');
      const box = other.getByTestId('merge-campuses');
      // The state the workbook last saved: unticked at first, ticked after the first round.
      expect(await box.isChecked()).toBe(!tick);
      await box.setChecked(tick);
      await other.getByTestId('validate').click();
      await expect.poll(() => primaryCount(other), { timeout: 30_000 }).toContain(`${schools} 校 · 2080 学生`);
      const [download] = await Promise.all([other.waitForEvent('download'), other.getByTestId('download').click()]);
      file = path.join(scratchDir('pane-merge-'), `合并-${tick}.xlsx`);
      await download.saveAs(file);
      await other.close();
    }
    const last = await context.newPage();
    await last.goto(`${server.url}/taskpane.html`);
    await last.getByTestId('file-input').setInputFiles(file);
    await expect.poll(() => last.getByTestId('ledger-summary').textContent(), { timeout: 15_000 }).toContain('学校行数');
    expect(await last.getByTestId('merge-campuses').isChecked()).toBe(false);
    await last.close();
  });
});

describe('the 县级指标 sheet', () => {
  it('inserts the blank county sheet of the chosen standard into a workbook that lacks one, once', async () => {
    const wb = writeSampleWorkbook();
    wb.removeWorksheet(wb.getWorksheet('县级指标')!.id);
    const file = path.join(scratchDir('pane-nocounty-'), '无县级指标.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

    const other = await context.newPage();
    await other.goto(`${server.url}/taskpane.html`);
    await other.getByTestId('file-input').setInputFiles(file);
    const insert = other.getByTestId('insert-county-sheet');
    await insert.waitFor({ timeout: 15_000 });
    await insert.click();
    await expect.poll(() => other.getByTestId('status').textContent(), { timeout: 15_000 }).toContain('已插入“县级指标”工作表');
    await expect.poll(() => insert.count()).toBe(0);

    await other.getByTestId('validate').click();
    await other.getByTestId('indicators-primary').waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([other.waitForEvent('download'), other.getByTestId('download').click()]);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const county = out.getWorksheet('县级指标')!;
    expect(county.getCell('B2').value).toBe(expected.report.county);
    expect(county.getRow(3).values).toEqual([undefined, '编号', '指标', '填报值', '单位', '标准', '证明材料']);
    expect(county.getCell('A4').value).toBe('school_layout_plan');
    await other.close();
  });
});

describe('task pane start-up outside Office', () => {
  it('falls back to browser mode quickly when Office.onReady never settles', async () => {
    const other = await context.newPage();
    await other.route('**/office-js/office.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: 'window.Office = { onReady: () => new Promise(() => {}) };' }),
    );
    const started = Date.now();
    await other.goto(`${server.url}/taskpane.html`);
    // The pane waits 1.5 s for Office; ten seconds leaves room for a loaded CI machine, not for a hang.
    await other.getByTestId('file-input').waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    await other.close();
  });

  it('in Excel, mounts the pane over the Excel host and registers the ribbon commands that drive it', async () => {
    // A stand-in office.js: Office reports Excel, every Excel.run fails. The pane must say so, not hang.
    const stub = `
      window.__commands = {};
      window.Office = {
        HostType: { Excel: 'Excel' },
        context: { displayLanguage: 'zh-CN', requirements: { isSetSupported: () => false } },
        onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
        actions: { associate: (id, fn) => { window.__commands[id] = fn; } },
      };
      window.Excel = { run: async () => { throw new Error('模拟：Excel 不可用'); } };`;
    const other = await context.newPage();
    await other.route('**/office-js/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: stub }));
    await other.goto(`${server.url}/taskpane.html`);
    await expect.poll(() => other.getByRole('alert').first().textContent(), { timeout: 10_000 }).toContain('模拟：Excel 不可用');
    expect(await other.getByTestId('file-input').count()).toBe(0);
    expect(await other.evaluate(() => Object.keys((window as unknown as { __commands: object }).__commands).sort())).toEqual([
      'clearAnnotations',
      'validateCounty',
    ]);
    // The ribbon's 校验全县 runs the mounted pane's validation: its status line changes and Office is told it completed.
    const completed = await other.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const w = window as unknown as { __commands: Record<string, (e: { completed(): void }) => void> };
          w.__commands.validateCounty({ completed: () => resolve(true) });
        }),
    );
    expect(completed).toBe(true);
    await expect.poll(() => other.getByTestId('status').textContent()).toBe('出错了');
    await other.close();
  });

  it('loads the built-in sample county without a file', async () => {
    const other = await context.newPage();
    await other.goto(`${server.url}/taskpane.html`);
    await other.getByRole('button', { name: '载入示例县' }).click();
    await expect
      .poll(() => other.getByTestId('ledger-summary').textContent(), { timeout: 15_000 })
      .toContain(`学校行数 ${ledger.county.schools.length}`);
    expect(await other.getByTestId('loaded-file').textContent()).toContain(expected.report.county);
    await other.close();
  });

  it('says in Chinese which file it cannot use, and keeps going', async () => {
    const dir = scratchDir('pane-bad-');
    const notWorkbook = path.join(dir, '说明.txt');
    const broken = path.join(dir, '损坏.xlsx');
    writeFileSync(notWorkbook, '学校名称,小学在校生数\n');
    writeFileSync(broken, 'PK but not really a zip');
    const other = await context.newPage();
    await other.goto(`${server.url}/taskpane.html`);
    await other.getByTestId('file-input').setInputFiles(notWorkbook);
    await expect.poll(() => other.getByRole('alert').textContent(), { timeout: 10_000 }).toContain('“说明.txt”不是 .xlsx 工作簿');
    await other.getByTestId('file-input').setInputFiles(broken);
    await expect.poll(() => other.getByRole('alert').textContent(), { timeout: 10_000 }).toContain('损坏.xlsx');
    await other.getByTestId('file-input').setInputFiles(samplePath);
    await expect.poll(() => other.getByTestId('ledger-summary').textContent(), { timeout: 15_000 }).toContain(SAMPLE_SHEET);
    expect(await other.getByRole('alert').count()).toBe(0);
    await other.close();
  });

  it('speaks English when the browser does', async () => {
    const other = await context.newPage();
    await other.addInitScript(() => Object.defineProperty(navigator, 'language', { get: () => 'en-US' }));
    await other.goto(`${server.url}/taskpane.html`);
    await other.getByTestId('file-input').waitFor({ timeout: 15_000 });
    expect(await other.locator('h1').textContent()).toBe('Balance Inspector');
    expect(await other.evaluate(() => document.documentElement.lang)).toBe('en-US');
    await other.close();
  });
});

describe('清除标注 after the clerk changed the table', () => {
  it('lists, in Chinese, the marks of a school renamed since validation, which clear leaves, and does not say it cleared them all', async () => {
    // Validated in Node, then the clerk renamed a failing school in another program, then opened it in the pane.
    const SCHOOL = '石门镇岩口小学';
    const host = await FileHost.fromBuffer(sampleBytes, '云岭县台账.xlsx');
    await validateWorkbook(host);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await host.toBuffer()).slice().buffer as ArrayBuffer);
    const ws = wb.getWorksheet(SAMPLE_SHEET)!;
    let row = 0;
    ws.eachRow((r, n) => r.getCell(1).value === SCHOOL && (row = n));
    expect(row).toBeGreaterThan(0);
    ws.getCell(row, 1).value = '石门镇岩口新校';
    const file = path.join(scratchDir('pane-renamed-'), '云岭县台账（已标注）.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

    const other = await context.newPage();
    await other.goto(`${server.url}/taskpane.html`);
    await other.getByTestId('file-input').setInputFiles(file);
    await expect.poll(() => other.getByTestId('ledger-summary').textContent(), { timeout: 15_000 }).toContain(SAMPLE_SHEET);
    await other.getByTestId('clear').click();
    await expect.poll(() => other.getByTestId('status').textContent(), { timeout: 15_000 }).toContain('已清除');
    expect(await other.getByTestId('status').textContent()).not.toContain('全部');
    const left = await other.getByTestId('left-marks').textContent();
    expect(left).toContain('处标注无法确定对应的单元格');
    expect(left).toContain(`${SAMPLE_SHEET}!S${row}：找不到学校“${SCHOOL}”所在的行（可能已删除或改名）`);
    await other.close();
  });
});
