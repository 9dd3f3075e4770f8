// balance clear: the annotated copy back to the clerk's ledger, as a new file or in place (only when confirmed).
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_SHEET } from '../../src/core/plan.ts';
import { SAMPLE_SHEET, writeSampleWorkbook } from '../../src/sample/index.ts';
import { load, sheetNames, snapshot } from '../file-host/snapshot.ts';
import { runCli, tempDir } from './helpers.ts';

const tmp = tempDir('clear');
const ledger = tmp.path('台账.xlsx');
const annotated = tmp.path('标注.xlsx');

beforeAll(async () => {
  writeFileSync(ledger, new Uint8Array(await writeSampleWorkbook().xlsx.writeBuffer()));
  expect((await runCli(['validate', ledger, '--out', annotated])).code).toBe(0);
});
afterAll(() => tmp.remove());

describe('balance clear', () => {
  it('writes the ledger back without our marks, report or record, and says how many cells it restored', async () => {
    const out = tmp.path('清除后.xlsx');
    const run = await runCli(['clear', annotated, '--out', out]);
    expect(run.code).toBe(0);
    // The sample's six failing school values and two government items (rules/README.md's county).
    expect(run.out).toContain('已清除 8 处单元格标注');
    expect(run.out).toContain(`已写出：${out}`);
    const cleared = await load(readFileSync(out));
    expect(sheetNames(cleared)).not.toContain(REPORT_SHEET);
    const original = snapshot(await load(readFileSync(ledger)));
    const back = snapshot(cleared);
    for (const name of Object.keys(original)) expect(back[name]?.cells, name).toEqual(original[name].cells);
  });

  it('refuses to overwrite its input unless asked to with --in-place --yes', async () => {
    const copy = tmp.path('副本.xlsx');
    writeFileSync(copy, readFileSync(annotated));
    const same = await runCli(['clear', copy, '--out', copy]);
    expect(same.code).toBe(2);
    expect(same.err).toContain('--out 不能是输入文件本身');
    const unconfirmed = await runCli(['clear', copy, '--in-place']);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.err).toContain('请同时加 --yes 确认');
    expect(readFileSync(copy)).toEqual(readFileSync(annotated));
    const done = await runCli(['clear', copy, '--in-place', '--yes']);
    expect(done.code).toBe(0);
    expect(sheetNames(await load(readFileSync(copy)))).not.toContain(REPORT_SHEET);
  });

  it('lists the marks it cannot place, one line each as the pane shows them, and counts only the cells restored', async () => {
    // The clerk renamed the sample's first school (row 3, two marked cells) after validation.
    const wb = await load(readFileSync(annotated));
    const ws = wb.getWorksheet(SAMPLE_SHEET)!;
    expect(ws.getCell('A3').value).toBe('云岭县实验小学');
    ws.getCell('A3').value = '云岭县第一实验小学';
    const edited = tmp.path('改过.xlsx');
    writeFileSync(edited, new Uint8Array(await wb.xlsx.writeBuffer()));
    const run = await runCli(['clear', edited, '--out', tmp.path('改过-清除后.xlsx')]);
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    expect(lines).toContain('已清除 6 处单元格标注及“均衡校验报告”。');
    expect(lines).toContain('以下 2 处标注无法确定对应的单元格，保留原样，请手工检查：');
    for (const cell of ['D3', 'Y3']) expect(lines).toContain(`台账!${cell}：找不到学校“云岭县实验小学”所在的行（可能已删除或改名）`);
  });

  it('says so when the workbook carries no annotations of ours', async () => {
    const run = await runCli(['clear', ledger, '--out', tmp.path('无标注.xlsx')]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('没有本工具的标注');
  });
});
