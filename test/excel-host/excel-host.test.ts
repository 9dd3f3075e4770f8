// The Excel host against an in-memory workbook: the plan applied equals the plan computed, a fixed number of
// syncs, clear() restores exactly what was there, settings travel in the workbook.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OfficeMockObject } from 'office-addin-mock';
import type { AnnotationPlan } from '../../src/core/plan.ts';
import { ExcelHost } from '../../src/hosts/excel/host.ts';
import { STATE_SHEET } from '../../src/hosts/excel/state.ts';
import { ledgerRows, planFor } from './county.ts';
import { ExcelEnums, FakeExcel, type FakeSheet } from './fake-excel.ts';

beforeAll(() => {
  (globalThis as Record<string, unknown>).Excel = ExcelEnums;
});
afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
});

function workbook(schools: number): { xl: FakeExcel; plan: AnnotationPlan } {
  const xl = new FakeExcel();
  xl.addSheet('填表说明', [['每校一行']]);
  xl.addSheet('台账', ledgerRows(schools));
  return { xl, plan: planFor([{ name: '台账', values: ledgerRows(schools) }]) };
}

const host = (xl: FakeExcel, extra: Partial<ConstructorParameters<typeof ExcelHost>[0]> = {}) =>
  new ExcelHost({ run: xl.run, notesSupported: () => true, mergesSupported: () => true, cellPropertiesSupported: () => true, ...extra });

/** Every cell of the report sheet against the plan: values, formats, bold, fills and links, and nothing more. */
function expectReport(xl: FakeExcel, plan: AnnotationPlan) {
  const report = xl.sheet(plan.reportSheet.name);
  const seen = new Set<string>();
  plan.reportSheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const address = `${String.fromCharCode(65 + c)}${r + 1}`;
      seen.add(address);
      const got = report.cells.get(address);
      expect(got?.v ?? '', `report ${r + 1}:${c}`).toEqual(cell?.v ?? '');
      if (cell?.numFmt) expect(got?.fmt).toBe(cell.numFmt);
      expect(got?.bold ?? false, `bold ${address}`).toBe(cell?.bold ?? false);
      expect(got?.fill, `fill ${address}`).toBe(cell?.fill?.toUpperCase());
      expect(got?.link, `link ${address}`).toBe(cell?.link);
    }),
  );
  for (const [address, got] of report.cells) if (!seen.has(address)) expect(got.bold || got.fill || got.link, address).toBeFalsy();
}

/** Everything a reviewer can see, for before/after comparisons. */
function snapshot(xl: FakeExcel) {
  const sheet = (s: FakeSheet) => ({
    visibility: s.visibility,
    cells: [...s.cells.entries()].filter(([, c]) => Object.values(c).some((v) => v !== undefined)).sort(),
    notes: [...s.notes.entries()].sort(),
    charts: s.charts.length,
  });
  return {
    sheets: xl.sheets.filter((s) => s.name !== STATE_SHEET).map((s) => [s.name, sheet(s)]),
    comments: [...xl.comments],
  };
}

