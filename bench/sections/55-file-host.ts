// File host bench: `balance validate --out --json` of a 2,000-school workbook end to end (process start to
// files written) against a bare read-and-rewrite of the same zip in the same run (every part inflated and
// deflated again, as Python's zipfile or any zip tool would, also from process start); and a 200,000-row
// ledger validated with --out: time, CPU time and peak RSS (GNU time, where installed). On a shared machine the
// CPU time (user + system) is the steadier figure: wall time grows with the other processes' load.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figure } from '../figures.ts';
import { bigGrid, gridXlsx } from '../grid-xlsx.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'balance.mjs');
const REWRITE = `import { readFileSync, writeFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
writeFileSync(process.argv[2], zipSync(unzipSync(readFileSync(process.argv[1]))));`;
const GNU_TIME = '/usr/bin/time';

/** Wall time (ms) and, with GNU time, peak RSS (MB) and CPU time (s) of a command; throws if it fails. */
function timedRun(cmd: string, args: string[]): { ms: number; rssMb: number | null; cpuS: number | null } {
  const timed = existsSync(GNU_TIME);
  const t0 = performance.now();
  const r = spawnSync(timed ? GNU_TIME : cmd, timed ? ['-f', '%M %U %S', cmd, ...args] : args, { encoding: 'utf8', cwd: join(import.meta.dirname, '..', '..') });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const [kb, user, sys] = timed ? (r.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number) : [NaN, NaN, NaN];
  return { ms, rssMb: Number.isFinite(kb) ? kb / 1024 : null, cpuS: Number.isFinite(user + sys) ? user + sys : null };
}

async function measure(dir: string): Promise<void> {
  const file = join(dir, '大县.xlsx');
  writeFileSync(file, gridXlsx('台账', bigGrid(2000)));
  // Alternately, fastest of three: the machine is shared.
  let validate = Infinity;
  let peer = Infinity;
  for (let i = 0; i < 3; i++) {
    validate = Math.min(validate, timedRun('node', [BIN, 'validate', file, '--out', join(dir, 'out.xlsx'), '--json', join(dir, 'out.json')]).ms);
    peer = Math.min(peer, timedRun('node', ['--input-type=module', '-e', REWRITE, file, join(dir, 'peer.xlsx')]).ms);
  }
  console.log(`validate, 2,000 schools, --out and --json, process start to files written: ${validate.toFixed(0)} ms`);
  console.log(`  peer: node reading and rewriting the same zip (every part inflated and deflated): ${peer.toFixed(0)} ms; validate = ${(validate / peer).toFixed(2)}× the peer`);
  figure('file_validate_2000_ms', validate);
  figure('file_validate_2000_rewrite_ratio', validate / peer);

  const big = join(dir, '二十万行.xlsx');
  writeFileSync(big, gridXlsx('台账', bigGrid(200_000)));
  const { ms, rssMb, cpuS } = timedRun('node', [BIN, 'validate', big, '--out', join(dir, 'big-out.xlsx')]);
  const size = readFileSync(big).length / 1e6;
  const cpu = cpuS === null ? '' : `, CPU ${cpuS.toFixed(1)} s`;
  console.log(`validate, 200,000 rows (${size.toFixed(0)} MB .xlsx), --out: ${(ms / 1000).toFixed(1)} s${cpu}, peak RSS ${rssMb === null ? '(no GNU time)' : `${rssMb.toFixed(0)} MB`}`);
  figure('file_validate_200k_s', ms / 1000);
  if (cpuS !== null) figure('file_validate_200k_cpu_s', cpuS);
  if (rssMb !== null) figure('file_validate_200k_rss_mb', rssMb);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'balance-bench-file-'));
  try {
    await measure(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
