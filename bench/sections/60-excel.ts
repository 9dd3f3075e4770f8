// Issue #5 bench: BALANCE.CV over 100,000 rows as Excel passes them (a column of 1-cell rows) against the bare
// two-pass loop over typed arrays (the floor), and a 20,000-school validation plan applied to the in-memory
// Excel of the host tests: time, context.sync count, largest request (host estimate and measured JSON).
import { validateSheets } from '../../src/app/validate.ts';
import type { AnnotationPlan } from '../../src/core/plan.ts';
import { functionById } from '../../src/functions/definitions.ts';
import { ExcelHost } from '../../src/hosts/excel/host.ts';
import { ledgerRows } from '../../test/excel-host/county.ts';
import { ExcelEnums, FakeExcel } from '../../test/excel-host/fake-excel.ts';
import { figure } from '../figures.ts';
import { fastestAlternating } from '../timing.ts';

const ROWS = 100_000;
const RUNS = 21;

const ms = (x: number) => `${x.toFixed(2)} ms`;

/** The floor: two passes over typed arrays, no argument handling at all. */
function bareCV(x: Float64Array, w: Float64Array): number {
  let sw = 0;
  let swx = 0;
  for (let i = 0; i < x.length; i++) {
    sw += w[i];
    swx += w[i] * x[i];
  }
  const mean = swx / sw;
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += w[i] * (x[i] - mean) ** 2;
  return Math.sqrt(ss / sw) / mean;
}

function cvBench() {
  const xs = new Float64Array(ROWS);
  const ws = new Float64Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    xs[i] = 3 + ((i * 7919) % 1000) / 100;
    ws[i] = 50 + ((i * 104729) % 1500);
  }
  // Excel hands a column range over as rows of one cell; a few blanks as the web sends them.
  const values = Array.from(xs, (x, i) => [i % 997 === 0 ? null : x]);
  const weights = Array.from(ws, (w, i) => [i % 997 === 0 ? null : w]);
  const cv = functionById('CV')!;
  const plain = () => {
    // A plain peer over the same cells: flatten, keep rows with a weight, then the two passes.
    const x: number[] = [];
    const w: number[] = [];
    values.flat().forEach((v, i) => {
      const p = weights[i][0];
      if (p) {
        x.push(Number(v));
        w.push(p);
      }
    });
    return bareCV(Float64Array.from(x), Float64Array.from(w));
  };
  // The plain peer on its own: its garbage would slow whatever runs after it.
  const [floorMs, fnMs] = fastestAlternating([() => bareCV(xs, ws), () => cv.impl(values, weights)], RUNS);
  const [naiveMs] = fastestAlternating([plain], RUNS);
  const floor = { ms: floorMs, result: bareCV(xs, ws) };
  const fn = { ms: fnMs, result: cv.impl(values, weights) };
  const naive = { ms: naiveMs, result: plain() };
  console.log(`BALANCE.CV, ${ROWS.toLocaleString()} rows (fastest of ${RUNS} alternating runs):`);
  console.log(`  bare two-pass loop (floor)   ${ms(floor.ms)}   CV ${(floor.result as number).toFixed(6)}`);
  console.log(`  plain flatten-then-loop      ${ms(naive.ms)}   CV ${(naive.result as number).toFixed(6)}   ${(naive.ms / floor.ms).toFixed(1)}× the floor`);
  console.log(`  BALANCE.CV (any[][] input)   ${ms(fn.ms)}   CV ${(fn.result as number).toFixed(6)}   ${(fn.ms / floor.ms).toFixed(1)}× the floor`);
  figure('cv_100k_ms', fn.ms);
  figure('cv_100k_floor_ms', floor.ms);
  figure('cv_100k_ratio', fn.ms / floor.ms);
  figure('cv_100k_naive_ratio', naive.ms / floor.ms);
}

/** Applies the plan to a fresh in-memory Excel, then clears it: time, syncs and request sizes. */
async function applyOnce(rows: unknown[][], plan: AnnotationPlan, cellProperties: boolean) {
  const xl = new FakeExcel();
  xl.addSheet('台账', rows);
  const host = new ExcelHost({ run: xl.run, notesSupported: () => true, cellPropertiesSupported: () => cellProperties });
  let t = performance.now();
  await host.apply(plan);
  const applyMs = performance.now() - t;
  const out = {
    applyMs,
    syncs: xl.syncs,
    chunks: host.lastRequests.filter((r) => r.full).length,
    estimated: Math.max(...host.lastRequests.map((r) => r.bytes)),
    measured: Math.max(...xl.requestSizes),
    total: xl.requestSizes.reduce((a, b) => a + b, 0),
    clearMs: 0,
    clearSyncs: 0,
  };
  xl.syncs = 0;
  t = performance.now();
  await host.clear();
  out.clearMs = performance.now() - t;
  out.clearSyncs = xl.syncs;
  return out;
}

async function hostBench() {
  (globalThis as Record<string, unknown>).Excel = ExcelEnums;
  const schools = 20_000;
  const rows = ledgerRows(schools);
  const t = performance.now();
  const outcome = validateSheets([{ name: '台账', values: rows }], { standard: 'national-2017-quality' });
  const planMs = performance.now() - t;
  const plan = outcome.plan!;
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
  console.log(`\nValidate-county plan, ${schools.toLocaleString()} schools → ${plan.marks.length.toLocaleString()} marked cells, report of ${plan.reportSheet.rows.length.toLocaleString()} rows:`);
  console.log(`  read + evaluate + plan        ${ms(planMs)}`);
  // The peer: the same plan where setCellProperties is missing (Excel before ExcelApi 1.9), one call per link.
  const lean = await applyOnce(rows, plan, true);
  const perCell = await applyOnce(rows, plan, false);
  for (const [label, r] of [['links by setCellProperties', lean], ['links one call per cell', perCell]] as const) {
    const name = label.padEnd(27);
    console.log(`  ${name}   apply ${ms(r.applyMs)}, ${r.syncs} syncs (${r.chunks} of them 4 MB chunk boundaries), ${mb(r.total)} sent in all`);
    console.log(`  ${' '.repeat(name.length)}   largest request ${mb(r.estimated)} estimated, ${mb(r.measured)} measured as queued JSON (limit 5 MB); clear ${ms(r.clearMs)}, ${r.clearSyncs} syncs`);
  }
  console.log(`  bytes sent: ${(lean.total / perCell.total).toFixed(2)}× the per-cell peer; apply time ${(lean.applyMs / perCell.applyMs).toFixed(2)}×`);
  // The README's "4 syncs up to 10,000 schools": the same apply on half the county.
  const half = ledgerRows(schools / 2);
  const halfPlan = validateSheets([{ name: '台账', values: half }], { standard: 'national-2017-quality' }).plan!;
  const tenK = await applyOnce(half, halfPlan, true);
  console.log(`  ${(schools / 2).toLocaleString()} schools: ${tenK.syncs} syncs, largest request ${mb(tenK.measured)}`);
  figure('excel_10k_syncs', tenK.syncs);
  figure('excel_20k_plan_ms', planMs);
  figure('excel_20k_apply_ms', lean.applyMs);
  figure('excel_20k_syncs', lean.syncs);
  figure('excel_20k_largest_request_mb', lean.measured / 1024 / 1024);
  figure('excel_20k_clear_syncs', lean.clearSyncs);
  figure('excel_20k_bytes_per_cell_ratio', lean.total / perCell.total);
}

export async function run() {
  cvBench();
  await hostBench();
}
