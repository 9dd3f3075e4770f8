// A zip bomb is refused from its declared sizes, before anything is inflated, with a message naming the file.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FileHost, WorkbookReadError } from '../../src/hosts/file/index.ts';

describe('a zip bomb', () => {
  it('is refused with a Chinese message before inflating', async () => {
    // 50 MB of one byte: deflates to about 50 kB, a ratio near 1,000:1 — no real sheet XML comes close.
    const bytes = zipSync({ '[Content_Types].xml': new Uint8Array(10), 'xl/worksheets/sheet1.xml': new Uint8Array(200_000_000) }, { level: 9 });
    const err = await FileHost.fromBuffer(bytes, '炸弹.xlsx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect((err as WorkbookReadError).message).toMatch(/^无法读取工作簿 炸弹\.xlsx：压缩包内容异常（部件 xl\/worksheets\/sheet1\.xml 压缩比 \d+:1），疑似压缩炸弹，已拒绝打开$/);
  });
});
