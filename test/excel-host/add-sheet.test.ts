import { beforeAll, describe, expect, it } from 'vitest';
import { insertCountySheet } from '../../src/app/county-sheet.ts';
import { ExcelHost } from '../../src/hosts/excel/index.ts';
import { COUNTY_SHEET, countySheetGrid } from '../../src/ledger/county-sheet.ts';
import { national2017Quality } from '../../src/standards/national-2017-quality.ts';
import { ledgerRows, planFor } from './county.ts';
import { ExcelEnums, FakeExcel } from './fake-excel.ts';

beforeAll(() => {
  (globalThis as Record<string, unknown>).Excel = ExcelEnums;
});

const host = (xl: FakeExcel) =>
  new ExcelHost({ run: xl.run, notesSupported: () => true, mergesSupported: () => true, cellPropertiesSupported: () => true });

describe('Excel host: 插入“县级指标”工作表', () => {
  it('adds the sheet with the grid, bold title and header, once; clear() leaves it', async () => {
    const xl = new FakeExcel();
    xl.addSheet('台账', ledgerRows(20));
    const h = host(xl);
    expect(await insertCountySheet(h, undefined, '某县')).toBe('added');
    const grid = countySheetGrid(national2017Quality, '某县');
    const ws = xl.sheet(COUNTY_SHEET);
    expect(ws.cells.get('A3')?.v).toBe('编号');
    expect(ws.cells.get('B2')?.v).toBe('某县');
    expect(ws.cells.get(`A${grid.length}`)?.v).toBe(grid[grid.length - 1][0]);
    expect(ws.cells.get('A1')?.bold).toBe(true);
    expect(ws.frozenRows).toBe(3);
    expect(await insertCountySheet(h, undefined, '某县')).toBe('exists');

    await h.apply(planFor([{ name: '台账', values: ledgerRows(20) }]));
    await h.clear();
    expect(xl.sheet(COUNTY_SHEET).cells.get('A3')?.v).toBe('编号');
  });
});
