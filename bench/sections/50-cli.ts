// CLI bench: `balance validate` on a 2,000-school workbook end to end, and `balance rollup` of 100 county
// workbooks, with the share of time spent parsing (xlsx load + readLedger), evaluating and writing.
// Peer in the same run: a bare ExcelJS load and save of the same files, the floor of any xlsx tool here.
// Workbooks are generated first (the sample generator at different seeds), outside the timings.
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { rollupFiles } from '../../src/cli/commands/rollup.ts';
import { main } from '../../src/cli/main.ts';
import { reportJsonText } from '../../src/cli/report-json.ts';
import { buildRollupWorkbook } from '../../src/cli/rollup-workbook.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import { fromFile } from '../../src/hosts/file/node.ts';
import { readLedger } from '../../src/ledger/index.ts';
import { allProblems, buildPlan } from '../../src/plan/index.ts';
import { ledgerGrid, sampleSchoolRows } from '../../src/sample/generate.ts';
import { bigGrid } from '../grid-xlsx.ts';
import { national2017Quality } from '../../src/standards/national-2017-quality.ts';
import { figure } from '../figures.ts';

const BIG_SCHOOLS = 2000;
const COUNTIES = 100;
const quiet = { out: () => {}, err: () => {} };

async function writeGrid(path: string, grid: (string | number | null)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('台账').addRows(grid);
  await wb.xlsx.writeFile(path);
}

