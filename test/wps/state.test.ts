import { describe, expect, it } from 'vitest';
import { chunkJson, decodeSlots, encodeSlots, fillToRestore, recordFill, STATE_MARKER } from '../../src/hosts/wps/state.ts';
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

  it('round-trips settings and annotations in the file host layout', () => {
    const slots = {
      annotations: { version: 1 as const, reportSheet: '均衡校验报告', marks: [{ sheet: '台账', cell: 'F9', fill: null, note: null }] },
      settings: { version: 1 as const, standard: 'national-2017-quality' },
    };
    const grid = encodeSlots(slots);
    expect(grid[0]).toEqual([STATE_MARKER, null]);
    expect(decodeSlots(grid)).toEqual(slots);
    expect(decodeSlots([['something else']])).toEqual({ annotations: null, settings: null });
  });

  it('records fills in the ExcelJS shape and restores either host’s record', () => {
    expect(recordFill(XL_PATTERN_NONE, 16777215)).toEqual({ fill: null, et: { pattern: XL_PATTERN_NONE, color: 16777215 } });
    expect(recordFill(XL_PATTERN_SOLID, 0xf0b000).fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } });
    const base = { sheet: '台账', cell: 'A1', note: null };
    expect(fillToRestore({ ...base, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } } })).toEqual({
      pattern: XL_PATTERN_SOLID,
      color: 0xf0b000,
    });
    expect(fillToRestore({ ...base, fill: null })).toEqual({ pattern: XL_PATTERN_NONE });
  });
});