describe('ExcelHost.apply', () => {
  it('writes exactly the plan: fills and notes on the ledger, the report sheet with values, formats and chart', async () => {
    const { xl, plan } = workbook(12);
    await host(xl).apply(plan);
    const ledger = xl.sheet('台账');
    const marks = plan.marks;
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) {
      expect(ledger.cells.get(m.cell)?.fill, m.cell).toBe(m.fill.toUpperCase());
      expect(ledger.notes.get(m.cell), m.cell).toBe(m.note);
    }
    const marked = new Set(marks.map((m) => m.cell));
    for (const [addr, c] of ledger.cells) if (!marked.has(addr)) expect(c.fill, addr).toBeUndefined();

    expectReport(xl, plan);
    const report = xl.sheet(plan.reportSheet.name);
    expect(report.merges).toEqual(plan.reportSheet.merges ?? []);
    expect(report.widths.size).toBe(plan.reportSheet.columnWidths.length);
    const chart = plan.reportSheet.chart!;
    expect(report.charts).toHaveLength(1);
    expect(report.charts[0].title).toBe(chart.title);
    expect(report.charts[0].position).toBe(chart.anchor);
    expect(report.charts[0].series.map((s) => s.values)).toEqual(chart.series.map((s) => s.values));
    expect(report.charts[0].series.map((s) => s.name)).toEqual(chart.series.map((s) => s.name));
    expect(xl.sheet(STATE_SHEET).visibility).toBe('VeryHidden');
  });

  it('writes every report link one cell at a time where setCellProperties (ExcelApi 1.9) is missing', async () => {
    const { xl, plan } = workbook(12);
    await host(xl, { cellPropertiesSupported: () => false }).apply(plan);
    expect(plan.reportSheet.rows.flat().filter((c) => c?.link).length).toBeGreaterThan(12);
    expectReport(xl, plan);
  });

  it('never changes a ledger value', async () => {
    const { xl, plan } = workbook(12);
    const before = [...xl.sheet('台账').cells.entries()].map(([k, c]) => [k, c.v]);
    await host(xl).apply(plan);
    expect([...xl.sheet('台账').cells.entries()].map(([k, c]) => [k, c.v])).toEqual(before);
  });

  it('re-running replaces: one note per cell, one report sheet, cells no longer failing restored', async () => {
    const { xl, plan } = workbook(12);
    const h = host(xl);
    await h.apply(plan);
    await h.apply(plan);
    const ledger = xl.sheet('台账');
    for (const m of plan.marks) expect(ledger.notes.get(m.cell)).toBe(m.note);
    expect(xl.sheets.filter((s) => s.name === plan.reportSheet.name)).toHaveLength(1);

    // Fix the first school short of teaching rooms (row 6) and validate again: its cell goes back to plain.
    const rows = ledgerRows(12);
    rows[5][5] = 6 * (rows[5][1] as number);
    xl.sheet('台账').cells.set('F6', { v: rows[5][5] });
    const next = planFor([{ name: '台账', values: rows }]);
    expect(next.marks.some((m) => m.cell === 'F6')).toBe(false);
    await h.apply(next);
    expect(ledger.cells.get('F6')?.fill).toBeUndefined();
    expect(ledger.notes.has('F6')).toBe(false);
  });

  it('keeps a clerk’s own note and fill underneath, and clear() puts them back exactly', async () => {
    const { xl, plan } = workbook(12);
    const ledger = xl.sheet('台账');
    const target = plan.marks[0];
    ledger.cells.get(target.cell)!.fill = '#00B0F0';
    ledger.notes.set(target.cell, '原有批注：数据待核');
    ledger.notes.set('A2', '与本次校验无关的批注');
    const before = snapshot(xl);
    const h = host(xl);
    await h.apply(plan);
    expect(ledger.notes.get(target.cell)).toBe(`原有批注：数据待核\n\n【均衡校验】\n${target.note}`);
    await h.apply(plan);
    expect(ledger.notes.get(target.cell)).toBe(`原有批注：数据待核\n\n【均衡校验】\n${target.note}`);
    await h.clear();
    expect(snapshot(xl)).toEqual(before);
  });

  it('clear() removes exactly what apply added', async () => {
    const { xl, plan } = workbook(30);
    const before = snapshot(xl);
    await host(xl).apply(plan);
    expect(snapshot(xl)).not.toEqual(before);
    // A fresh host object: what to undo comes from the workbook, not from memory.
    await host(xl).clear();
    expect(snapshot(xl)).toEqual(before);
  });

  it('never overwrites a sheet of the clerk’s that has the report’s name: the report takes 均衡校验报告(2), clear removes only that', async () => {
    const { xl, plan } = workbook(5);
    xl.addSheet(plan.reportSheet.name, [['自己的表']]);
    const before = snapshot(xl);
    await host(xl).apply(plan);
    expect(xl.sheet(plan.reportSheet.name).cells.get('A1')?.v).toBe('自己的表');
    expect(xl.sheet('均衡校验报告(2)').cells.get('A1')?.v).toBe(plan.reportSheet.rows[0][0]?.v);
    await host(xl).apply(plan);
    expect(xl.sheets.filter((s) => s.name.startsWith('均衡校验报告')).map((s) => s.name)).toEqual(['均衡校验报告', '均衡校验报告(2)']);
    await host(xl).clear();
    expect(snapshot(xl)).toEqual(before);
  });
});

