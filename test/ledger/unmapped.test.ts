import { describe, expect, it } from 'vitest';
import { readLedger } from '../../src/ledger/index.ts';
import { cellOf } from '../../src/model/school.ts';
import { TEMPLATE_COLUMNS } from '../../src/ledger/template.ts';

const header = TEMPLATE_COLUMNS.map((c) => c.header);
const row = TEMPLATE_COLUMNS.map((c) => (c.field === 'school' ? '一小' : c.field === 'type' ? '小学' : c.field === 'students_primary' ? 300 : null));
const sheets = [{ name: '台账', values: [header, row] }];

describe('a field the clerk leaves 未对应 (an empty mapping)', () => {
  it('reads no column for it, reports it missing if required, and keeps it empty in the mapping to save', () => {
    const auto = readLedger(sheets);
    expect(auto.ok && auto.mapping.multimedia_rooms).toBe('网络多媒体教室数（间）');
    const read = readLedger(sheets, { mapping: { multimedia_rooms: '' } });
    if (!read.ok) throw new Error(read.message);
    expect(read.columns.some((c) => c.field === 'multimedia_rooms')).toBe(false);
    expect(read.missingRequired).toContain('multimedia_rooms');
    expect(read.mapping.multimedia_rooms).toBe('');
    expect(cellOf(read.county.schools[0], 'multimedia_rooms')).toBeUndefined();
    expect(cellOf(auto.ok ? auto.county.schools[0] : { row: 0 }, 'multimedia_rooms')).toBeDefined();
  });
});
