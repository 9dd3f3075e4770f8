// One set of scenarios, run against all three hosts (the file host, the Excel host over the in-memory Excel,
// the WPS host over the ET stand-in): each must show the clerk exactly what the plan says, and the three
// must agree with each other. Expectations come from the plan and from the rules written out here, never from
// host code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationPlan } from '../../src/core/plan.ts';
import { encodeSlots } from '../../src/hosts/state.ts';
import { REPORT_MARKER, STATE_SHEET } from '../../src/model/sheets.ts';
import { ExcelEnums } from '../excel-host/fake-excel.ts';
import { ledgerRows, planFor } from '../excel-host/county.ts';
import type { Cleared } from '../../src/hosts/types.ts';
import { address, rigs, type Edit, type Look, type Rig, type SheetSetup } from './rigs.ts';

beforeAll(() => {
  (globalThis as Record<string, unknown>).Excel = ExcelEnums;
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).Excel;
});

const HOSTILE = "=cmd|' /C calc'!A0";
const PLUS = '+86 中心校';

/** Eight schools: the 5th short of teaching rooms (named like a formula), the 7th short of multimedia rooms. */
function ledger(): unknown[][] {
  const rows = ledgerRows(8);
  rows[5][0] = HOSTILE;
  rows[7][0] = PLUS;
  return rows;
}

const plan: AnnotationPlan = planFor([{ name: '台账', values: ledger() }]);
const [first, second] = plan.marks;
const CLERK_NOTE = '科长：此校已报扩建计划';
const CLERK_FILL = '#00B0F0';

function setup(extra: SheetSetup[] = []): SheetSetup[] {
  return [
    { name: '填表说明', rows: [['每校一行']] },
    { name: '台账', rows: ledger(), notes: { [first.cell]: CLERK_NOTE }, fills: { [second.cell]: CLERK_FILL } },
    ...extra,
  ];
}

async function each<T>(rs: Rig[], act: (r: Rig) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (const r of rs) out.push(await act(r));
  return out;
}

/** The same for all three hosts; the file host's is returned. */
function agree<T>(rs: Rig[], values: T[]): T {
  for (let i = 1; i < values.length; i++) expect(differences(values[0], values[i]).map((d) => `${rs[i].kind} vs file: ${d}`)).toEqual([]);
  return values[0];
}