describe('sync calls', () => {
  async function syncsFor(schools: number, chunkBytes?: number) {
    const { xl, plan } = workbook(schools);
    const h = host(xl, chunkBytes ? { chunkBytes } : {});
    xl.syncs = 0;
    xl.requestSizes = [];
    await h.apply(plan);
    // The host's estimate of each request never falls short of what the stand-in measured (the first sync,
    // reading our state, is outside the chunked batch).
    expect(xl.requestSizes).toHaveLength(h.lastRequests.length + 1);
    h.lastRequests.forEach((r, i) => expect(r.bytes, `request ${i + 2}`).toBeGreaterThanOrEqual(xl.requestSizes[i + 1]));
    return { syncs: xl.syncs, sizes: xl.requestSizes, plan, requests: h.lastRequests };
  }

  // A 10,000-school plan writes 4.7 MB even lean (2.3 MB of report values, 1.1 MB of links, 1.0 MB of 3,400
  // notes, 0.3 MB of state; docs/excel.md): the marks go in one request and the report in another, so 10 and
  // 10,000 schools take the same syncs, and 20,000 pay only for whole extra chunks.
  it('is the same for 10 and 10,000 schools, and 20,000 schools pay only for whole extra chunks', async () => {
    const small = await syncsFor(10);
    const huge = await syncsFor(10_000);
    expect(huge.plan.marks.length).toBeGreaterThan(3000);
    expect(small.syncs).toBe(4);
    expect(huge.syncs).toBe(small.syncs);
    const total = huge.sizes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(4 * 1024 * 1024);
    for (const s of huge.sizes) expect(s).toBeLessThanOrEqual(4 * 1024 * 1024);
    const nation = await syncsFor(20_000);
    const full = nation.requests.filter((r) => r.full);
    expect(full.length).toBeGreaterThan(0);
    expect(nation.syncs - small.syncs).toBe(full.length);
    for (const s of nation.sizes) expect(s).toBeLessThanOrEqual(4 * 1024 * 1024);
  });

  // Clear reads the marked sheets' values to find each cell again by its school and column (rows may have moved),
  // then looks at those cells, then writes: four syncs with the state read, whatever the county's size.
  it('clear takes the same four syncs for 10 and 10,000 schools, and re-validating after a sort the same as validating', async () => {
    const counts = [];
    for (const schools of [10, 10_000]) {
      const { xl, plan } = workbook(schools);
      await host(xl).apply(plan);
      // The clerk sorts the schools (reverses them) and validates again: the plan made from the sorted rows.
      const sheet = xl.sheet('台账');
      const last = schools + 1;
      sheet.cells = new Map([...sheet.cells].map(([ref, c]) => [ref.replace(/\d+$/, (r) => String(r === '1' ? 1 : last + 2 - Number(r))), c]));
      sheet.notes = new Map([...sheet.notes].map(([ref, n]) => [ref.replace(/\d+$/, (r) => String(last + 2 - Number(r))), n]));
      const rows = ledgerRows(schools);
      const sorted = planFor([{ name: '台账', values: [rows[0], ...rows.slice(1).reverse()] }]);
      xl.syncs = 0;
      const applied = await host(xl).apply(sorted);
      expect(applied.left).toEqual([]);
      const again = xl.syncs;
      xl.syncs = 0;
      const cleared = await host(xl).clear();
      expect(cleared).toEqual({ restored: sorted.marks.length, left: [] });
      counts.push({ again, clear: xl.syncs });
    }
    expect(counts).toEqual([
      { again: 4, clear: 4 },
      { again: 4, clear: 4 },
    ]);
  });

  it('clear reads a ledger too big for one response again in row blocks, and restores the same', async () => {
    const { xl, plan } = workbook(3000);
    const before = snapshot(xl);
    await host(xl).apply(plan);
    // Above what the placed cells' notes take, below the ledger's values in one piece.
    xl.responseLimit = 300 * 1024;
    xl.syncs = 0;
    const cleared = await host(xl, { chunkBytes: 80 * 1024 }).clear();
    expect(cleared).toEqual({ restored: plan.marks.length, left: [] });
    // The refused attempt (state, values), then the state, the sizes, the blocks, the cells and the writes.
    expect(xl.syncs).toBeGreaterThan(2 + 4);
    expect(snapshot(xl)).toEqual(before);
  });

  it('grows only by whole chunks beyond, and no request passes the chunk size', async () => {
    const base = (await syncsFor(10)).syncs;
    const chunk = 256 * 1024;
    const big = await syncsFor(3000, chunk);
    const total = big.sizes.reduce((a, b) => a + b, 0);
    expect(big.syncs).toBeGreaterThan(base);
    // Measured by the stand-in from what was queued, independently of the host's estimate.
    for (const s of big.sizes) expect(s).toBeLessThanOrEqual(chunk);
    // Every extra round trip carries a (nearly) full chunk: no sync is spent on a sliver.
    expect(total).toBeGreaterThan(2 * chunk);
    // Every extra round trip is a chunk boundary, and a boundary is only drawn when the chunk is (nearly) full.
    const full = big.requests.filter((r) => r.full);
    expect(big.syncs - base).toBe(full.length);
    for (const r of full) expect(r.bytes).toBeGreaterThan(chunk * 0.75);
  });

  it('clear() of a large county in small chunks: every request within the chunk and the estimate', async () => {
    const chunk = 64 * 1024;
    const { xl, plan } = workbook(3000);
    const before = snapshot(xl);
    await host(xl, { chunkBytes: chunk }).apply(plan);
    xl.syncs = 0;
    xl.requestSizes = [];
    const h = host(xl, { chunkBytes: chunk });
    await h.clear();
    expect(h.lastRequests.length).toBeGreaterThan(2);
    // Phase 1 is one sync (the sheet list and state); the sheets' marker cells travel with phase 2's loads.
    expect(xl.requestSizes).toHaveLength(h.lastRequests.length + 1);
    h.lastRequests.forEach((r, i) => {
      expect(r.bytes, `request ${i + 2}`).toBeGreaterThanOrEqual(xl.requestSizes[i + 1]);
      expect(xl.requestSizes[i + 1]).toBeLessThanOrEqual(chunk);
    });
    expect(snapshot(xl)).toEqual(before);
  });

  it('readWorkbook takes two syncs whatever the number of sheets, and skips our hidden sheet', async () => {
    for (const count of [1, 25]) {
      const xl = new FakeExcel();
      for (let i = 0; i < count; i++) xl.addSheet(`表${i + 1}`, [[null, null], [null, '学校名称', '小学在校生数'], [null, '一小', 300]]);
      xl.addSheet(STATE_SHEET, [['{}']], 'VeryHidden');
      const sheets = await host(xl).readWorkbook();
      expect(xl.syncs).toBe(2);
      expect(sheets).toHaveLength(count);
      expect(sheets[0]).toEqual({ name: '表1', values: [['学校名称', '小学在校生数'], ['一小', 300]], origin: { row: 2, col: 2 } });
    }
  });

  it('leaves out the report sheet it wrote itself, still in two syncs', async () => {
    const { xl, plan } = workbook(6);
    await host(xl).apply(plan);
    xl.syncs = 0;
    const names = (await host(xl).readWorkbook()).map((s) => s.name);
    expect(names).toEqual(['填表说明', '台账']);
    expect(xl.syncs).toBe(2);
  });

  it('reads a ledger too big for one response again in row blocks, with the same values', async () => {
    const { xl } = workbook(3000);
    const whole = await host(xl).readWorkbook();
    xl.responseLimit = 100 * 1024;
    xl.syncs = 0;
    const blocks = await host(xl, { chunkBytes: 80 * 1024 }).readWorkbook();
    expect(blocks).toEqual(whole);
    expect(blocks[1].values).toHaveLength(3001);
    // The refused attempt (2 syncs), then the list, the sizes and the blocks in chunks.
    expect(xl.syncs).toBeGreaterThan(4);
  });

  it('reports merged header cells as bare addresses for the ledger reader', async () => {
    const xl = new FakeExcel();
    xl.addSheet('台账', [['学校名称', '在校学生数', null], [null, '小学', '初中'], ['一小', 300, null]]).merges.push('B1:C1', 'A1:A2');
    const [sheet] = await host(xl).readWorkbook();
    expect(sheet.merges).toEqual(['B1:C1', 'A1:A2']);
    expect(xl.syncs).toBe(2);
  });
});

