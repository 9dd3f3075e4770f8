// balance template --out ledger.xlsx [--standard ID]
import { parseCommandArgs } from '../args.ts';
import { writeOutputsAtomically } from '../atomic.ts';
import { usageError } from '../errors.ts';
import type { CliIO } from '../io.ts';
import { standardOption } from '../standard.ts';
import { buildTemplateWorkbook } from '../template.ts';
import { USAGE } from '../usage.ts';
import { MESSAGES } from '../../model/messages.ts';

export async function templateCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, { values: ['out', 'standard'] });
  if (args.help) {
    io.out(USAGE.template);
    return 0;
  }
  if (args.positionals.length > 0) throw usageError(MESSAGES.extraArguments(args.positionals));
  const out = args.value('out');
  if (!out) throw usageError('请用 --out 指定模板文件，例如 --out 台账.xlsx');
  const pack = standardOption(args.value('standard'));
  const wb = buildTemplateWorkbook(pack);
  await writeOutputsAtomically([{ path: out, content: async () => new Uint8Array(await wb.xlsx.writeBuffer()) }]);
  io.out(`已写出空白台账模板：${out}（评估标准：${pack.name}）`);
  return 0;
}
