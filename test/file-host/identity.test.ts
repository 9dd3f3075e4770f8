// Clear by identity: between validate and clear the clerk sorts, inserts or deletes rows (saved by another
// program, here ExcelJS moving whole rows with their values, styles and notes); clear still gives each
// school's cell its own fill and note back, leaves and lists what it cannot place, and keeps a note the
// clerk edited.
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { clearWorkbook, validateWorkbook } from '../../src/app/validate.ts';
import { FAIL_FILL } from '../../src/core/plan.ts';
import { FileHost } from '../../src/hosts/file/index.ts';
import type { LeftMark } from '../../src/plan/identity.ts';
import { writeSampleWorkbook } from '../../src/sample/index.ts';
import { excelOf, load, noteText } from './snapshot.ts';

const LEDGER = '台账';
const YELLOW: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
const OUR_ARGB = `FF${FAIL_FILL.slice(1)}`;
/** 石门镇岩口小学 is row 16 of the sample: its sports area S16 fails; the clerk shaded it and left a note. */
const YANKOU = '石门镇岩口小学';
const CLERK_NOTE = '操场正在改建';
const FIRST_DATA = 3;
const LAST_DATA = 42;

interface CellCopy {
  value: ExcelJS.CellValue;
  style: Partial<ExcelJS.Style>;
  note: ExcelJS.Comment | string | undefined;
}

/** Moves the ledger's data rows as a clerk's program would: `to(oldRow)` is the new row, or null to delete it. */
function moveRows(ws: ExcelJS.Worksheet, to: (row: number) => number | null): void {
  const copies = new Map<number, CellCopy[]>();
  const width = ws.columnCount;
  for (let r = FIRST_DATA; r <= LAST_DATA; r++) {
    const row: CellCopy[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      row.push({ value: cell.value, style: JSON.parse(JSON.stringify(cell.style ?? {})), note: cell.note });
      cell.value = null;
      cell.style = {};
      if (cell.note) (cell as unknown as { _comment?: unknown })._comment = undefined;
    }
    copies.set(r, row);
  }
  for (const [r, row] of copies) {
    const target = to(r);
    if (target === null) continue;
    row.forEach((copy, i) => {
      const cell = ws.getCell(target, i + 1);
      cell.value = copy.value;
      cell.style = copy.style;
      if (copy.note) cell.note = copy.note;
    });
  }
}

/** Where a school's row is now. */
function rowOf(ws: ExcelJS.Worksheet, school: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === school) return r;
  return -1;
}

/** Every cell still carrying our fill or our note text. */
function ourLeftovers(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      const fill = c.style?.fill as ExcelJS.FillPattern | undefined;
      if (fill?.fgColor?.argb === OUR_ARGB || /未达标|【均衡校验】/.test(noteText(c.note) ?? '')) out.push(c.address);
    }),
  );
  return out;
}

async function originalWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = writeSampleWorkbook();
  const s16 = wb.getWorksheet(LEDGER)!.getCell('S16');
  s16.style = { ...s16.style, fill: YELLOW };
  s16.note = CLERK_NOTE;
  return load(await wb.xlsx.writeBuffer());
}

/** Validated, then changed by `edit` in another program, then cleared: the cleared ledger and the marks clear left. */
async function validateEditClear(edit: (ws: ExcelJS.Worksheet) => void): Promise<{ ws: ExcelJS.Worksheet; left: LeftMark[] }> {
  const original = await originalWorkbook();
  const host = await FileHost.fromBuffer(new Uint8Array(await original.xlsx.writeBuffer()), 'sample.xlsx');
  await validateWorkbook(host);
  const annotated = await excelOf(host);
  edit(annotated.getWorksheet(LEDGER)!);
  const saved = await FileHost.fromBuffer(new Uint8Array(await annotated.xlsx.writeBuffer()), 'sample.xlsx');
  const cleared = await clearWorkbook(saved);
  return { ws: (await excelOf(saved)).getWorksheet(LEDGER)!, left: cleared.left };
}

let original: ExcelJS.Worksheet;
beforeAll(async () => {
  original = (await originalWorkbook()).getWorksheet(LEDGER)!;
});

