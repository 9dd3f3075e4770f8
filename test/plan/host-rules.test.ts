// The decisions every host applies alike: the cell key, the clerk's note beside ours, which sheets are ours,
// and the report's name when the clerk already has a sheet of that name.
import { describe, expect, it } from 'vitest';
import { REPORT_MARKER, STATE_SHEET } from '../../src/model/sheets.ts';
import { buildMarks } from '../../src/plan/marks.ts';
import { markedNote, markKey, ourReports, ownSheets, replacedReports, reportSheetName } from '../../src/plan/host-rules.ts';
import type { Evaluation } from '../../src/core/report.ts';
import type { RulePack } from '../../src/standards/types.ts';

describe('markKey', () => {
  it('is one key however the address is spelled', () => {
    expect(markKey('台账', 'f9')).toBe('台账!F9');
    expect(markKey('台账', '$F$9')).toBe('台账!F9');
    expect(markKey('台账', ' F9 ')).toBe('台账!F9');
    expect(markKey('台账', 'F9')).not.toBe(markKey('台帐', 'F9'));
  });

  it('makes the planner give one mark per cell, however readers spelled it', () => {
    const evaluation = { report: { schools: [], parts: [], problems: [] }, schoolDetails: [] } as unknown as Evaluation;
    const pack = { indicators: [] } as unknown as RulePack;
    const marks = buildMarks(evaluation, '台账', pack, [
      { severity: 'warning', sheet: '台账', cell: 'f9', message: '单位不明' },
      { severity: 'error', sheet: '台账', cell: '$F$9', message: '不是数字' },
    ]);
    expect(marks).toEqual([{ sheet: '台账', cell: 'F9', fill: '#FFF2CC', note: '数据警告：单位不明\n数据错误：不是数字', kind: 'warning' }]);
  });
});

describe('markedNote', () => {
  it('puts the clerk’s note first and whole, ours under 【均衡校验】', () => {
    expect(markedNote('科长：待核', '未达标：A')).toBe('科长：待核\n\n【均衡校验】\n未达标：A');
    expect(markedNote(null, '未达标：A')).toBe('未达标：A');
    expect(markedNote('', '未达标：A')).toBe('未达标：A');
  });
});

const M = REPORT_MARKER;

describe('ownSheets / ourReports', () => {
  it('a sheet is our report only when its marker cell holds our marker, whatever it is called', () => {
    const sheets = [
      { name: '台账', marker: '城关小学' },
      { name: '均衡校验报告', marker: '科室自己的汇总' },
      { name: '均衡校验报告(2)', marker: M },
      { name: '上月报告', marker: M },
      { name: STATE_SHEET, marker: null },
    ];
    expect([...ourReports(sheets)].sort()).toEqual(['上月报告', '均衡校验报告(2)'].sort());
    expect([...ownSheets(sheets)].sort()).toEqual([STATE_SHEET, '上月报告', '均衡校验报告(2)'].sort());
  });

  it('a sheet merely named like our report is not ours, nor is one holding text close to the marker', () => {
    expect(ownSheets([{ name: '台账', marker: null }, { name: '均衡校验报告', marker: null }]).size).toBe(0);
    expect(ownSheets([{ name: '均衡校验报告', marker: ` ${M}` }, { name: 'x', marker: M.slice(0, -1) }]).size).toBe(0);
  });
});

describe('replacedReports', () => {
  const sheets = [
    { name: '台账', marker: null },
    { name: '均衡校验报告', marker: M },
    { name: '均衡校验报告(2)', marker: M },
    { name: '十月校验', marker: M },
  ];

  it('ours under the planned name or the recorded one; a renamed or copied report of ours is kept', () => {
    expect([...replacedReports(sheets, null)]).toEqual(['均衡校验报告']);
    expect([...replacedReports(sheets, '均衡校验报告(2)')].sort()).toEqual(['均衡校验报告', '均衡校验报告(2)'].sort());
  });

  it('never a sheet without our marker, whatever the record names', () => {
    const clerk = [{ name: '台账', marker: null }, { name: '均衡校验报告', marker: '科室自己的汇总' }];
    expect(replacedReports(clerk, '台账').size).toBe(0);
    expect(replacedReports(clerk, '均衡校验报告').size).toBe(0);
  });
});

describe('reportSheetName', () => {
  const clerks = (name: string) => ({ name, marker: null });
  const ours = (name: string) => ({ name, marker: M });
  const name = (sheets: { name: string; marker: unknown }[], recorded: string | null = null) =>
    reportSheetName('均衡校验报告', sheets, replacedReports(sheets, recorded));

  it('the planned name when free or ours to replace', () => {
    expect(name([clerks('台账')])).toBe('均衡校验报告');
    expect(name([clerks('台账'), ours('均衡校验报告')])).toBe('均衡校验报告');
  });

  it('the first free (n) when a sheet of the clerk’s has it, and our earlier (n) again on a re-run', () => {
    expect(name([clerks('均衡校验报告')])).toBe('均衡校验报告(2)');
    expect(name([clerks('均衡校验报告'), clerks('均衡校验报告(2)')])).toBe('均衡校验报告(3)');
    expect(name([clerks('均衡校验报告'), ours('均衡校验报告(2)')], '均衡校验报告(2)')).toBe('均衡校验报告(2)');
  });

  it('a kept copy of ours (not replaced) takes its name like a clerk’s sheet', () => {
    expect(name([clerks('均衡校验报告'), ours('均衡校验报告(2)')], '均衡校验报告(3)')).toBe('均衡校验报告(3)');
  });

  it('compares without case, as Excel and WPS do, and stays within 31 characters', () => {
    expect(reportSheetName('Report', [clerks('REPORT')], new Set())).toBe('Report(2)');
    const long = 'x'.repeat(31);
    expect(reportSheetName(long, [clerks(long)], new Set())).toBe(`${'x'.repeat(28)}(2)`);
  });
});