describe('settings and selection', () => {
  it('settings are saved in the workbook and survive apply and clear', async () => {
    const { xl, plan } = workbook(6);
    const settings = { version: 1 as const, standard: 'national-2012-basic', sheet: '台账', mapping: { school: '学校名称' } };
    await host(xl).saveSettings(settings);
    await host(xl).apply(plan);
    await host(xl).clear();
    expect(await host(xl).loadSettings()).toEqual(settings);
    expect(xl.sheet(STATE_SHEET).visibility).toBe('VeryHidden');
  });

  it('a workbook never validated has no settings', async () => {
    const { xl } = workbook(3);
    expect(await host(xl).loadSettings()).toBeNull();
  });

  it('select() activates the sheet and selects the cell', async () => {
    const { xl } = workbook(3);
    await host(xl).select('台账', 'F9');
    expect(xl.active).toBe('台账');
    expect(xl.selected).toBe('台账!F9');
  });
});

describe('older Excel without notes (ExcelApi < 1.18)', () => {
  it('uses comments, leaves a clerk’s own comment thread alone, and clear removes only ours', async () => {
    // office-addin-mock supplies the Office global the host asks for API support.
    (globalThis as Record<string, unknown>).Office = new OfficeMockObject({
      context: { requirements: { isSetSupported: (_set: string, version: string) => Number(version) < 1.18 } },
    });
    const { xl, plan } = workbook(12);
    const marks = plan.marks;
    xl.comments.push({ sheet: '台账', cell: marks[0].cell, content: '科长：请核实' });
    const before = snapshot(xl);
    const h = new ExcelHost({ run: xl.run });
    await h.apply(plan);
    expect(xl.comments).toHaveLength(marks.length);
    expect(xl.comments[0].content).toBe('科长：请核实');
    expect(xl.sheet('台账').notes.size).toBe(0);
    await h.apply(plan);
    expect(xl.comments).toHaveLength(marks.length);
    await h.clear();
    expect(snapshot(xl)).toEqual(before);
  });

  it('leaves notes it cannot reach on an older Excel listed, and a newer Excel clears them later', async () => {
    const { xl, plan } = workbook(12);
    const before = snapshot(xl);
    await host(xl).apply(plan);
    const old = host(xl, { notesSupported: () => false });
    await old.clear();
    const ledger = xl.sheet('台账');
    expect([...ledger.cells.values()].some((c) => c.fill)).toBe(false);
    expect(ledger.notes.size).toBe(plan.marks.length);
    await host(xl).clear();
    expect(snapshot(xl)).toEqual(before);
  });

  it('uses notes where ExcelApi 1.18 is supported', async () => {
    (globalThis as Record<string, unknown>).Office = new OfficeMockObject({
      context: { requirements: { isSetSupported: () => true } },
    });
    const { xl, plan } = workbook(12);
    await new ExcelHost({ run: xl.run }).apply(plan);
    expect(xl.sheet('台账').notes.size).toBe(plan.marks.length);
    expect(xl.comments).toHaveLength(0);
  });
});

describe('undo grouping (ExcelApi 1.20 mergeUndoGroup)', () => {
  it('asks for one undo step where supported, and writes ungrouped after Excel refuses once', async () => {
    const { xl, plan } = workbook(6);
    const groups: (boolean | undefined)[] = [];
    let refuse = false;
    const h = new ExcelHost({
      notesSupported: () => true,
      undoGroupSupported: () => true,
      run: async (batch, undoGroup) => {
        groups.push(undoGroup);
        if (refuse && undoGroup) throw Object.assign(new Error('The operation is not supported in an undo group.'), { code: 'UndoNotSupported' });
        return xl.run(batch);
      },
    });
    await h.apply(plan);
    await h.loadSettings();
    expect(groups).toEqual([true, undefined]);
    refuse = true;
    await expect(h.clear()).rejects.toThrow(/无法把本次写入合并为一步撤消.*请再操作一次/);
    await h.clear();
    expect(groups.slice(2)).toEqual([true, false]);
    expect(xl.sheets.some((s) => s.name === plan.reportSheet.name)).toBe(false);
  });
});