/** The row's cells (value, fill, note) keyed by column, to compare one school's row before and after. */
function rowLook(ws: ExcelJS.Worksheet, row: number): unknown[] {
  const out: unknown[] = [];
  for (let c = 1; c <= ws.columnCount; c++) {
    const cell = ws.getCell(row, c);
    out.push([cell.value, JSON.stringify(cell.style?.fill ?? null), noteText(cell.note)]);
  }
  return out;
}

describe('clear after the clerk moved rows', () => {
  it('after reversing the schools, every school gets its own fill and note back', async () => {
    const { ws, left } = await validateEditClear((w) => moveRows(w, (r) => FIRST_DATA + LAST_DATA - r));
    expect(left).toEqual([]);
    expect(ourLeftovers(ws)).toEqual([]);
    const at = rowOf(ws, YANKOU);
    expect(at).toBe(FIRST_DATA + LAST_DATA - 16);
    expect(ws.getCell(`S${at}`).fill).toEqual(YELLOW);
    expect(noteText(ws.getCell(`S${at}`).note)).toBe(CLERK_NOTE);
    // The school now at row 16 got nothing of 岩口小学's.
    expect(ws.getCell('S16').fill).toBeUndefined();
    expect(ws.getCell('S16').note).toBeUndefined();
    for (let r = FIRST_DATA; r <= LAST_DATA; r++) expect(rowLook(ws, FIRST_DATA + LAST_DATA - r)).toEqual(rowLook(original, r));
  });

  it('after inserting rows above the schools, the marks are found below them', async () => {
    const { ws, left } = await validateEditClear((w) => moveRows(w, (r) => r + 3));
    expect(left).toEqual([]);
    expect(ourLeftovers(ws)).toEqual([]);
    expect(ws.getCell('S19').fill).toEqual(YELLOW);
    expect(noteText(ws.getCell('S19').note)).toBe(CLERK_NOTE);
    for (let r = FIRST_DATA; r <= LAST_DATA; r++) expect(rowLook(ws, r + 3)).toEqual(rowLook(original, r));
  });

  it('a deleted school’s marks are gone with it; the rows below are restored, not shifted onto', async () => {
    // 桃源镇杨柳小学 (row 17: I17, K17, M17) is deleted; everything below moves up one.
    const { ws, left } = await validateEditClear((w) => moveRows(w, (r) => (r === 17 ? null : r > 17 ? r - 1 : r)));
    expect(ourLeftovers(ws)).toEqual([]);
    expect(left.map((m) => m.cell).sort()).toEqual(['I17', 'K17', 'M17']);
    expect(left[0].reason).toMatch(/找不到学校“桃源镇杨柳小学”所在的行/);
    for (let r = 18; r <= LAST_DATA; r++) expect(rowLook(ws, r - 1)).toEqual(rowLook(original, r));
  });

  it('keeps a note the clerk edited after the validation, and still takes our fill off', async () => {
    const { ws } = await validateEditClear((w) => (w.getCell('U7').note = '已核实，数据无误'));
    expect(noteText(ws.getCell('U7').note)).toBe('已核实，数据无误');
    expect(ws.getCell('U7').fill).toBeUndefined();
    expect(ws.getCell('S16').fill).toEqual(YELLOW);
    expect(noteText(ws.getCell('S16').note)).toBe(CLERK_NOTE);
  });

  it('leaves and lists a cell when two rows elsewhere now hold the same school', async () => {
    const moved = FIRST_DATA + LAST_DATA - 16;
    const { ws, left } = await validateEditClear((w) => {
      moveRows(w, (r) => FIRST_DATA + LAST_DATA - r);
      // …and pasted 岩口小学's row again at the end: neither copy is where the mark was.
      for (let c = 1; c <= w.columnCount; c++) {
        const from = w.getCell(moved, c);
        const to = w.getCell(LAST_DATA + 2, c);
        to.value = from.value;
        to.style = JSON.parse(JSON.stringify(from.style ?? {}));
      }
    });
    expect(left.map((m) => m.cell)).toEqual(['S16']);
    expect(left[0].reason).toMatch(/多行/);
    expect(ws.getCell(`S${moved}`).fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: OUR_ARGB } });
    expect(ws.getCell(`S${LAST_DATA + 2}`).fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: OUR_ARGB } });
  });
});
