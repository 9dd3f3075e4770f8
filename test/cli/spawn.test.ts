// The real CLI as a user runs it: node bin/balance.mjs (tsx, no build step), a separate process, its exit code.
// Kept to a handful of runs: each costs about a second of start-up.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { evaluateWith } from '../../src/core/index.ts';
import type { Report } from '../../src/core/report.ts';
import { FAILING, countyOf, writeLedger } from './fixtures.ts';
import { tempDir } from './helpers.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const tmp = tempDir('spawn');
afterAll(() => tmp.remove());

const balance = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/balance.mjs', ...args], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('node bin/balance.mjs', () => {
  it('validate: exit 0 on a failing county, the verdict on stdout, the JSON and annotated copy written', async () => {
    const file = tmp.path('石门县.xlsx');
    await writeLedger(file, FAILING);
    const json = tmp.path('report.json');
    const out = tmp.path('annotated.xlsx');
    const run = balance('validate', file, '--json', json, '--out', out);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('全县结论：未通过');
    expect(existsSync(out)).toBe(true);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    const want = evaluateWith(countyOf('石门县', FAILING), 'national-2017-quality');
    if (!want.ok) throw new Error(want.message);
    expect(report.county).toBe('石门县');
    expect(report.stages.primary!.indicators.map((i) => i.cv)).toEqual(want.value.report.stages.primary!.indicators.map((i) => i.cv));
    expect(report.schools.map((s) => s.pass)).toEqual(want.value.report.schools.map((s) => s.pass));
  });

  it('exit 2 and a Chinese message naming the file when the ledger is missing', () => {
    const run = balance('validate', tmp.path('缺失.xlsx'), '--json', tmp.path('x.json'));
    expect(run.code).toBe(2);
    expect(run.err).toContain('缺失.xlsx：文件不存在');
    expect(run.out).toBe('');
    expect(existsSync(tmp.path('x.json'))).toBe(false);
  });

  it('an unknown command prints the usage and exits 2', () => {
    const unknown = balance('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('未知的命令“frobnicate”');
    expect(unknown.err).toContain('balance demo');
  });
});

describe('exit 1 on an internal error', () => {
  it('an exception that is not about the input is reported as 内部错误 with exit 1', async () => {
    let err = '';
    const code = await main(['template', '--out', tmp.path('t.xlsx')], {
      out: () => {
        throw new Error('stdout closed');
      },
      err: (t) => (err += t),
    });
    expect(code).toBe(1);
    expect(err).toContain('内部错误：Error: stdout closed');
  });
});
