// balance rollup <county.xlsx …> --out summary.xlsx [--json summary.json] [--standard ID] [--sheet NAME]
// Every county is judged by the same standard so the comparison is fair; each workbook's saved mapping is kept.
import { basename } from 'node:path';
import { resolveSettings } from '../../app/settings.ts';
import { validateSheets } from '../../app/validate.ts';
import { parseCommandArgs } from '../args.ts';
import { refuseInputs, writeOutputsAtomically } from '../atomic.ts';
import { InputError, usageError } from '../errors.ts';
import type { CliIO } from '../io.ts';
import { countyFromFileName, openWorkbook } from '../load.ts';
import { buildRollup, rollupCounty, type RollupCounty, type RollupSummary } from '../rollup-model.ts';
import { buildRollupWorkbook } from '../rollup-workbook.ts';
import { standardOption } from '../standard.ts';
import { USAGE } from '../usage.ts';

export interface RollupOptions {
  standard: string;
  sheet?: string;
  mergeCampuses?: boolean;
  /** Called before each file, e.g. "[12/100] 某县.xlsx". */
  onFile?: (index: number, total: number, path: string) => void;
}

/** Reads and judges every county; unusable files are listed in `skipped`, not fatal. */
export async function rollupFiles(paths: string[], options: RollupOptions): Promise<RollupSummary> {
  const counties: RollupCounty[] = [];
  const skipped: RollupSummary['skipped'] = [];
  for (const [i, path] of paths.entries()) {
    options.onFile?.(i + 1, paths.length, path);
    try {
      const host = await openWorkbook(path);
      const saved = await host.loadSettings();
      const sheets = await host.readWorkbook();
      // Every county under the roll-up's standard, whatever each workbook saved.
      const resolved = resolveSettings(saved, sheets, { standard: options.standard, sheet: options.sheet, evaluation: options.mergeCampuses ? { mergeCampuses: true } : undefined });
      const run = (county?: string) => validateSheets(sheets, {
        standard: resolved.standard,
        sheet: resolved.sheet,
        mapping: resolved.mapping,
        settings: resolved.evaluation,
        fallbackCountyName: countyFromFileName(path),
        county,
        plan: false,
      });
      const first = run();
      // A sheet with several counties: each is judged on its own, one row each (rules §5.1 item 4).
      const several = !first.ledger.ok && first.ledger.counties ? first.ledger.counties : undefined;
      for (const outcome of several ? several.map((c) => run(c)) : [first]) {
        if (!outcome.evaluation) {
          skipped.push({ file: path, message: outcome.error ?? '未能完成校验' });
          continue;
        }
        counties.push(rollupCounty(path, outcome.evaluation.report));
      }
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      skipped.push({ file: path, message: err.message });
    }
  }
  return buildRollup(options.standard, counties, skipped);
}

export async function rollupCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, { values: ['out', 'json', 'standard', 'sheet'], flags: ['merge-campuses'] });
  if (args.help) {
    io.out(USAGE.rollup);
    return 0;
  }
  if (args.positionals.length === 0) throw usageError('请指定要汇总的台账文件，例如 balance rollup 甲县.xlsx 乙县.xlsx --out 汇总.xlsx');
  const out = args.value('out');
  if (!out) throw usageError('请用 --out 指定汇总工作簿，例如 --out 汇总.xlsx');
  const pack = standardOption(args.value('standard'));
  const json = args.value('json');

  await refuseInputs([out, ...(json ? [json] : [])], args.positionals);
  const summary = await rollupFiles(args.positionals, {
    standard: pack.id,
    sheet: args.value('sheet'),
    mergeCampuses: args.flag('merge-campuses'),
    onFile: (i, n, path) => io.err(`[${i}/${n}] ${basename(path)}`),
  });
  for (const s of summary.skipped) io.err(`未读取：${s.message}`);
  if (summary.counties.length === 0) throw new InputError('没有一个文件能读取为台账，未写出汇总');

  await writeOutputsAtomically([
    { path: out, content: async () => new Uint8Array(await buildRollupWorkbook(summary).xlsx.writeBuffer()) },
    ...(json ? [{ path: json, content: () => `${JSON.stringify(summary, null, 2)}\n` }] : []),
  ], args.positionals);
  const passing = summary.counties.filter((c) => c.parts.find((p) => p.id === 'resources')?.pass === true).length;
  io.out(`已汇总 ${summary.counties.length} 个县（资源配置达标 ${passing} 个）${summary.skipped.length ? `，${summary.skipped.length} 个文件未能读取` : ''}`);
  io.out(`已写出：${out}`);
  if (json) io.out(`已写出：${json}`);
  return summary.skipped.length > 0 ? 2 : 0;
}
