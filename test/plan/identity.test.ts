// Placing a recorded mark in the sheet as it is now (plan/identity.ts), by hand-made sheets: each expectation is
// where a clerk would see the school's cell after the edit, worked out from the rows, not from the code.
import { describe, expect, it } from 'vitest';
import type { LedgerAnchor } from '../../src/core/plan.ts';
import { hashText, identityOf, Locator, noteHash, noteIsOurs, placeMarks } from '../../src/plan/identity.ts';

const HEAD = ['学校名称', '在校生数', '运动场地面积'];
const rows = (): unknown[][] => [['某县台账'], HEAD, ['一小', 300, 2000], ['二小', 400, 2100], ['三小', 500, 2200]];
const anchor: LedgerAnchor = { headerRows: [2], nameColumn: 1 };
/** 二小's 运动场地面积, C4 when marked. */
const id = identityOf({ values: rows() }, 4, 3, anchor)!;

describe('identityOf', () => {
  it('records the school, the column’s header texts and a hash of the row', () => {
    expect(id).toEqual({ school: '二小', row: hashText(['二小', '400', '2100'].join('\u0001')), header: ['运动场地面积'], headerRows: [2], nameColumn: 1 });
  });

  it('gives header and title rows no identity', () => {
    expect(identityOf({ values: rows() }, 2, 3, anchor)).toBeUndefined();
  });

  it('reads a grid that starts below and right of A1 in sheet coordinates', () => {
    const shifted = { values: rows().map((r) => r), origin: { row: 1, col: 2 } };
    const anchorB: LedgerAnchor = { headerRows: [2], nameColumn: 2 };
    expect(identityOf(shifted, 4, 4, anchorB)).toEqual({ ...id, nameColumn: 2 });
  });
});

describe('Locator', () => {
  const at = { row: 4, col: 3 };
  it('finds the row after a sort (三小, 二小, 一小: 二小 stays in row 4; reversed with one more row it moves)', () => {
    const sorted = [['某县台账'], HEAD, ['三小', 500, 2200], ['四小', 1, 1], ['一小', 300, 2000], ['二小', 400, 2100]];
    expect(new Locator({ values: sorted }).locate(id, at)).toEqual({ row: 6, col: 3 });
  });

  it('follows the header down when rows are inserted above the table, and a column inserted before it', () => {
    const moved = [[], [], ['某县台账'], ['', ...HEAD], ['', '一小', 300, 2000], ['', '二小', 400, 2100]];
    expect(new Locator({ values: moved }).locate(id, at)).toEqual({ row: 6, col: 4 });
  });

  it('finds a school whose other figures were corrected by its name', () => {
    const edited = rows();
    edited[3][1] = 410;
    expect(new Locator({ values: edited }).locate(id, at)).toEqual({ row: 4, col: 3 });
  });

  it('leaves a school deleted, or renamed and changed, with the reason', () => {
    const gone = rows().filter((r) => r[0] !== '二小');
    expect(new Locator({ values: gone }).locate(id, at)).toEqual({ reason: '找不到学校“二小”所在的行（可能已删除或改名）' });
    const renamed = rows();
    renamed[3] = ['第二小学', 410, 2100];
    expect(new Locator({ values: renamed }).locate(id, at)).toEqual({ reason: '找不到学校“二小”所在的行（可能已删除或改名）' });
  });

  it('leaves a cell when two rows elsewhere hold the school, or two columns the header', () => {
    const twice = [...rows().filter((r) => r[0] !== '二小'), ['二小', 400, 2100], ['二小', 400, 2100]];
    expect(new Locator({ values: twice }).locate(id, at)).toEqual({ reason: '有多行内容与标注时相同，无法确定是哪一行' });
    const columns = rows().map((r, i) => (i === 1 ? ['学校名称', '运动场地面积', '运动场地面积'] : r));
    expect(new Locator({ values: columns }).locate(id, { row: 4, col: 1 })).toEqual({ reason: '有多列的表头都是“运动场地面积”，无法确定是哪一列' });
  });

  it('says which header it could not find', () => {
    const values = rows().map((r, i) => (i === 1 ? ['学校名称', '在校生数', '运动场面积'] : r));
    expect(new Locator({ values }).locate(id, at)).toEqual({ reason: '找不到表头为“运动场地面积”的列' });
  });
});

describe('placeMarks', () => {
  const sorted = [['某县台账'], HEAD, ['三小', 500, 2200], ['二小', 400, 2100], ['一小', 300, 2000]];
  const yi = identityOf({ values: rows() }, 3, 3, anchor)!;

  it('places marks by identity, keeps an older record without one at its address, drops a sheet that is gone', () => {
    const { placed, left } = placeMarks(
      [
        { sheet: '台账', cell: 'C3', id: yi },
        { sheet: '台账', cell: 'B5' },
        { sheet: '已删除', cell: 'A1', id: yi },
      ],
      (s) => (s === '台账' ? { values: sorted } : null),
    );
    expect(placed.map((p) => `${p.mark.cell}→${p.cell}`)).toEqual(['C3→C5', 'B5→B5']);
    expect(left).toEqual([]);
  });

  it('lists what it cannot place, and keeps the first record when two land on one cell', () => {
    const gone = sorted.filter((r) => r[0] !== '一小');
    const { placed, left } = placeMarks(
      [
        { sheet: '台账', cell: 'C3', id: yi, n: 1 },
        { sheet: '台账', cell: 'C4', id, n: 2 },
        { sheet: '台账', cell: 'C4', n: 3 },
      ],
      () => ({ values: gone }),
    );
    expect(placed.map((p) => [p.cell, p.mark.n])).toEqual([['C4', 2]]);
    expect(left).toEqual([{ sheet: '台账', cell: 'C3', reason: '找不到学校“一小”所在的行（可能已删除或改名）' }]);
  });
});

describe('noteIsOurs', () => {
  it('is ours while the note is as written (line ends as another program saves them), the clerk’s once edited', () => {
    const written = noteHash('未达标\n运动场地');
    expect(noteIsOurs(written, '未达标\r\n运动场地')).toBe(true);
    expect(noteIsOurs(written, '已核实，数据无误')).toBe(false);
  });

  it('reads the hash the previous version wrote (the raw text) and trusts a record without one', () => {
    expect(noteIsOurs(hashText('未达标 '), '未达标 ')).toBe(true);
    expect(noteIsOurs(undefined, '任何内容')).toBe(true);
  });
});

describe('the planner', () => {
  it('gives every mark on the ledger its school and column, and carries the values it read (not a copy)', async () => {
    const { ledgerRows, planFor } = await import('../excel-host/county.ts');
    const values = ledgerRows(10);
    const plan = planFor([{ name: '台账', values }]);
    expect(plan.grids).toHaveLength(1);
    expect(plan.grids![0].values).toBe(values);
    expect(plan.marks.length).toBeGreaterThan(0);
    for (const m of plan.marks) {
      const row = Number(/\d+$/.exec(m.cell)![0]);
      const col = m.cell.charCodeAt(0) - 64;
      expect(m.id?.school).toBe(values[row - 1][0]);
      expect(m.id?.header).toEqual([values[0][col - 1]]);
    }
  });
});
