// A workbook too large for the machine's memory: a Chinese message naming the sheet and its size, exit 2, no
// file written — never V8's out-of-memory abort (which the 200,000-row ledger gave in a 2 GB heap before its memory was cut).
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bigGrid, gridXlsx } from '../../bench/grid-xlsx.ts';
import { BYTES_PER_CELL, checkMemory } from '../../src/cli/memory.ts';
import { tempDir } from './helpers.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const tmp = tempDir('memory');
afterAll(() => tmp.remove());

const grid = (rows: number, cols: number) => Array.from({ length: rows }, () => Array.from({ length: cols }, () => 1));

describe('checkMemory', () => {
  const sheets = [{ name: '说明', values: grid(10, 2) }, { name: '台账', values: grid(200_001, 40) }];
  const cells = 10 * 2 + 200_001 * 40;

  it('refuses what the heap cannot hold, naming the largest sheet, its rows and columns, and the memory', () => {
    const heap = { heap_size_limit: 1_200_000_000, used_heap_size: 300_000_000 };
    expect(cells * BYTES_PER_CELL).toBeGreaterThan(heap.heap_size_limit - heap.used_heap_size);
    expect(() => checkMemory(sheets, '大县.xlsx', heap)).toThrow(
      '大县.xlsx：工作表“台账”有 200,001 行 × 40 列（工作簿共 8,000,060 个单元格），校验约需 1.3 GB 内存，超过本机 Node.js 可用的 0.9 GB（上限 1.2 GB），未能校验。' +
        '请把台账按乡镇或学段拆成几个文件分别校验，或在内存更大的电脑上用 node --max-old-space-size=8192 运行');
  });

  it('lets through what fits (the same county in the 4.3 GB heap it ran in)', () => {
    expect(() => checkMemory(sheets, '大县.xlsx', { heap_size_limit: 4_345_298_944, used_heap_size: 300_000_000 })).not.toThrow();
  });
});

describe('node bin/balance.mjs in a small heap', () => {
  it('exit 2 with the size message, no output file, instead of a heap-exhaustion abort', () => {
    const file = tmp.path('大县.xlsx');
    writeFileSync(file, gridXlsx('台账', bigGrid(30_000)));
    const out = tmp.path('大县-标注.xlsx');
    const r = spawnSync(process.execPath, ['--max-old-space-size=120', 'bin/balance.mjs', 'validate', file, '--out', out], { cwd: repo, encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).not.toContain('heap out of memory');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^错误：.*大县\.xlsx：工作表“台账”有 30,002 行 × 40 列（工作簿共 1,200,080 个单元格），校验约需 0\.2 GB 内存，超过本机 Node\.js 可用的 [\d.]+ GB/m);
    expect(existsSync(out)).toBe(false);
  });
});
