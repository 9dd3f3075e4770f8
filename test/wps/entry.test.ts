// Loads the WPS entry (src/wps/main.ts) the way WPS does — a global `wps` and `Application` — with a
// recording `wps` and the ET stand-in, then drives what it registered.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPORT_SHEET } from '../../src/core/plan.ts';
import { FUNCTIONS } from '../../src/functions/definitions.ts';
import { hexToBgr, STATE_SHEET } from '../../src/hosts/wps/index.ts';
import { sampleLedgerRows, SAMPLE_SHEET } from '../../src/sample/index.ts';
import { WPS_MISSING } from '../../src/wps/functions.ts';
import { PANE_ID_KEY } from '../../src/wps/ribbon.ts';
import { FAIL_FILL } from '../../src/core/plan.ts';
import { StandinApp, XL_PATTERN_NONE } from './et-standin.ts';

interface Registered {
  namespace: string;
  name: string;
  callback: (...args: unknown[]) => unknown;
  metadata?: { description?: string; result: { type?: string }; parameters: { name?: string; type?: string; description?: string }[] };
}
interface Pane {
  ID: number;
  Visible: boolean;
  DockPosition: number;
  url: string;
  title?: string;
}

const registered: Registered[] = [];
const panes: Pane[] = [];
const storage = new Map<string, unknown>();
const alerts: string[] = [];
const app = new StandinApp(['填表说明', SAMPLE_SHEET]);
app.sheet(SAMPLE_SHEET).load(sampleLedgerRows());
app.activeSheet = app.sheet(SAMPLE_SHEET);

const recordingWps = {
  AddCustomFunction: (namespace: string, name: string, callback: Registered['callback'], metadata?: Registered['metadata']) =>
    registered.push({ namespace, name, callback, metadata }),
  CreateTaskPane: (url: string, title?: string) => {
    const pane = { ID: 100 + panes.length, Visible: false, DockPosition: 0, url, title };
    panes.push(pane);
    return pane;
  },
  GetTaskPane: (id: number) => panes.find((p) => p.ID === id) ?? null,
  PluginStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: unknown) => storage.set(k, v) },
};

const g = globalThis as unknown as Record<string, unknown>;
const GLOBALS = ['wps', 'Application', 'alert', 'location', 'OnAddinLoad', 'OnAction', 'GetImage', 'OnGetEnabled'];

beforeAll(async () => {
  Object.assign(g, {
    wps: recordingWps,
    Application: app,
    alert: (m: string) => alerts.push(m),
    location: { href: 'file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/BalanceInspector_0.1.0/index.html' },
  });
  await import('../../src/wps/main.ts');
});
afterAll(() => {
  for (const k of GLOBALS) delete g[k];
});

const fn = (name: string) => {
  const r = registered.find((x) => x.name === name);
  if (!r) throw new Error(`${name} not registered`);
  return r.callback;
};
const column = (xs: number[]) => xs.map((x) => [x]);

