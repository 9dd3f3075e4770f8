// Sample ledger → validate → annotated workbook → bytes → read back with plain ExcelJS.
import type ExcelJS from 'exceljs';
// ExcelJS's own zip library (a dependency of exceljs), to look at the note drawings ExcelJS does not read back.
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { clearWorkbook, validateWorkbook } from '../../src/app/validate.ts';
import type { ValidateOutcome } from '../../src/app/types.ts';
import { REPORT_SHEET } from '../../src/core/plan.ts';
import type { Evaluation } from '../../src/core/report.ts';
import { FileHost, STATE_SHEET } from '../../src/hosts/file/index.ts';
import { writeSampleWorkbook } from '../../src/sample/index.ts';
import { changedCells, load, noteText, sheetNames, snapshot, snapshotSheet } from './snapshot.ts';

const LEDGER = '台账';
const ORIGINAL_NOTE = '原有批注：操场正在改建';
const YELLOW: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };

/** The sample plus what real ledgers carry: a clerk's fill and note on a failing cell, a note elsewhere, formulas. */
async function originalWorkbook(): Promise<Uint8Array> {
  const wb = writeSampleWorkbook();
  const ws = wb.getWorksheet(LEDGER)!;
  const s16 = ws.getCell('S16');
  s16.style = { ...s16.style, fill: YELLOW };
  s16.note = ORIGINAL_NOTE;
  ws.getCell('A3').note = '县直属学校';
  const extra = wb.addWorksheet('汇总');
  extra.getCell('A1').value = '小学在校生合计';
  extra.getCell('B1').value = { formula: "SUM('台账'!D3:D42)", result: 23198 } as ExcelJS.CellFormulaValue;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const HAND_FAILS = ['S4', 'U7', 'S16', 'I17', 'K17', 'M17'];
/** 云岭县实验小学 (row 3): 2,160 pupils against 2,000 (D3) and a largest class of 56 against 45 (Y3). */
const GOVERNMENT_FAILS = ['D3', 'Y3'];

/** Cells of failing school values, from the evaluation's own details. */
function failingCells(evaluation: Evaluation): string[] {
  return evaluation.report.schools.flatMap((s, i) =>
    Object.entries(s.met ?? {}).flatMap(([id, met]) => (met === false ? [evaluation.schoolDetails[i].cells[id as keyof typeof s.met] as string] : [])),
  );
}

let originalBuf: Uint8Array;
let onceBuf: Uint8Array;
let twiceBuf: Uint8Array;
let clearedBuf: Uint8Array;
let outcome: ValidateOutcome;
let original: ExcelJS.Workbook;
let once: ExcelJS.Workbook;

beforeAll(async () => {
  originalBuf = await originalWorkbook();
  const a = await FileHost.fromBuffer(originalBuf, 'sample.xlsx');
  outcome = await validateWorkbook(a);
  onceBuf = await a.toBuffer();
  const b = await FileHost.fromBuffer(onceBuf, 'sample.xlsx');
  await validateWorkbook(b);
  twiceBuf = await b.toBuffer();
  const c = await FileHost.fromBuffer(twiceBuf, 'sample.xlsx');
  await clearWorkbook(c);
  clearedBuf = await c.toBuffer();
  original = await load(originalBuf);
  once = await load(onceBuf);
});

describe('annotated sample workbook', () => {
  it('fills and notes exactly the failing cells and nothing else', () => {
    expect(outcome.error).toBeUndefined();
    const expected = [...new Set(failingCells(outcome.evaluation!))].sort();
    expect(expected).toEqual([...HAND_FAILS].sort());
    const governmentFails = outcome.evaluation!.report.parts.flatMap((p) => p.items.filter((i) => i.pass === false && i.school && p.id !== 'resources').map((i) => i.cell));
    expect(governmentFails.sort()).toEqual(GOVERNMENT_FAILS);
    const before = snapshot(original);
    const after = snapshot(once);
    // The sample has no data warnings: fails are the only cells that change.
    expect(changedCells(before[LEDGER], after[LEDGER]).sort()).toEqual([...expected, ...GOVERNMENT_FAILS].sort());
    const ws = once.getWorksheet(LEDGER)!;
    for (const cell of expected) {
      const c = ws.getCell(cell);
      expect(c.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8CBAD' } });
      expect(String(noteText(c.note))).toMatch(/未达标：.*\n本校值：.*\n标准：≥ .*\n差额：需补足 \d/);
    }
    expect(ws.getCell('Y3').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8CBAD' } });
    expect(String(noteText(ws.getCell('Y3').note))).toContain('未达标：小学最大班额（≤ 45 人）（政府保障程度）\n本校值：56 人\n标准：≤ 45 人');
    for (const name of ['填表说明', '县级指标', '汇总']) expect(changedCells(before[name], after[name])).toEqual([]);
  });

  it('keeps the clerk’s note readable above ours on an annotated cell', () => {
    const note = String(noteText(once.getWorksheet(LEDGER)!.getCell('S16').note));
    expect(note.startsWith(`${ORIGINAL_NOTE}\n\n【均衡校验】\n未达标：生均体育运动场馆面积（小学）`)).toBe(true);
    expect(noteText(once.getWorksheet(LEDGER)!.getCell('A3').note)).toBe('县直属学校');
  });

  it('sizes each note box to its text instead of ExcelJS’s 2 × 4 cells', async () => {
    const zip = await JSZip.loadAsync(onceBuf);
    const vml = Object.keys(zip.files).filter((f) => /^xl\/drawings\/vmlDrawing\d+\.vml$/.test(f));
    const text = (await Promise.all(vml.map((f) => zip.file(f)!.async('string')))).join('');
    // 杨柳小学's backbone-teacher cell K17: column index 10, row index 16.
    const shape = /<x:Anchor>([^<]*)<\/x:Anchor>(?:(?!<\/x:ClientData>).)*<x:Row>16<\/x:Row><x:Column>10<\/x:Column>/s.exec(text);
    expect(shape).not.toBeNull();
    const [left, , top, , right, , bottom] = shape![1].split(',').map((x) => Number(x.trim()));
    expect(right - left).toBeGreaterThanOrEqual(3);
    expect(bottom - top).toBe(5 + 1);
  });

  it('leaves every ledger value and formula as it was', () => {
    const before = snapshot(original);
    const after = snapshot(once);
    for (const name of sheetNames(original)) {
      for (const [addr, cell] of Object.entries(before[name].cells)) expect(after[name].cells[addr].value, `${name}!${addr}`).toEqual(cell.value);
    }
    expect(once.getWorksheet('汇总')!.getCell('B1').value).toEqual({ formula: "SUM('台账'!D3:D42)", result: 23198 });
  });

  it('adds the report sheet and a very hidden state sheet', () => {
    expect(sheetNames(once)).toEqual([...sheetNames(original), REPORT_SHEET, STATE_SHEET]);
    expect(once.getWorksheet(STATE_SHEET)!.state).toBe('veryHidden');
    expect(once.getWorksheet(REPORT_SHEET)!.state).toBe('visible');
  });

  it('prints the evaluation’s figures on the report sheet', () => {
    const ws = once.getWorksheet(REPORT_SHEET)!;
    const col = (c: number) => ws.getColumn(c).values as unknown[];
    const first = col(1);
    const find = (text: string, from = 0) => first.findIndex((v, i) => i > from && v === text);
    const report = outcome.evaluation!.report;
    expect(ws.getCell(find('县域结论'), 2).value).toBe('未达标');
    for (const [stage, label] of [['primary', '小学'], ['junior', '初中']] as const) {
      const heading = first.findIndex((v) => typeof v === 'string' && v.endsWith(`${label}指标表`));
      const st = report.stages[stage]!;
      expect(ws.getCell(find(label), 2).value).toBe(st.pass ? '达标' : '未达标');
      st.indicators.forEach((ind, k) => {
        const r = heading + 2 + k;
        expect(ws.getCell(r, 1).value).toBe(ind.name);
        expect(ws.getCell(r, 2).value).toBe(ind.mean);
        expect(ws.getCell(r, 2).numFmt).toBe('0.00');
        expect(ws.getCell(r, 3).value).toBe(ind.cv);
        expect(ws.getCell(r, 3).numFmt).toBe('0.000');
        expect(ws.getCell(r, 5).value).toBe(ind.cvPass ? '达标' : '未达标');
        expect(ws.getCell(r, 7).value).toBe(ind.schoolsBelow);
      });
    }
    // The sample is designed to fail two primary CVs (backbone teachers, sports area) and pass every junior one.
    expect(report.stages.primary!.indicators.filter((i) => !i.cvPass).map((i) => i.id)).toEqual(['backbone_teachers_per_100', 'sports_area_per_student']);
    expect(report.stages.junior!.pass).toBe(true);
  });

  it('links data problems and rectifications to their ledger cells with HYPERLINK formulas', () => {
    const ws = once.getWorksheet(REPORT_SHEET)!;
    const links: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => {
      const v = c.value as ExcelJS.CellFormulaValue;
      if (v && typeof v === 'object' && 'formula' in v) links.push(v.formula);
    }));
    expect(links).toContain(`HYPERLINK("#'台账'!S16","S16")`);
    expect(links).toContain(`HYPERLINK("#'台账'!A29","A29")`);
  });

  it('annotating twice gives the same workbook as annotating once', async () => {
    const twice = await load(twiceBuf);
    expect(sheetNames(twice)).toEqual(sheetNames(once));
    expect(snapshot(twice)).toEqual(snapshot(once));
  });

  it('clearing restores the untouched workbook (the saved settings stay in the hidden sheet)', async () => {
    const cleared = await load(clearedBuf);
    expect(sheetNames(cleared)).toEqual([...sheetNames(original), STATE_SHEET]);
    expect(cleared.getWorksheet(STATE_SHEET)!.state).toBe('veryHidden');
    const before = snapshot(original);
    for (const name of sheetNames(original)) {
      const ws = cleared.getWorksheet(name)!;
      const orig = original.getWorksheet(name)!;
      expect(snapshotSheet(ws, orig.rowCount, orig.columnCount), name).toEqual(before[name]);
    }
    const host = await FileHost.fromBuffer(clearedBuf);
    expect(await host.loadSettings()).toMatchObject({ version: 1, standard: 'national-2017-quality', sheet: LEDGER });
  });

  it('apply then clear without settings leaves exactly the original sheets', async () => {
    const host = await FileHost.fromBuffer(originalBuf);
    await host.apply(outcome.plan!);
    await host.clear();
    const back = await load(await host.toBuffer());
    expect(sheetNames(back)).toEqual(sheetNames(original));
    expect(snapshot(back)).toEqual(snapshot(original));
  });
});
