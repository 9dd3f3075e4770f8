// balance clear <annotated.xlsx> --out <cleared.xlsx> | --in-place --yes: the pane's 清除标注 for files. Takes
// off our fills, notes, report and record, and gives back each marked cell's own fill and note, found by
// school and column even after the clerk sorted or inserted rows; cells it cannot place are listed and left.
import { resolve } from 'node:path';
import { parseCommandArgs } from '../args.ts';
import { writeOutputsAtomically } from '../atomic.ts';
import { usageError } from '../errors.ts';
import type { CliIO } from '../io.ts';
import { openWorkbook } from '../load.ts';
import { USAGE } from '../usage.ts';
import { MESSAGES } from '../../model/messages.ts';
import { leftLines } from '../../plan/identity.ts';

export async function clearCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, { values: ['out'], flags: ['in-place', 'yes'] });
  if (args.help) {
    io.out(USAGE.clear);
    return 0;
  }
  const [path, ...extra] = args.positionals;
  if (!path) throw usageError('请指定要清除标注的工作簿，例如 balance clear 标注副本.xlsx --out 清除后.xlsx');
  if (extra.length > 0) throw usageError(MESSAGES.extraArguments(extra));
  const out = args.value('out');
  const inPlace = args.flag('in-place');
  if (out && inPlace) throw usageError('--out 与 --in-place 只能选一个');
  if (!out && !inPlace) throw usageError('请用 --out 指定清除后写出的文件（或用 --in-place --yes 直接改写原文件）');
  if (inPlace && !args.flag('yes')) throw usageError('--in-place 会直接改写原文件，请同时加 --yes 确认');
  if (out && resolve(out) === resolve(path)) throw usageError('--out 不能是输入文件本身；要改写原文件请用 --in-place --yes');

  const host = await openWorkbook(path);
  const had = (await host.loadSettings()) !== null || host.hasAnnotations();
  const { restored, left } = await host.clear();
  const target = out ?? path;
  await writeOutputsAtomically([{ path: target, content: () => host.toBuffer() }]);
  io.out(restored > 0 || had ? `已清除 ${restored} 处单元格标注及“均衡校验报告”。` : '工作簿中没有本工具的标注，内容未改动。');
  for (const line of leftLines(left)) io.out(line);
  io.out(`已写出：${target}`);
  return 0;
}
