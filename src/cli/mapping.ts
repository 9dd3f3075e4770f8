// `--map 字段=表头`: the user's own header mapping. The field is a canonical id (students_primary) or the
// template header (小学在校生数); the right side is the ledger's header text or a column letter.
import { FLAG_FIELDS, NUMERIC_FIELDS, TEXT_FIELDS, type CanonicalField } from '../core/types.ts';
import type { HeaderMapping } from '../ledger/types.ts';
import { TEMPLATE_COLUMNS } from '../ledger/template.ts';
import { usageError } from './errors.ts';

const CANONICAL = new Set<string>([...NUMERIC_FIELDS, ...TEXT_FIELDS, ...FLAG_FIELDS]);

/** Full-width and half-width brackets and spaces are the same to a clerk typing a header. */
const loose = (s: string): string =>
  s.replace(/[\s\u3000]/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();

function fieldOf(key: string): CanonicalField | undefined {
  if (CANONICAL.has(key)) return key as CanonicalField;
  return TEMPLATE_COLUMNS.find((c) => loose(c.header) === loose(key))?.field;
}

export function parseMappings(specs: string[]): HeaderMapping {
  const mapping: HeaderMapping = {};
  for (const spec of specs) {
    const at = spec.search(/[=＝]/);
    const key = at < 0 ? '' : spec.slice(0, at).trim();
    const header = at < 0 ? '' : spec.slice(at + 1).trim();
    if (!key || !header) {
      throw usageError(`--map 的格式应为 字段=表头（例如 --map 小学在校生数=小学学生人数），收到“${spec}”`);
    }
    const field = fieldOf(key);
    if (!field) {
      throw usageError(`--map 中的字段“${key}”不是台账字段；可用模板表头（如 小学在校生数）或字段名（如 students_primary），见 balance template`);
    }
    if (mapping[field] !== undefined) throw usageError(`--map 对字段“${key}”指定了两次`);
    mapping[field] = header;
  }
  return mapping;
}
