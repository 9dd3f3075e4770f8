// --costs FILE.json: the county's unit costs for the rectification plan (元 per unit), read and checked before
// the ledger is opened so a typo is reported as such.
import { readFile } from 'node:fs/promises';
import { parseUnitCosts, type UnitCosts } from '../core/rectify/units.ts';
import { InputError } from './errors.ts';

export async function costsOption(path: string | undefined): Promise<UnitCosts | undefined> {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new InputError(`--costs：无法读取单价文件 ${path}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`--costs：${path} 不是有效的 JSON（${(err as Error).message}）`);
  }
  const costs = parseUnitCosts(data);
  if (!costs.ok) throw new InputError(`--costs：${path}：${costs.message}`);
  return costs.value;
}