describe('function registration', () => {
  it('registers every function of the shared list under BALANCE, with its Chinese help', () => {
    expect(registered.map((r) => r.name)).toEqual(FUNCTIONS.map((f) => f.id));
    expect(new Set(registered.map((r) => r.namespace))).toEqual(new Set(['BALANCE']));
    for (const def of FUNCTIONS) {
      const md = registered.find((r) => r.name === def.id)!.metadata!;
      expect(md.description).toBe(def.description);
      expect(md.parameters.map((p) => p.name)).toEqual(def.params.map((p) => p.name));
      expect(md.parameters.map((p) => p.description)).toEqual(def.params.map((p) => p.description));
      def.params.forEach((p, i) => {
        expect(md.parameters[i].type?.endsWith('?')).toBe(Boolean(p.optional));
        expect(md.parameters[i].type?.includes('[][]')).toBe(p.dimensionality === 'matrix');
      });
    }
    expect(registered.map((r) => r.name)).toEqual(expect.arrayContaining(['CV', 'DIFFCOEF', 'COMPOSITE']));
  });

  it('CV gives the rules §1 worked example (0.51526), synchronously', () => {
    const pupils = [45, 37, 89, 76, 55];
    const books = [279, 137, 935, 160, 402];
    const perPupil = books.map((b, i) => b / pupils[i]);
    const cv = fn('CV')(column(perPupil), column(pupils));
    expect(cv).not.toBeInstanceOf(Promise);
    expect(cv as number).toBeCloseTo(0.51526, 5);
    expect(fn('DIFFCOEF')(column(perPupil), column(pupils)) as number).toBeCloseTo(0.51526, 5);
    // scale-invariant: per 100 pupils, same CV
    expect(fn('CV')(column(perPupil.map((x) => x * 100)), column(pupils)) as number).toBeCloseTo(0.51526, 5);
    // school values first rounded to 2 decimals give 0.51513 (rules §1); the county mean is 6.3344
    const rounded = perPupil.map((x) => Math.round(x * 100) / 100);
    expect(fn('CV')(column(rounded), column(pupils)) as number).toBeCloseTo(0.51513, 5);
    expect(fn('MEAN')(column(perPupil), column(pupils)) as number).toBeCloseTo(6.3344, 4);
    // a blank weight (WPS passes the empty cell as-is) leaves that school out
    const withBlank = fn('CV')([...column(perPupil), [3]], [...column(pupils), [null]]);
    expect(withBlank as number).toBeCloseTo(0.51526, 5);
  });

  it('COMPOSITE reproduces Yining 2021 and takes WPS’s omitted-argument marker', () => {
    const yining = [0.3636, 1.2059, 0.5141, 0.3542, 0.0994, 0.386, 0.4083, 0.4718];
    expect(fn('COMPOSITE')([yining], WPS_MISSING, WPS_MISSING) as number).toBeCloseTo(0.4754, 4);
    expect(fn('COMPOSITE')(column(yining), '小学', 'national-2012-basic') as number).toBeCloseTo(0.4754, 4);
    const junior = [0.0904, 0.1323, 0.1351, 0.0808, 0.1404, 0.0536, 0.0532, 0.187];
    expect(fn('COMPOSITE')([junior]) as number).toBeCloseTo(0.1091, 4);
    const wanzhou = [0.437, 0.419, 0.255, 0.188, 0.171, 0.263, 0.263, 0.42];
    expect(fn('COMPOSITE')(column(wanzhou), WPS_MISSING) as number).toBeCloseTo(0.302, 3);
    const jiujiang = [0.297929, 0.501787, 0.401952, 0.288419, 0.37545, 0.312782, 0.394205];
    expect(fn('COMPOSITE')(column(jiujiang), '小学', WPS_MISSING) as number).toBeCloseTo(0.367503, 6);
  });

  it('scalar functions accept one-cell ranges and omitted optionals', () => {
    expect(fn('STANDARD')('teaching_area_per_student', '小学', WPS_MISSING)).toBe(4.5);
    expect(fn('STANDARD')([['生均教学及辅助用房面积']], [['初中']])).toBe(5.8);
    expect(fn('CHECK')(4.4, 'teaching_area_per_student', '小学', WPS_MISSING)).toBe('未达标');
  });

  it('turns errors into text WPS can show, never a throw or NaN', () => {
    const negative = fn('CV')(column([1, 2]), column([10, -1]));
    expect(negative).toMatch(/^#VALUE! .*负/);
    expect(fn('STANDARD')('teaching_area_per_student', '高中')).toMatch(/^#VALUE! 学段/);
    expect(fn('PER')(10, 0)).toMatch(/^#DIV\/0! /);
  });

  it('IMPACT spills a 2-D array shaped like its input', () => {
    const out = fn('IMPACT')(column([5, 6, 9, 4]), column([100, 120, 80, 90])) as unknown[][];
    expect(out).toHaveLength(4);
    out.forEach((row) => {
      expect(row).toHaveLength(1);
      expect(typeof row[0]).toBe('number');
    });
  });
});

describe('ribbon', () => {
  const waitForAlert = (n: number) => vi.waitFor(() => expect(alerts.length).toBe(n), { timeout: 20_000 });

  it('publishes the callbacks ribbon.xml names', () => {
    expect((g.OnAddinLoad as (r: unknown) => boolean)({})).toBe(true);
    expect((g.GetImage as (c: { Id: string }) => string)({ Id: 'btnValidate' })).toBe('images/btnValidate.svg');
    expect((g.OnGetEnabled as (c: { Id: string }) => boolean)({ Id: 'btnClear' })).toBe(true);
  });

  it('校验全县 annotates the ledger and 清除标注 restores it', async () => {
    const before = JSON.stringify(app.snapshot());
    const onAction = g.OnAction as (c: { Id: string }) => boolean;

    expect(onAction({ Id: 'btnValidate' })).toBe(true);
    await waitForAlert(1);
    expect(alerts[0]).toMatch(/^校验完成：全县未达标（[^）]*未达标[^）]*）。\n(.*\n)*已标注 \d+ 个单元格/);
    expect(app.sheets.map((s) => s.Name)).toEqual(['填表说明', SAMPLE_SHEET, STATE_SHEET, REPORT_SHEET]);
    const ledger = app.sheet(SAMPLE_SHEET);
    const used = ledger.UsedRange;
    let filled = 0;
    for (let r = used.r1; r <= used.r2; r++)
      for (let c = used.c1; c <= used.c2; c++) if (ledger.peek(r, c)?.color === hexToBgr(FAIL_FILL)) filled++;
    expect(filled).toBeGreaterThan(0);
    expect(app.sheet(REPORT_SHEET).Range('A1').Value2).toEqual(expect.any(String));

    onAction({ Id: 'btnClear' });
    await waitForAlert(2);
    expect(alerts[1]).toContain('已清除');
    const after = app.snapshot() as { name: string }[];
    // Everything as before, plus the very-hidden sheet keeping the settings the run saved.
    expect(JSON.stringify(after.filter((s) => s.name !== STATE_SHEET))).toBe(before);
    expect(app.sheet(STATE_SHEET).Visible).toBe(2);
    expect(ledger.Range('A3').Interior.Pattern).toBe(XL_PATTERN_NONE);
  });

  it('打开面板 creates one pane on the right and then toggles it', () => {
    const onAction = g.OnAction as (c: { Id: string }) => boolean;
    onAction({ Id: 'btnPane' });
    expect(panes).toHaveLength(1);
    expect(panes[0]).toMatchObject({
      url: 'file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/BalanceInspector_0.1.0/ui/taskpane.html',
      title: '均衡督导助手',
      Visible: true,
      DockPosition: 2,
    });
    expect(storage.get(PANE_ID_KEY)).toBe(100);
    onAction({ Id: 'btnPane' });
    expect(panes).toHaveLength(1);
    expect(panes[0].Visible).toBe(false);
    onAction({ Id: 'btnPane' });
    expect(panes[0].Visible).toBe(true);
  });
});
