// Node-only entry: opening a workbook from disk. Kept apart so the browser bundle never pulls in node:fs.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { FileHost } from './file-host.ts';
import { WorkbookReadError } from './errors.ts';
import { deflateRawSync } from 'node:zlib';
import { useDeflate } from './zip.ts';

useDeflate((data) => deflateRawSync(data, { level: 6 }));

export * from './index.ts';

export async function fromFile(path: string): Promise<FileHost> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new WorkbookReadError('not_xlsx', `无法读取工作簿 ${basename(path)}：${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (e as Error).message}`);
  }
  return FileHost.fromBuffer(bytes, basename(path));
}
