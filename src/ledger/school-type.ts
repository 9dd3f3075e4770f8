// A 学校类型 cell (and a school's name, for the 申报表 part rows) to the SchoolType of rules §2.
import type { SchoolType } from '../core/types.ts';
import { toHalfWidth } from './cells.ts';

export type TypeRead = { kind: 'type'; type: SchoolType } | { kind: 'excluded'; label: string } | { kind: 'unknown' };

// Order matters: the more specific words first (初中部 before 初中, 十二年 before 九年 would not clash, 教学点 before 小学).
const RULES: [RegExp, TypeRead][] = [
  [/特殊教育|特教|培智|聋哑|盲校/, { kind: 'excluded', label: '特殊教育学校' }],
  [/职业|职教|中专|技工/, { kind: 'excluded', label: '职业学校' }],
  [/教学点/, { kind: 'type', type: 'teaching_point' }],
  [/小学部/, { kind: 'type', type: 'primary_part' }],
  [/初中部/, { kind: 'type', type: 'junior_part' }],
  [/十二年/, { kind: 'type', type: 'twelve_year' }],
  [/九年|一贯制/, { kind: 'type', type: 'nine_year' }],
  [/完全中学|完中/, { kind: 'type', type: 'complete_secondary' }],
  [/初中|初级中学|独立初中/, { kind: 'type', type: 'junior' }],
  [/小学|村小|完小/, { kind: 'type', type: 'primary' }],
  [/^(高中|高级中学|普通高中)$/, { kind: 'excluded', label: '普通高中' }],
];

/** The statistics' 办学类型 codes, when a cell holds the bare code. */
const TYPE_CODES: Record<string, TypeRead> = {
  '211': { kind: 'type', type: 'primary' },
  '218': { kind: 'type', type: 'teaching_point' },
  '311': { kind: 'type', type: 'junior' },
  '312': { kind: 'type', type: 'nine_year' },
  '341': { kind: 'type', type: 'complete_secondary' },
  '342': { kind: 'excluded', label: '普通高中' },
  '345': { kind: 'type', type: 'twelve_year' },
};

// A ledger's type column repeats a handful of words (小学, 初中 …) over thousands of rows: each is read once.
const READ_TYPES = new Map<string, TypeRead>();
const READ_TYPES_KEPT = 256;

export function readSchoolType(text: string): TypeRead {
  let read = READ_TYPES.get(text);
  if (read) return read;
  read = typeOf(text);
  if (READ_TYPES.size < READ_TYPES_KEPT) READ_TYPES.set(text, read);
  return read;
}

function typeOf(text: string): TypeRead {
  const s = toHalfWidth(text).replace(/[\s\u3000]/g, '');
  if (!s) return { kind: 'unknown' };
  const code = TYPE_CODES[s];
  if (code) return code;
  for (const [re, read] of RULES) if (re.test(s)) return read;
  return { kind: 'unknown' };
}

/** The 申报表 layout names each part of a combined school "…小学部" / "…初中部". */
export function partFromName(name: string): SchoolType | undefined {
  if (/小学部$/.test(name)) return 'primary_part';
  if (/初中部$/.test(name)) return 'junior_part';
  return undefined;
}

/** The stage a stage-less enrolment belongs to, from the type or, failing that, the name. */
export function singleStageOf(type: SchoolType | undefined, name: string): 'primary' | 'junior' | 'combined' | undefined {
  if (type === 'primary' || type === 'primary_part' || type === 'teaching_point') return 'primary';
  if (type === 'junior' || type === 'junior_part') return 'junior';
  if (type) return 'combined';
  if (/(小学|教学点|村小)$/.test(name)) return 'primary';
  if (/(初级中学|初中)$/.test(name)) return 'junior';
  if (/(九年一贯制学校|一贯制学校|完全中学)$/.test(name)) return 'combined';
  return undefined;
}

/** 民办 by name, or by the 申报表's 举办者类型 code 10 (7 = 县级教育部门 … 10 = 民办). */
export const isPrivateOwner = (text: string): boolean => text.includes('民办') || /^10(\.0+)?$/.test(toHalfWidth(text).trim());
