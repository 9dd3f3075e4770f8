import { describe, expect, it } from 'vitest';
import { chunkJson, decodeSlots, encodeSlots, STATE_MARKER, type MarkRecord } from '../../src/hosts/state.ts';
import { fillToRestore, recordFill } from '../../src/hosts/wps/state.ts';
import { XL_PATTERN_NONE, XL_PATTERN_SOLID } from './et-standin.ts';

describe('state sheet encoding', () => {
  it('splits long JSON into chunks that never start like a number or formula', () => {
    const data = { marks: Array.from({ length: 3000 }, (_, i) => ({ cell: `D${i}`, n: i * 1.5, s: '=x' })) };
    const chunks = chunkJson(data);
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.join('')).toBe(JSON.stringify(data));
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(8000);
      expect(c[0]).not.toMatch(/[0-9+\-=@.\s]/);
    }
  });

  it('round-trips settings and annotations in the shared layout', () => {
    const slots = {
      annotations: {
        version: 2 as const,
        reportSheet: '均衡校验报告',
        marks: [
          { sheet: '台账', cell: 'F9', fill: null, note: null },
          { sheet: '台账', cell: 'F10', fill: '#00B0F0', note: '原批注', et: { pattern: XL_PATTERN_SOLID, color: 0xf0b000 } },
          { sheet: '台账', cell: 'F11', fill: null, note: null, via: 'none' as const },
        ],
      },
      settings: { version: 1 as const, standard: 'national-2017-quality' },
    };
    const grid = encodeSlots(slots);
    expect(grid[0]).toEqual([STATE_MARKER, null]);
    expect(decodeSlots(grid)).toEqual(slots);
    expect(decodeSlots([['something else']])).toEqual({ annotations: null, settings: null });
  });

  it('reads a damaged neutral form as none rather than failing a restore', () => {
    const rec = { version: 2, reportSheet: null, marks: [{ sheet: '台账', cell: 'F9', fill: 'blue', note: 7 }, { sheet: '台账', cell: 'F10', fill: '#00b0f0' }, { cell: 'F11' }] };
    expect(decodeSlots([[STATE_MARKER, null], [JSON.stringify(rec), null]]).annotations?.marks).toEqual([
      { sheet: '台账', cell: 'F9', fill: null, note: null },
      { sheet: '台账', cell: 'F10', fill: '#00B0F0', note: null },
    ]);
  });

  it('reads the version 1 layout the file host and WPS wrote before: ExcelJS objects become the neutral form and stay exact', () => {
    const solid = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } };
    const theme = { type: 'pattern', pattern: 'solid', fgColor: { theme: 4 } };
    const rich = { texts: [{ text: '原' }, { text: '批注', font: { bold: true } }] };
    const v1 = {
      version: 1,
      reportSheet: '均衡校验报告',
      marks: [
        { sheet: '台账', cell: 'C2', fill: solid, note: null },
        { sheet: '台账', cell: 'C3', fill: theme, note: rich },
        { sheet: '台账', cell: 'C4', fill: null, note: '原批注', et: { pattern: XL_PATTERN_NONE, color: 16777215 } },
      ],
    };
    const { annotations } = decodeSlots([[STATE_MARKER, null], [JSON.stringify(v1), '{"version":1}']]);
    expect(annotations?.marks).toEqual([
      { sheet: '台账', cell: 'C2', fill: '#00B0F0', note: null, xlsx: { fill: solid, note: null } },
      { sheet: '台账', cell: 'C3', fill: null, note: '原批注', xlsx: { fill: theme, note: rich } },
      { sheet: '台账', cell: 'C4', fill: null, note: '原批注', xlsx: { fill: null, note: '原批注' }, et: { pattern: XL_PATTERN_NONE, color: 16777215 } },
    ]);
    expect(annotations?.reportSheet).toBe('均衡校验报告');
  });

  it('reads the Excel host’s first layout (a JSON head in A1, one mark per row)', () => {
    const rows = [['{"settings":{"version":1,"standard":"national-2012-basic"},"report":"均衡校验报告"}'], ['["台账","F9","#00B0F0","原批注","comment"]'], ['not json'], ['["台账","F10",null,null,"note"]']];
    expect(decodeSlots(rows)).toEqual({
      settings: { version: 1, standard: 'national-2012-basic' },
      annotations: {
        version: 2,
        reportSheet: '均衡校验报告',
        marks: [
          { sheet: '台账', cell: 'F9', fill: '#00B0F0', note: '原批注', via: 'comment' },
          { sheet: '台账', cell: 'F10', fill: null, note: null, via: 'note' },
        ],
      },
    });
  });

  it('records WPS fills as a neutral colour plus the exact Interior, and restores either form', () => {
    expect(recordFill(XL_PATTERN_NONE, 16777215)).toEqual({ fill: null, et: { pattern: XL_PATTERN_NONE, color: 16777215 } });
    expect(recordFill(XL_PATTERN_SOLID, 0xf0b000).fill).toEqual('#00B0F0');
    const base: MarkRecord = { sheet: '台账', cell: 'A1', fill: null, note: null };
    expect(fillToRestore({ ...base, fill: '#00B0F0' })).toEqual({ pattern: XL_PATTERN_SOLID, color: 0xf0b000 });
    expect(fillToRestore({ ...base, fill: null })).toEqual({ pattern: XL_PATTERN_NONE });
    expect(fillToRestore({ ...base, fill: '#00B0F0', et: { pattern: 9, color: 5 } })).toEqual({ pattern: 9, color: 5 });
  });
});
