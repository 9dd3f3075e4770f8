// ZIP64 packages: some writers (Java's and .NET's streaming zip writers among them) use the ZIP64 records for
// files of any size. Read like any package; what we write back is a plain zip with every part unchanged.
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { validateWorkbook } from '../../src/app/validate.ts';
import { FileHost, WorkbookReadError } from '../../src/hosts/file/index.ts';
import { FAILING, ledgerGrid } from '../cli/fixtures.ts';
import { gridSheetXml, handmadeXlsx } from './handmade.ts';

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

/**
 * The same archive in ZIP64 form, as a writer in "always ZIP64" mode writes it: every size and offset 0xFFFFFFFF
 * in the 32-bit fields, the real ones in each header's ZIP64 extra field, and a ZIP64 end record and locator.
 */
function toZip64(zip: Uint8Array): Uint8Array {
  const out: number[] = [];
  const push16 = (v: number) => out.push(v & 0xff, (v >>> 8) & 0xff);
  const push32 = (v: number) => out.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  const push64 = (v: number) => { push32(v % 0x100000000); push32(Math.floor(v / 0x100000000)); };
  const pushBytes = (b: Uint8Array) => { for (const x of b) out.push(x); };
  let eocd = zip.length - 22;
  while (u32(zip, eocd) !== 0x06054b50) eocd--;
  const count = u16(zip, eocd + 10);
  let p = u32(zip, eocd + 16);
  const central: { head: Uint8Array; name: Uint8Array; size: number; csize: number; offset: number }[] = [];
  for (let i = 0; i < count; i++) {
    const nameLen = u16(zip, p + 28);
    const local = u32(zip, p + 42);
    const csize = u32(zip, p + 20);
    const entry = { head: zip.slice(p, p + 46), name: zip.slice(p + 46, p + 46 + nameLen), size: u32(zip, p + 24), csize, offset: out.length };
    // Local header: sizes moved into a ZIP64 extra field (size, then compressed size).
    const lNameLen = u16(zip, local + 26);
    const data = zip.slice(local + 30 + lNameLen + u16(zip, local + 28), local + 30 + lNameLen + u16(zip, local + 28) + csize);
    pushBytes(zip.slice(local, local + 18));
    push32(0xffffffff);
    push32(0xffffffff);
    push16(lNameLen);
    push16(20);
    pushBytes(zip.slice(local + 30, local + 30 + lNameLen));
    push16(1); push16(16); push64(entry.size); push64(csize);
    pushBytes(data);
    central.push(entry);
    p += 46 + nameLen + u16(zip, p + 30) + u16(zip, p + 32);
  }
  const cdStart = out.length;
  for (const e of central) {
    pushBytes(e.head.slice(0, 20));
    push32(0xffffffff);
    push32(0xffffffff);
    push16(e.name.length);
    push16(28);
    push16(0); push16(0); push16(0); push32(0);
    push32(0xffffffff);
    pushBytes(e.name);
    push16(1); push16(24); push64(e.size); push64(e.csize); push64(e.offset);
  }
  const cdSize = out.length - cdStart;
  const record = out.length;
  push32(0x06064b50); push64(44); push16(45); push16(45); push32(0); push32(0);
  push64(central.length); push64(central.length); push64(cdSize); push64(cdStart);
  push32(0x07064b50); push32(0); push64(record); push32(1);
  push32(0x06054b50); push16(0); push16(0); push16(0xffff); push16(0xffff); push32(0xffffffff); push32(0xffffffff); push16(0);
  return Uint8Array.from(out);
}

function ledger(): Uint8Array {
  const shared: string[] = [];
  return handmadeXlsx([{ name: '台账', xml: gridSheetXml(ledgerGrid(FAILING), { strings: { shared } }) }], shared);
}

describe('a ZIP64 package', () => {
  it('reads and validates like the plain one, and is written back as a plain zip with the same parts', async () => {
    const plain = ledger();
    const zip64 = toZip64(plain);
    expect(u32(zip64, zip64.length - 22 - 20)).toBe(0x07064b50);
    const host = await FileHost.fromBuffer(zip64, 'zip64.xlsx');
    expect(await host.readWorkbook()).toEqual(await (await FileHost.fromBuffer(plain, 'plain.xlsx')).readWorkbook());
    const outcome = await validateWorkbook(host);
    expect(outcome.evaluation!.report.pass).toBe(false);
    expect(outcome.evaluation!.report.schools.find((s) => s.name === '山背村小学')!.pass).toBe(false);
    const written = unzipSync(await host.toBuffer());
    const original = unzipSync(plain);
    expect(strFromU8(written['xl/sharedStrings.xml'])).toBe(strFromU8(original['xl/sharedStrings.xml']));
    expect(Object.keys(written)).toEqual(expect.arrayContaining(Object.keys(original)));
  });

  it('with its ZIP64 records damaged: a Chinese message naming the record, not a crash', async () => {
    const zip64 = toZip64(zipSync({ 'a.xml': new Uint8Array(10) }));
    zip64[zip64.length - 22 - 20] = 0; // the locator's signature
    const e = await FileHost.fromBuffer(zip64, '坏.xlsx').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkbookReadError);
    expect((e as Error).message).toBe('无法读取工作簿 坏.xlsx：不是 .xlsx 文件或文件已损坏（ZIP64 目录定位记录缺失）');
  });
});