/** Where two looks differ, as "path: a | b" lines (a readable failure instead of two large objects). */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !Array.isArray(a)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}/${k}`));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [`${path}: ${JSON.stringify(a)} | ${JSON.stringify(b)}`];
}

/** What every host shows after validating twice (the second run replaces the first), all three agreeing. */
async function appliedTwice(rs: Rig[]): Promise<Look> {
  return agree(
    rs,
    await each(rs, async (r) => {
      await r.with((h) => h.apply(plan));
      await r.with((h) => h.apply(plan));
      return r.look();
    }),
  );
}

/** What every host shows after clear, all three agreeing. */
async function clearedLook(rs: Rig[]): Promise<Look> {
  return agree(rs, await each(rs, async (r) => (await r.with((h) => h.clear()), r.look())));
}

/** The report's grid as the clerk sees it, from the plan: values, numbers as numbers, nothing as a formula. */
function plannedCells(p: AnnotationPlan): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  p.reportSheet.rows.forEach((row, r) =>
    row.forEach((c, k) => {
      if (c && c.v !== null && c.v !== '') out[address(r + 1, k + 1)] = c.v;
    }),
  );
  return out;
}

const ledgerOf = (look: Look) => look.bySheet['台账'];

describe('host conformance: validate, re-run, clear', () => {
  it('marks every planned cell with its fill and note, keeps the clerk’s note above ours, and writes the report as planned', async () => {
    const rs = await rigs(setup());
    const looks = await each(rs, async (r) => {
      await r.with((h) => h.apply(plan));
      return r.look();
    });
    const look = agree(rs, looks);
    expect(look.sheets).toEqual(['填表说明', '台账', '均衡校验报告']);
    const sheet = ledgerOf(look);
    for (const m of plan.marks) expect(sheet.fills[m.cell]).toBe(m.fill.toUpperCase());
    expect(Object.keys(sheet.fills).sort()).toEqual(plan.marks.map((m) => m.cell).sort());
    // The clerk's note stays first and whole; ours follows under its header.
    expect(sheet.notes[first.cell]).toBe(`${CLERK_NOTE}\n\n【均衡校验】\n${first.note}`);
    for (const m of plan.marks.slice(1)) expect(sheet.notes[m.cell]).toBe(m.note);
    expect(look.bySheet['均衡校验报告'].cells).toEqual(plannedCells(plan));
  });

  it('re-running replaces our marks and report instead of stacking them', async () => {
    const rs = await rigs(setup());
    const once = await each(rs, async (r) => {
      await r.with((h) => h.apply(plan));
      return r.look();
    });
    const twice = await each(rs, async (r) => {
      await r.with((h) => h.apply(plan));
      await r.with((h) => h.apply(plan));
      return r.look();
    });
    expect(agree(rs, twice)).toEqual(agree(rs, once));
  });

  it('clear restores the clerk’s note alone, the clerk’s fill, and removes our report', async () => {
    const rs = await rigs(setup());
    const before = agree(rs, await each(rs, (r) => r.look()));
    const after = await each(rs, async (r) => {
      await r.with((h) => h.apply(plan));
      await r.with((h) => h.apply(plan));
      await r.with((h) => h.clear());
      return r.look();
    });
    expect(agree(rs, after)).toEqual(before);
    expect(ledgerOf(before).notes[first.cell]).toBe(CLERK_NOTE);
    expect(ledgerOf(before).fills[second.cell]).toBe(CLERK_FILL);
  });
});

describe('host conformance: our report sheet’s name taken by a sheet of the clerk’s', () => {
  const clerks: SheetSetup = { name: '均衡校验报告', rows: [['科室自己的汇总'], [123]] };

  it('never touches the clerk’s sheet: the report goes to 均衡校验报告(2), re-run replaces that, clear removes only that', async () => {
    const rs = await rigs(setup([clerks]));
    const before = agree(rs, await each(rs, (r) => r.look()));
    const applied = await appliedTwice(rs);
    expect(applied.sheets).toEqual(['填表说明', '台账', '均衡校验报告', '均衡校验报告(2)']);
    expect(applied.bySheet['均衡校验报告']).toEqual(before.bySheet['均衡校验报告']);
    expect(applied.bySheet['均衡校验报告(2)'].cells).toEqual(plannedCells(plan));
    const cleared = await clearedLook(rs);
    expect(cleared).toEqual(before);
  });

  it('the clerk’s sheet is read as the clerk’s (not skipped as ours)', async () => {
    const rs = await rigs(setup([clerks]));
    const names = await each(rs, (r) => r.with(async (h) => (await h.readWorkbook()).map((s) => s.name)));
    expect(agree(rs, names)).toEqual(['填表说明', '台账', '均衡校验报告']);
    const after = await each(rs, async (r) => {
      await r.with((h) => h.apply(plan));
      return r.with(async (h) => (await h.readWorkbook()).map((s) => s.name));
    });
    expect(agree(rs, after)).toEqual(['填表说明', '台账', '均衡校验报告']);
  });
});

describe('host conformance: which sheets are ours is decided by our marker only', () => {
  const clerks: SheetSetup = { name: '均衡校验报告', rows: [['科室自己的汇总'], [123]] };
  /** A _balance_state record brought along (stale, crafted, copied from another workbook) naming `sheet`. */
  const record = (sheet: string): SheetSetup => ({
    name: STATE_SHEET,
    veryHidden: true,
    rows: encodeSlots({ annotations: { version: 2, reportSheet: sheet, marks: [] }, settings: null }),
  });

  it.each(['台账', '均衡校验报告'])('a record naming “%s” (no marker) makes no host touch it: validate writes beside it, clear removes only ours', async (named) => {
    const rs = await rigs(setup([clerks, record(named)]));
    const before = agree(rs, await each(rs, (r) => r.look()));
    const applied = agree(
      rs,
      await each(rs, async (r) => {
        const { reportSheet } = await r.with((h) => h.apply(plan));
        expect(reportSheet).toBe('均衡校验报告(2)');
        return r.look();
      }),
    );
    expect(applied.sheets).toEqual(['填表说明', '台账', '均衡校验报告', '均衡校验报告(2)']);
    expect(applied.bySheet['均衡校验报告']).toEqual(before.bySheet['均衡校验报告']);
    const cleared = await clearedLook(rs);
    expect(cleared).toEqual(before);
  });

  it('a report of ours the clerk renamed to keep (marker in A3) is never read as data and survives re-run and clear', async () => {
    const kept: SheetSetup = { name: '十月校验', rows: [['某县义务教育均衡发展校验报告'], ['评估标准：…'], [REPORT_MARKER], ['学校名称', '小学在校生数'], ['旧学校', 1]] };
    const rs = await rigs(setup([kept]));
    const before = agree(rs, await each(rs, (r) => r.look()));
    const read = agree(rs, await each(rs, (r) => r.with(async (h) => (await h.readWorkbook()).map((s) => s.name))));
    expect(read).toEqual(['填表说明', '台账']);
    const applied = await appliedTwice(rs);
    expect(applied.sheets).toEqual(['填表说明', '台账', '十月校验', '均衡校验报告']);
    expect(applied.bySheet['十月校验']).toEqual(before.bySheet['十月校验']);
    const cleared = await clearedLook(rs);
    expect(cleared).toEqual(before);
  });
});

describe('host conformance: text from the workbook stays text', () => {
  it('school names that look like formulas or numbers land in the report as the same text on every host', async () => {
    const rs = await rigs(setup());
    const reports = await each(rs, async (r) => {
      await r.with((h) => h.apply(plan));
      return (await r.look()).bySheet['均衡校验报告'].cells;
    });
    const cells = agree(rs, reports);
    const texts = Object.values(cells);
    expect(texts).toContain(HOSTILE);
    expect(texts).toContain(PLUS);
    expect(texts.some((v) => typeof v === 'object')).toBe(false);
  });
});

describe('host conformance: rows moved between validate and clear', () => {
  // The marks: first.cell (F6) is the 5th school's (HOSTILE, row 6), under the clerk's note; second.cell (J8)
  // the 7th school's (PLUS, row 8), over the clerk's fill. Each scenario's expectation is the workbook the clerk
  // would have made with the same edit and no validation at all: a fresh rig set built that way, never validated.

  /** The starting workbook with the ledger's rows moved by `move` (notes and fills with their rows), then `values` typed. */
  function edited(move: (row: number) => number | null, values: Record<string, unknown> = {}): SheetSetup[] {
    const rows: unknown[][] = [];
    ledger().forEach((row, i) => {
      const to = move(i + 1);
      if (to !== null) rows[to - 1] = row;
    });
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    for (const [ref, v] of Object.entries(values)) {
      const r = Number(/\d+$/.exec(ref)![0]) - 1;
      const c = ref.charCodeAt(0) - 65;
      (rows[r] ??= [])[c] = v;
    }
    const at = (ref: string) => {
      const to = move(Number(/\d+$/.exec(ref)![0]));
      return to === null ? null : ref.replace(/\d+$/, String(to));
    };
    const keyed = (ref: string, v: string) => (at(ref) ? { [at(ref)!]: v } : {});
    return [
      { name: '填表说明', rows: [['每校一行']] },
      { name: '台账', rows, notes: keyed(first.cell, CLERK_NOTE), fills: keyed(second.cell, CLERK_FILL) },
    ];
  }

  /** What a clerk sees of a workbook set up as `s` and never validated, all three agreeing. */
  async function untouched(s: SheetSetup[]): Promise<Look> {
    const rs = await rigs(s);
    return agree(rs, await each(rs, (r) => r.look()));
  }

  /** Validate, the clerk's edit, clear: what each host shows, and what clear reported. */
  async function validateEditClear(change: Edit): Promise<{ look: Look; cleared: Cleared }> {
    const rs = await rigs(setup());
    const results = await each(rs, async (r) => {
      await r.with((h) => h.apply(plan));
      await r.edit('台账', change);
      const cleared = await r.with((h) => h.clear());
      return { look: await r.look(), cleared };
    });
    return agree(rs, results);
  }

  const reversed = (r: number) => (r === 1 ? 1 : 11 - r);
  const inserted = (r: number) => (r >= 2 ? r + 1 : r);
  const deleted = (gone: number) => (r: number) => (r === gone ? null : r > gone ? r - 1 : r);
  const LEFT_PLUS = { sheet: '台账', cell: second.cell, reason: `找不到学校“${PLUS}”所在的行（可能已删除或改名）` };

  it('rows sorted (reversed): each school gets its own note and fill back, nothing of ours stays', async () => {
    const { look, cleared } = await validateEditClear({ move: reversed });
    expect(cleared).toEqual({ restored: 2, left: [] });
    expect(look).toEqual(await untouched(edited(reversed)));
    expect(ledgerOf(look).notes).toEqual({ F5: CLERK_NOTE });
    expect(ledgerOf(look).fills).toEqual({ J3: CLERK_FILL });
  });

  it('a row inserted above the schools: the marked cells are found one row down', async () => {
    const values = { A2: '新增学校', B2: 100 };
    const { look, cleared } = await validateEditClear({ move: inserted, values });
    expect(cleared).toEqual({ restored: 2, left: [] });
    expect(look).toEqual(await untouched(edited(inserted, values)));
    expect(ledgerOf(look).notes).toEqual({ F7: CLERK_NOTE });
    expect(ledgerOf(look).fills).toEqual({ J9: CLERK_FILL });
  });

  it('a marked school’s row deleted: its mark is gone with it and listed, the school below is restored, not shifted onto', async () => {
    const { look, cleared } = await validateEditClear({ move: deleted(6) });
    expect(cleared).toEqual({ restored: 1, left: [{ sheet: '台账', cell: first.cell, reason: `找不到学校“${HOSTILE}”所在的行（可能已删除或改名）` }] });
    expect(look).toEqual(await untouched(edited(deleted(6))));
    expect(ledgerOf(look).notes).toEqual({});
    expect(ledgerOf(look).fills).toEqual({ J7: CLERK_FILL });
  });

  it('re-validating after a sort marks the sorted cells once (no stacked notes) and keeps the clerk’s originals for clear', async () => {
    const sortedPlan = planFor([{ name: '台账', values: edited(reversed)[1].rows }]);
    expect(sortedPlan.marks.map((m) => m.cell).sort()).toEqual(['F5', 'J3']);
    const rs = await rigs(setup());
    const results = await each(rs, async (r) => {
      await r.with((h) => h.apply(plan));
      await r.edit('台账', { move: reversed });
      const applied = await r.with((h) => h.apply(sortedPlan));
      const look = await r.look();
      const cleared = await r.with((h) => h.clear());
      return { applied, look, cleared, after: await r.look() };
    });
    const got = agree(rs, results);
    expect(got.applied.left).toEqual([]);
    // The same as validating the sorted workbook once, from scratch.
    const fresh = await rigs(edited(reversed));
    const once = agree(fresh, await each(fresh, async (r) => (await r.with((h) => h.apply(sortedPlan)), r.look())));
    expect(got.look).toEqual(once);
    expect(ledgerOf(got.look).notes.F5).toBe(`${CLERK_NOTE}\n\n【均衡校验】\n${sortedPlan.marks.find((m) => m.cell === 'F5')!.note}`);
    expect(got.cleared).toEqual({ restored: 2, left: [] });
    expect(got.after).toEqual(await untouched(edited(reversed)));
  });

  it('a note the clerk edited after validation is the clerk’s: clear keeps it and still gives the cell its fill back', async () => {
    const EDITED = '已核实，数据无误';
    const { look, cleared } = await validateEditClear({ notes: { [second.cell]: EDITED, [first.cell]: `${CLERK_NOTE}（已补报）` } });
    expect(cleared).toEqual({ restored: 2, left: [] });
    const expected = await untouched(setup());
    expected.bySheet['台账'].notes = { [first.cell]: `${CLERK_NOTE}（已补报）`, [second.cell]: EDITED };
    expect(look).toEqual(expected);
  });

  it('a fill the clerk gave a marked cell after validation is the clerk’s: clear keeps it and gives the note back', async () => {
    const YELLOW = '#FFFF00';
    const { look, cleared } = await validateEditClear({ fills: { [first.cell]: YELLOW } });
    expect(cleared).toEqual({ restored: 2, left: [] });
    const expected = await untouched(setup());
    expected.bySheet['台账'].fills[first.cell] = YELLOW;
    expect(look).toEqual(expected);
    expect(ledgerOf(look).notes[first.cell]).toBe(CLERK_NOTE);
  });

  it('a school renamed and its row changed and moved cannot be found with certainty: its cell is left as it is and listed', async () => {
    const renamed = { A3: '第七小学（新）', B3: 999 };
    const { look, cleared } = await validateEditClear({ move: reversed, values: renamed });
    expect(cleared).toEqual({ restored: 1, left: [LEFT_PLUS] });
    // Everything as the clerk left it, except our mark on the renamed school's cell (J8 then, J3 now).
    const expected = await untouched(edited(reversed, renamed));
    expected.bySheet['台账'].fills.J3 = second.fill.toUpperCase();
    expected.bySheet['台账'].notes.J3 = second.note;
    expect(look).toEqual(expected);
  });

  it('state written by the previous version (marks by address, no identity, no note hash) still clears by address', async () => {
    const rs = await rigs(setup());
    const before = agree(rs, await each(rs, (r) => r.look()));
    const results = await each(rs, async (r) => {
      await r.with((h) => h.apply(plan));
      await r.rewriteState((slots) => ({
        ...slots,
        annotations: slots.annotations && { ...slots.annotations, marks: slots.annotations.marks.map(({ id: _id, noteHash: _hash, ...old }) => old) },
      }));
      const cleared = await r.with((h) => h.clear());
      return { cleared, look: await r.look() };
    });
    const got = agree(rs, results);
    expect(got.cleared).toEqual({ restored: 2, left: [] });
    expect(got.look).toEqual(before);
  });
});

describe('host conformance: how many cells clear gave back', () => {
  it('counts each cell once on every host: a record repeated, a second record of the same school’s cell under an older address, a record on a sheet deleted since', async () => {
    const rs = await rigs(setup());
    const before = agree(rs, await each(rs, (r) => r.look()));
    const results = await each(rs, async (r) => {
      await r.with((h) => h.apply(plan));
      await r.rewriteState((slots) => {
        const marks = slots.annotations?.marks ?? [];
        const [one] = marks;
        const extra = [one, { ...one, cell: 'A20' }, { ...one, sheet: '已删除的表' }];
        return { ...slots, annotations: slots.annotations && { ...slots.annotations, marks: [...marks, ...extra] } };
      });
      const cleared = await r.with((h) => h.clear());
      return { cleared, look: await r.look() };
    });
    const got = agree(rs, results);
    // Two marked cells, each given back its own look once; nothing else was there to give back.
    expect(got.cleared).toEqual({ restored: 2, left: [] });
    expect(got.look).toEqual(before);
  });
});
