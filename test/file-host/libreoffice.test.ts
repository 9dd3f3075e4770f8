// The annotated copy opened and saved once in LibreOffice (headless, as a county office's other program): it
// renumbers every style, rewrites the notes and stores our state cells as shared strings. The state still
// reads, re-validating replaces our marks instead of stacking them, and clear takes our fills and notes off
// and gives the clerk's own back. Needs soffice (Debian libreoffice-calc); one conversion of a small ledger.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearWorkbook, validateWorkbook } from '../../src/app/validate.ts';
import { FAIL_FILL, REPORT_SHEET } from '../../src/core/plan.ts';
import { FileHost } from '../../src/hosts/file/index.ts';
import { writeSampleWorkbook } from '../../src/sample/index.ts';
import { excelOf, noteText } from './snapshot.ts';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);
const dir = mkdtempSync(join(tmpdir(), 'balance-lo-'));
const YELLOW: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
const OURS = `FF${FAIL_FILL.slice(1)}`;

/** Opens and saves the file in LibreOffice: the copy LibreOffice writes, as bytes. */
function throughLibreOffice(bytes: Uint8Array): Uint8Array {
  const input = join(dir, 'in', '标注副本.xlsx');
  mkdirSync(join(dir, 'in'), { recursive: true });
  writeFileSync(input, bytes);
  // A private profile: other soffice processes may run on the machine at the same time.
  execFileSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'out'), input], { stdio: 'ignore', timeout: 120_000 });
  return new Uint8Array(readFileSync(join(dir, 'out', '标注副本.xlsx')));
}

const fillOf = (ws: ExcelJS.Worksheet, cell: string) => (ws.getCell(cell).style?.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

let saved: Uint8Array;
beforeAll(async () => {
  if (!soffice) return;
  const wb = writeSampleWorkbook();
  const s16 = wb.getWorksheet('台账')!.getCell('S16');
  s16.style = { ...s16.style, fill: YELLOW };
  s16.note = '操场正在改建';
  const host = await FileHost.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()), '台账.xlsx');
  await validateWorkbook(host);
  saved = throughLibreOffice(await host.toBuffer());
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!soffice)('an annotated copy saved by LibreOffice', () => {
  it('still carries our state: re-validating replaces the marks instead of stacking them', async () => {
    expect(strFromU8(unzipSync(saved)['docProps/app.xml'])).toContain('LibreOffice');
    const host = await FileHost.fromBuffer(saved, '标注副本.xlsx');
    expect(host.hasAnnotations()).toBe(true);
    await validateWorkbook(host);
    const ws = (await excelOf(host)).getWorksheet('台账')!;
    const note = noteText(ws.getCell('S16').note) ?? '';
    expect(note.split('【均衡校验】')).toHaveLength(2);
    expect(note.startsWith('操场正在改建')).toBe(true);
    expect(fillOf(ws, 'S16')).toBe(OURS);
    expect((await excelOf(host)).worksheets.filter((s) => s.name.startsWith(REPORT_SHEET))).toHaveLength(1);
  });

  it('clears to the clerk’s own fill and note', async () => {
    const host = await FileHost.fromBuffer(saved, '标注副本.xlsx');
    const cleared = await clearWorkbook(host);
    expect(cleared.left).toEqual([]);
    const wb = await excelOf(host);
    const ws = wb.getWorksheet('台账')!;
    expect(fillOf(ws, 'S16')).toBe('FFFFFF00');
    expect(noteText(ws.getCell('S16').note)).toBe('操场正在改建');
    for (const cell of ['S4', 'U7', 'I17', 'K17', 'M17', 'D3', 'Y3']) {
      expect(fillOf(ws, cell), cell).not.toBe(OURS);
      expect(ws.getCell(cell).note, cell).toBeUndefined();
    }
    expect(wb.worksheets.map((s) => s.name)).not.toContain(REPORT_SHEET);
  });
});
