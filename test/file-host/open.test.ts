// Opening files that are not usable .xlsx workbooks gives a typed error with a Chinese message, never a crash.
import { readFileSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FileHost, WorkbookReadError } from '../../src/hosts/file/index.ts';
import { fromFile } from '../../src/hosts/file/node.ts';
import { scratchDir } from '../support/scratch.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

/**
 * A compound-file container as Office writes for a password-protected .xlsx: the CFB signature, and a
 * directory entry named EncryptedPackage (UTF-16LE). Built here because no tool on these machines encrypts.
 */
function encryptedXlsx(): Uint8Array {
  const bytes = new Uint8Array(1536);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const entry = (name: string, at: number) => [...name].forEach((ch, i) => bytes.set([ch.charCodeAt(0), 0], at + 2 * i));
  entry('Root Entry', 512);
  entry('EncryptionInfo', 640);
  entry('EncryptedPackage', 768);
  return bytes;
}

async function openError(bytes: Uint8Array, name: string): Promise<WorkbookReadError> {
  try {
    await FileHost.fromBuffer(bytes, name);
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookReadError);
    return e as WorkbookReadError;
  }
  throw new Error('opened without error');
}

describe('opening workbooks', () => {
  it('says an encrypted workbook is encrypted', async () => {
    const e = await openError(encryptedXlsx(), '台账.xlsx');
    expect(e.code).toBe('encrypted');
    expect(e.message).toBe('无法读取工作簿 台账.xlsx：文件已加密（设有打开密码），请在 Excel 或 WPS 中取消密码后另存为 .xlsx');
  });

  it('says a legacy .xls (written by LibreOffice) must be saved as .xlsx', async () => {
    const e = await openError(fixture('legacy.xls'), 'legacy.xls');
    expect(e.code).toBe('legacy_xls');
    expect(e.message).toContain('无法读取工作簿 legacy.xls：文件是旧版 .xls 格式或已加密');
  });

  it('says a text, PDF or empty file is not an .xlsx file', async () => {
    for (const [content, name] of [['学校名称,在校生数\n城关小学,320\n', 'ledger.csv'], ['%PDF-1.7\n', 'report.pdf'], ['', 'empty.xlsx']] as const) {
      const e = await openError(new TextEncoder().encode(content), name);
      expect(e.code).toBe('not_xlsx');
      expect(e.message).toBe(`无法读取工作簿 ${name}：不是 .xlsx 文件`);
    }
  });

  it('says a damaged zip is not a readable .xlsx file', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账').getCell('A1').value = '学校名称';
    const whole = new Uint8Array(await wb.xlsx.writeBuffer());
    const e = await openError(whole.slice(0, 200), 'cut.xlsx');
    expect(e.code).toBe('not_xlsx');
    expect(e.message).toMatch(/^无法读取工作簿 cut\.xlsx：不是 \.xlsx 文件或文件已损坏/);
  });

  it('reads files from disk and names a missing one', async () => {
    const dir = scratchDir('balance-open-');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账').getCell('A1').value = '学校名称';
    const path = join(dir, '某县台账.xlsx');
    writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
    const host = await fromFile(path);
    expect(host.name).toBe('某县台账.xlsx');
    expect((await host.readWorkbook())[0].values[0][0]).toBe('学校名称');
    await expect(fromFile(join(dir, '没有.xlsx'))).rejects.toThrow('无法读取工作簿 没有.xlsx：文件不存在');
  });
});
