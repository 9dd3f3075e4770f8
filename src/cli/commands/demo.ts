// balance demo [--out DIR]: the built-in sample county (src/sample), its annotated copy and report JSON.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FileHost } from '../../hosts/file/node.ts';
import { SAMPLE_COUNTY, writeSampleWorkbook } from '../../sample/index.ts';
import { parseCommandArgs } from '../args.ts';
import { writeOutputsAtomically } from '../atomic.ts';
import { usageError } from '../errors.ts';
import type { CliIO } from '../io.ts';
import { formatProblems } from '../problems.ts';
import { reportJsonText } from '../report-json.ts';
import { USAGE } from '../usage.ts';
import { validateHost } from '../validate-file.ts';
import { formatVerdict } from '../verdict.ts';
import { MESSAGES } from '../../model/messages.ts';

export const DEFAULT_DEMO_DIR = 'demo-output';

export const demoFileNames = (dir: string) => ({
  ledger: join(dir, `${SAMPLE_COUNTY}台账.xlsx`),
  annotated: join(dir, `${SAMPLE_COUNTY}台账-标注.xlsx`),
  report: join(dir, `${SAMPLE_COUNTY}校验报告.json`),
});

export async function demoCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, { values: ['out'] });
  if (args.help) {
    io.out(USAGE.demo);
    return 0;
  }
  if (args.positionals.length > 0) throw usageError(MESSAGES.extraArguments(args.positionals));
  const dir = args.value('out') ?? DEFAULT_DEMO_DIR;
  const files = demoFileNames(dir);

  const ledger = new Uint8Array(await writeSampleWorkbook().xlsx.writeBuffer());
  const host = await FileHost.fromBuffer(ledger, `${SAMPLE_COUNTY}台账.xlsx`);
  const result = await validateHost(host, files.ledger);
  await mkdir(dir, { recursive: true });
  await writeOutputsAtomically([
    { path: files.ledger, content: () => ledger },
    { path: files.annotated, content: () => host.toBuffer() },
    { path: files.report, content: () => reportJsonText(result.report) },
  ]);

  io.out(formatVerdict(result.report, result.pack, result.drivers));
  const listed = formatProblems(result.report.problems);
  if (listed) io.out(listed);
  io.out('');
  io.out(`示例台账：${files.ledger}`);
  io.out(`标注副本：${files.annotated}（未达标单元格已加底色和批注，并附“均衡校验报告”工作表）`);
  io.out(`报告 JSON：${files.report}`);
  return 0;
}
