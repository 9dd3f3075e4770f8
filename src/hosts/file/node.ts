// Node-only entry: opening a workbook from disk. Kept apart so the browser bundle never pulls in node:fs.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { FileHost } from './file-host.ts';
import { WorkbookReadError } from './errors.ts';
import { constants, deflateRawSync } from 'node:zlib';
import { useDeflate, type DeflateStream } from './zip.ts';

/**
 * Native zlib in pieces: each piece deflated on its own and ended with a sync flush (byte-aligned, not final),
 * then one empty final block. The concatenation is one valid DEFLATE stream; back-references only stop at
 * piece boundaries (1 MB apart), which costs next to nothing in size.
 */
function nativeStream(): DeflateStream {
  const out: Buffer[] = [];
  return {
    push: (data) => void out.push(deflateRawSync(data, { level: 6, finishFlush: constants.Z_SYNC_FLUSH })),
    finish: () => Buffer.concat([...out, deflateRawSync(new Uint8Array(0), { level: 6 })]),
  };
}

useDeflate((data) => deflateRawSync(data, { level: 6 }), nativeStream);

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
