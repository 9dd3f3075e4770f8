import { describe, expect, it } from 'vitest';
import { insertCountySheet } from '../../src/app/county-sheet.ts';
import { clearWorkbook, validateWorkbook } from '../../src/app/validate.ts';
import { FileHost } from '../../src/hosts/file/index.ts';
import { WpsHost, type EtApplication } from '../../src/hosts/wps/index.ts';
import { COUNTY_SHEET, countySheetGrid, readCountySheet } from '../../src/ledger/county-sheet.ts';
import { writeSampleWorkbook } from '../../src/sample/index.ts';
import { national2012Basic } from '../../src/standards/national-2012-basic.ts';
import { national2017Quality } from '../../src/standards/national-2017-quality.ts';
import { StandinApp } from '../wps/et-standin.ts';

async function sampleWithoutCountySheet(): Promise<FileHost> {
  const wb = writeSampleWorkbook();
  wb.removeWorksheet(wb.getWorksheet(COUNTY_SHEET)!.id);
  return FileHost.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()), 'sample.xlsx');
}

describe('插入“县级指标”工作表', () => {
  it('file host: adds the standard’s blank sheet once, the reader reads it back, and clearing keeps it', async () => {
    const host = await sampleWithoutCountySheet();
    expect(await insertCountySheet(host, 'national-2012-basic', '云岭县')).toBe('added');
    expect(await insertCountySheet(host, 'national-2017-quality', '云岭县')).toBe('exists');
    const sheets = await host.readWorkbook();
    const county = sheets.find((s) => s.name === COUNTY_SHEET)!;
    // Row 1 is the merged title (readers repeat it over the merge); the name and the header rows as written.
    expect(county.values[0][0]).toBe('县级指标（全国县域义务教育基本均衡（2012））');
    expect(county.values.slice(1, 3)).toEqual(countySheetGrid(national2012Basic, '云岭县').slice(1, 3));
    expect(readCountySheet(sheets, national2012Basic).countySheet?.entries.public_satisfaction).toEqual({ value: null, cell: expect.stringMatching(/^C\d+$/) });

    await validateWorkbook(host, { standard: 'national-2012-basic' });
    await clearWorkbook(host);
    expect((await host.readWorkbook()).map((s) => s.name)).toContain(COUNTY_SHEET);
  });

  it('WPS host: adds the sheet through the ET objects, and refuses to overwrite one that exists', async () => {
    const app = new StandinApp(['台账']);
    const host = new WpsHost(app as unknown as EtApplication);
    expect(await insertCountySheet(host, undefined, '某县')).toBe('added');
    const rows = countySheetGrid(national2017Quality, '某县');
    const ws = app.sheet(COUNTY_SHEET);
    expect(ws).toBeDefined();
    const sheets = await host.readWorkbook();
    expect(sheets.find((s) => s.name === COUNTY_SHEET)?.values[rows.length - 1][0]).toBe(rows[rows.length - 1][0]);
    expect(await insertCountySheet(host, undefined, '某县')).toBe('exists');
  });

  it('an unknown standard is an error in Chinese, and nothing is added', async () => {
    const host = await sampleWithoutCountySheet();
    await expect(insertCountySheet(host, 'nope', '')).rejects.toThrow('未知的评估标准');
    expect((await host.readWorkbook()).map((s) => s.name)).not.toContain(COUNTY_SHEET);
  });
});
