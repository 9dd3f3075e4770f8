// balance validate <ledger.xlsx> [--standard ID] [--sheet NAME] [--county NAME] [--merge-campuses] [--map 字段=表头 …] [--out annotated.xlsx] [--json report.json]
import { fieldLabel } from '../../ledger/template.ts';
import { parseCommandArgs } from '../args.ts';
import { refuseInputs, writeOutputsAtomically, type PendingOutput } from '../atomic.ts';
import { usageError } from '../errors.ts';
import type { CliIO } from '../io.ts';
import type { UnitCosts } from '../../core/rectify/units.ts';
import type { EvaluationSettings } from '../../standards/types.ts';
import { costsOption } from '../costs.ts';
import { parseMappings } from '../mapping.ts';
import { reportJsonChunks } from '../report-json.ts';
import { formatProblems } from '../problems.ts';
import { USAGE } from '../usage.ts';
import { validateFile, type ValidatedFile } from '../validate-file.ts';
import { formatVerdict } from '../verdict.ts';
import { reviewSummary } from '../../core/review.ts';
import { MESSAGES } from '../../model/messages.ts';

export async function validateCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, { values: ['standard', 'sheet', 'out', 'json', 'county', 'costs'], multiple: ['map'], flags: ['merge-campuses'] });
  if (args.help) {
    io.out(USAGE.validate);
    return 0;
  }
  const [path, ...extra] = args.positionals;
  if (!path) throw usageError('请指定要校验的台账文件，例如 balance validate 台账.xlsx');
  if (extra.length > 0) throw usageError(`${MESSAGES.extraArguments(extra)}（一次校验一个文件；多个县请用 balance rollup）`);
  const mapping = parseMappings(args.values('map'));
  const out = args.value('out');

  // Refused before any work: the ledger must survive whatever the outputs are called.
  await refuseInputs([out, args.value('json')].filter((o): o is string => !!o), [path]);
  const result = await validateFile(path, {
    standard: args.value('standard'),
    sheet: args.value('sheet'),
    mapping: Object.keys(mapping).length > 0 ? mapping : undefined,
    county: args.value('county'),
    settings: settingsOption(args.flag('merge-campuses'), await costsOption(args.value('costs'))),
    perSchool: args.value('json') !== undefined,
  });
  const outputs = validateOutputs(result, out, args.value('json'));
  await writeOutputsAtomically(outputs, [path]);

  io.out(formatVerdict(result.report, result.pack, result.drivers));
  const missing = missingColumns(result);
  if (missing) io.out(missing);
  // 复核 of a 申报表: its own section, not repeated among the problems.
  const review = result.report.review;
  const reviewLines = review ? [reviewSummary(review), ...review.differences.map((d) => d.message)] : [];
  if (review) io.out(reviewLines.map((l, i) => (i === 0 ? l : `  ${l}`)).join('\n'));
  const listed = formatProblems(result.report.problems.filter((p) => !reviewLines.includes(p.message)));
  if (listed) io.out(listed);
  for (const o of outputs) io.out(`已写出：${o.path}`);
  return 0;
}

/** Required columns no header matched: the usual reason for indicators that cannot be computed. */
function missingColumns(result: ValidatedFile): string {
  const { missingRequired, sheet } = result.ledger;
  if (missingRequired.length === 0) return '';
  const headers = missingRequired.map(fieldLabel);
  return `工作表 ${sheet} 缺少必填列：${headers.join('、')}。如台账中有对应的列，请用 --map 字段=表头 指定（例如 --map ${headers[0]}=台账中的表头）`;
}

export function validateOutputs(result: ValidatedFile, out: string | undefined, json: string | undefined): PendingOutput[] {
  const outputs: PendingOutput[] = [];
  if (out) outputs.push({ path: out, content: () => result.host.toBuffer() });
  if (json) outputs.push({ path: json, content: () => reportJsonChunks(result.report) });
  return outputs;
}

/** Only the settings given on the command line; the rest come from the workbook's saved settings. */
function settingsOption(mergeCampuses: boolean, unitCosts: UnitCosts | undefined): Partial<EvaluationSettings> | undefined {
  if (!mergeCampuses && !unitCosts) return undefined;
  return { ...(mergeCampuses ? { mergeCampuses } : {}), ...(unitCosts ? { unitCosts } : {}) };
}
