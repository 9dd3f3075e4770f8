// A county read from a 小学 sheet and a 初中 sheet: the Excel host (in-memory Excel) and the WPS host (ET stand-in)
// mark each school's cell on its own sheet, as the file host does (test/cli/layouts.test.ts), and save no sheet.
import { beforeAll, describe, expect, it } from 'vitest';
import { validateWorkbook } from '../../src/app/validate.ts';
import { FAIL_FILL } from '../../src/core/plan.ts';
import { ExcelHost } from '../../src/hosts/excel/host.ts';
import { WpsHost } from '../../src/hosts/wps/host.ts';
import type { EtApplication } from '../../src/hosts/wps/et.ts';
import { repeated } from '../ledger/layouts/grid.ts';
import { juniorStatisticsSheet, statisticsSheet } from '../ledger/layouts/statistics.ts';
import { ExcelEnums, FakeExcel } from '../excel-host/fake-excel.ts';
import { StandinApp } from '../wps/et-standin.ts';

beforeAll(() => {
  (globalThis as Record<string, unknown>).Excel = ExcelEnums;
});

// 城关中学's 网络多媒体教室 (Y6 on 基础基313) far below 2.4 per 100 pupils; Y6 on 基础基312 is 城关一小's, which passes.
const sheets = () => {
  const junior = juniorStatisticsSheet();
  junior.values[5][24] = 1;
  return [repeated(statisticsSheet()), repeated(junior)];
};

describe('marks on the sheet of their own cell', () => {
  it('Excel host', async () => {
    const xl = new FakeExcel();
    for (const s of sheets()) xl.addSheet(s.name, s.values);
    const host = new ExcelHost({ run: xl.run, notesSupported: () => true, mergesSupported: () => true });
    const outcome = await validateWorkbook(host);
    expect(outcome.evaluation!.report.sheets).toEqual(['基础基312', '基础基313']);
    expect(xl.sheet('基础基313').cells.get('Y6')?.fill).toBe(FAIL_FILL.toUpperCase());
    expect(xl.sheet('基础基313').notes.get('Y6')).toContain('网络多媒体教室');
    expect(xl.sheet('基础基312').cells.get('Y6')?.fill).toBeUndefined();
    expect((await host.loadSettings())?.sheet).toBeUndefined();
  });

  it('WPS host', async () => {
    const app = new StandinApp(['基础基312', '基础基313']);
    for (const s of sheets()) app.sheet(s.name).load(s.values);
    const host = new WpsHost(app as unknown as EtApplication);
    const outcome = await validateWorkbook(host);
    expect(outcome.evaluation!.report.sheets).toEqual(['基础基312', '基础基313']);
    expect(app.sheet('基础基313').Range('Y6').Interior.Color).toBe(0xadcbf8);
    expect(app.sheet('基础基313').Range('Y6').Comment?.Text()).toContain('网络多媒体教室');
    expect(app.sheet('基础基312').Range('Y6').Comment).toBeFalsy();
    expect((await host.loadSettings())?.sheet).toBeUndefined();
  });
});
