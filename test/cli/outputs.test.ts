// Outputs never overwrite inputs: --out/--json of validate and rollup naming an input, however spelled or
// linked, are refused with exit 2 before any work and the input is left byte for byte; an interrupted write
// removes its temp file.
import { spawn } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSING, writeLedger } from './fixtures.ts';
import { runCli, tempDir } from './helpers.ts';

const tmp = tempDir('outputs');
const repo = fileURLToPath(new URL('../..', import.meta.url));
const ledger = tmp.path('台账.xlsx');
const other = tmp.path('乙县.xlsx');
let original: Buffer;

beforeAll(async () => {
  await writeLedger(ledger, PASSING);
  await writeLedger(other, PASSING);
  original = readFileSync(ledger);
  mkdirSync(tmp.path('sub'));
  symlinkSync(ledger, tmp.path('link.xlsx'));
  linkSync(ledger, tmp.path('hard.xlsx'));
  // A directory link: the file is reached through a path that is not its own.
  symlinkSync(tmp.dir, tmp.path('sub/up'));
});
afterAll(() => tmp.remove());

/** Every spelling of the ledger's own file a clerk might give. */
const spellings = (): [string, string][] => [
  ['the same path', ledger],
  ['a ./ spelling', `${tmp.dir}/./${basename(ledger)}`],
  ['a ../ spelling', `${tmp.dir}/sub/../${basename(ledger)}`],
  ['a relative path', relative(process.cwd(), ledger)],
  ['a symbolic link', tmp.path('link.xlsx')],
  ['a hard link', tmp.path('hard.xlsx')],
  ['a path through a linked directory', tmp.path(`sub/up/${basename(ledger)}`)],
];

const expectRefused = (run: { code: number; err: string; out: string }) => {
  expect(run.code).toBe(2);
  expect(run.err).toContain('拒绝写出');
  expect(run.err).toContain('输入文件保持不变');
  expect(run.out).toBe('');
  expect(readFileSync(ledger).equals(original)).toBe(true);
  expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
};

describe('validate and rollup refuse an output that is an input', () => {
  it.each(spellings())('validate --json as %s', async (_how, target) => {
    expectRefused(await runCli(['validate', ledger, '--json', target]));
  });

  it.each(spellings())('validate --out as %s', async (_how, target) => {
    expectRefused(await runCli(['validate', ledger, '--out', target]));
  });

  it.each(spellings())('rollup --out as %s', async (_how, target) => {
    expectRefused(await runCli(['rollup', other, ledger, '--out', target]));
  });

  it.each(spellings())('rollup --json as %s', async (_how, target) => {
    expectRefused(await runCli(['rollup', other, ledger, '--out', tmp.path('汇总.xlsx'), '--json', target]));
    expect(existsSync(tmp.path('汇总.xlsx'))).toBe(false);
  });

  it('validate with the ledger given through a link refuses its real file as output', async () => {
    expectRefused(await runCli(['validate', tmp.path('link.xlsx'), '--json', ledger]));
  });

  it('an output beside the input, with a similar name, is written', async () => {
    const json = tmp.path('台账.xlsx.json');
    const run = await runCli(['validate', ledger, '--json', json]);
    expect(run.code).toBe(0);
    expect(existsSync(json)).toBe(true);
    expect(readFileSync(ledger).equals(original)).toBe(true);
  });
});

describe('an interrupted write', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s while staging removes the temp file and writes no target', async (signal) => {
    const dir = tmp.path(`signal-${signal}`);
    mkdirSync(dir);
    const script = join(dir, 'stage.mjs');
    // The first output is staged, the second never finishes: the run is stopped while a temp file exists.
    writeFileSync(script, [
      `const { writeOutputsAtomically } = await import(${JSON.stringify(pathToFileURL(join(repo, 'src/cli/atomic.ts')).href)});`,
      `await writeOutputsAtomically([`,
      `  { path: ${JSON.stringify(join(dir, 'a.json'))}, content: () => 'first' },`,
      `  { path: ${JSON.stringify(join(dir, 'b.json'))}, content: () => { process.stdout.write('staged\\n'); return new Promise(() => setInterval(() => {}, 1000)); } },`,
      ']);',
    ].join('\n'));
    // tsx from the repository (cwd) runs the TypeScript module, as bin/balance.mjs does.
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += String(d)));
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', (d) => String(d).includes('staged') && done());
      child.on('exit', () => fail(new Error(`exited before staging: ${err}`)));
    });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
    const code = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    child.kill(signal);
    expect(await code).toBe(signal === 'SIGINT' ? 130 : 143);
    expect(readdirSync(dir).sort()).toEqual(['stage.mjs']);
  }, 30_000);
});
