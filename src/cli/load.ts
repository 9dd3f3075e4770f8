// Opening a ledger workbook from disk: every way it can be unusable becomes an InputError naming the file.
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { FileHost, WorkbookReadError, fromFile } from '../hosts/file/node.ts';
import { InputError } from './errors.ts';

export async function openWorkbook(path: string): Promise<FileHost> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new InputError(`无法读取工作簿 ${path}：文件不存在`);
  if (!info.isFile()) throw new InputError(`无法读取工作簿 ${path}：这不是一个文件`);
  try {
    return await fromFile(path);
  } catch (err) {
    if (err instanceof WorkbookReadError) throw new InputError(err.message);
    throw err;
  }
}

/** The county name when the workbook names none: the file name without its extension. */
export const countyFromFileName = (path: string): string => basename(path, extname(path));