const ms = (t: number) => `${t.toFixed(0)} ms`;
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)}%`;

async function time<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const value = await fn();
  return [value, performance.now() - t];
}

async function validateBench(dir: string): Promise<void> {
  const file = join(dir, '大县.xlsx');
  await writeGrid(file, bigGrid(BIG_SCHOOLS));

  // Warm-up so module loading and JIT do not land in the first timed step.
  await main(['validate', file, '--json', join(dir, 'warm.json')], quiet);

  const [, total] = await time(() => main(['validate', file, '--out', join(dir, 'out.xlsx'), '--json', join(dir, 'out.json')], quiet));

  // The same steps one by one, with the functions the pipeline calls, to split the time.
  const [host, load] = await time(() => fromFile(file));
  const [sheets, values] = await time(() => host.readWorkbook());
  const [ledger, read] = await time(() => readLedger(sheets, { fallbackCountyName: '大县' }));
  if (!ledger.ok) throw new Error(ledger.message);
  const [evaluation, evaluating] = await time(() => evaluate(ledger.county, national2017Quality));
  const [plan, planning] = await time(() => buildPlan(evaluation, ledger, national2017Quality));
  const [, applying] = await time(() => host.apply(plan));
  const [, saving] = await time(async () => writeFile(join(dir, 'step.xlsx'), await host.toBuffer()));
  const [, json] = await time(() => writeFile(join(dir, 'step.json'), reportJsonText({ ...evaluation.report, problems: allProblems(ledger, evaluation) })));
  const writing = applying + saving + json;
  const parse = load + values + read;
  const steps = parse + evaluating + planning + writing;

  const [, peerLoad] = await time(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await readFile(file)).buffer);
    await wb.xlsx.writeFile(join(dir, 'peer.xlsx'));
  });

  console.log(`validate, ${BIG_SCHOOLS} schools (${ledger.county.schools.length} rows read, ${evaluation.report.schools.length} school parts):`);
  console.log(`  end to end (--out and --json): ${ms(total)}; the steps below sum to ${ms(steps)}`);
  console.log(`  parsing   ${ms(parse).padStart(8)}  ${pct(parse, steps).padStart(4)}  (xlsx load ${ms(load)}, cell values ${ms(values)}, readLedger ${ms(read)})`);
  console.log(`  evaluate  ${ms(evaluating).padStart(8)}  ${pct(evaluating, steps).padStart(4)}`);
  console.log(`  plan      ${ms(planning).padStart(8)}  ${pct(planning, steps).padStart(4)}`);
  console.log(`  writing   ${ms(writing).padStart(8)}  ${pct(writing, steps).padStart(4)}  (apply annotations ${ms(applying)}, ExcelJS xlsx write ${ms(saving)}, JSON ${ms(json)})`);
  console.log(`  peer: bare ExcelJS load + save of the same file ${ms(peerLoad)}; validate end to end = ${(total / peerLoad).toFixed(2)}× the peer`);
  figure('cli_validate_ms', total);
  figure('cli_validate_peer_ratio', total / peerLoad);
  figure('cli_validate_parse_ms', parse);
  figure('cli_validate_read_ledger_ms', read);
  figure('cli_validate_evaluate_ms', evaluating);
  figure('cli_validate_plan_ms', planning);
  figure('cli_validate_write_ms', writing);
  figure('cli_validate_xlsx_write_share', saving / steps);
}

async function rollupBench(dir: string): Promise<void> {
  const files: string[] = [];
  for (let i = 0; i < COUNTIES; i++) {
    const file = join(dir, `县${String(i + 1).padStart(3, '0')}.xlsx`);
    await writeGrid(file, ledgerGrid(`第${i + 1}县义务教育学校办学条件台账（2025学年）`, sampleSchoolRows(5000 + i)));
    files.push(file);
  }

  // Split: parsing (load + readLedger) and evaluating per county, then writing the comparison workbook.
  // Measured on a second pass, so the split is as warm as the end-to-end run it is compared with.
  const split = async () => {
    const t = { loading: 0, reading: 0, evaluating: 0 };
    for (const file of files) {
      const [sheets, load] = await time(async () => (await fromFile(file)).readWorkbook());
      const [ledger, read] = await time(() => readLedger(sheets));
      if (!ledger.ok) throw new Error(ledger.message);
      const [, ev] = await time(() => evaluate(ledger.county, national2017Quality));
      t.loading += load;
      t.reading += read;
      t.evaluating += ev;
    }
    return t;
  };
  await split();
  const { loading, reading, evaluating } = await split();
  const parse = loading + reading;
  const [summary, judging] = await time(() => rollupFiles(files, { standard: national2017Quality.id }));
  const [, writing] = await time(async () => {
    await writeFile(join(dir, 'sum2.xlsx'), new Uint8Array(await buildRollupWorkbook(summary).xlsx.writeBuffer()));
    await writeFile(join(dir, 'sum2.json'), JSON.stringify(summary, null, 2));
  });
  const steps = parse + evaluating + writing;
  // Last, so the steps above have warmed up the same code paths.
  const [, total] = await time(() => main(['rollup', ...files, '--out', join(dir, 'sum.xlsx'), '--json', join(dir, 'sum.json')], quiet));

  const [, peer] = await time(async () => {
    for (const file of files) await new ExcelJS.Workbook().xlsx.load(new Uint8Array(await readFile(file)).buffer);
  });

  console.log(`rollup, ${COUNTIES} counties of ~${summary.counties[0].stages.primary!.schoolCount + summary.counties[0].stages.junior!.schoolCount} school parts:`);
  console.log(`  end to end: ${ms(total)} (${(total / COUNTIES).toFixed(1)} ms per county); reading and judging alone (rollupFiles): ${ms(judging)}`);
  console.log(`  parsing   ${ms(parse).padStart(8)}  ${pct(parse, steps).padStart(4)}  (xlsx load + cell values ${ms(loading)}, readLedger ${ms(reading)})`);
  console.log(`  evaluate  ${ms(evaluating).padStart(8)}  ${pct(evaluating, steps).padStart(4)}`);
  console.log(`  writing   ${ms(writing).padStart(8)}  ${pct(writing, steps).padStart(4)}  (comparison workbook + JSON)`);
  console.log(`  peer: bare ExcelJS load of the ${COUNTIES} files ${ms(peer)}; rollup end to end = ${(total / peer).toFixed(2)}× the peer`);
  figure('cli_rollup_ms', total);
  figure('cli_rollup_ms_per_county', total / COUNTIES);
  figure('cli_rollup_peer_ratio', total / peer);
  figure('cli_rollup_parse_ms', parse);
  figure('cli_rollup_evaluate_ms', evaluating);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'balance-bench-cli-'));
  try {
    await validateBench(dir);
    await rollupBench(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
