// Labels for the mapping dropdowns: the template's own header text, so the pane and `balance template` agree.
import { FLAG_FIELDS, NUMERIC_FIELDS, TEXT_FIELDS, type CanonicalField } from '../core/types.ts';
import { REQUIRED_FIELDS, TEMPLATE_COLUMNS, fieldLabel } from '../ledger/template.ts';

/** Canonical fields the template does not write but a ledger may carry (rules §5, "common variants"). */
const OTHER_LABELS: Partial<Record<CanonicalField, string>> = {
  teachers: '专任教师数（全校）',
  above_degree_teachers: '高于规定学历教师数（全校）',
  backbone_teachers: '骨干教师数（全校）',
  pe_art_teachers: '体育艺术专任教师数（全校）',
  senior_title_teachers: '中级及以上职称教师数（全校）',
  sports_area: '体育运动场馆面积（含体育馆）',
  max_class_size_primary: '最大班额（小学）',
  max_class_size_junior: '最大班额（初中）',
  ownership: '办学性质',
};

export interface FieldOption {
  field: CanonicalField;
  label: string;
  required: boolean;
}

const inTemplate = new Set<CanonicalField>(TEMPLATE_COLUMNS.map((c) => c.field));

/** Every canonical field, template order first; a field added to core later shows under its id until labelled here. */
export const MAPPABLE_FIELDS: FieldOption[] = [
  ...TEMPLATE_COLUMNS.map((c) => ({ field: c.field, label: c.header, required: REQUIRED_FIELDS.includes(c.field) })),
  ...[...NUMERIC_FIELDS, ...TEXT_FIELDS, ...FLAG_FIELDS]
    .filter((f) => !inTemplate.has(f))
    .map((f) => ({ field: f, label: OTHER_LABELS[f] ?? fieldLabel(f), required: false })),
];
