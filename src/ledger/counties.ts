// Several counties in one sheet (rules §5.1 item 4: a city's export with 统计三级 or 区县): never pooled.
import type { LedgerSchool } from '../core/types.ts';
import { extraText } from './extras.ts';

const norm = (s: string): string => s.replace(/[\s\u3000]/g, '');

/** The county of each school, by the county column, in sheet order; schools with a blank cell have none. */
export function countiesOf(values: unknown[][], originRow: number, schools: LedgerSchool[], index: number | undefined): Map<LedgerSchool, string> {
  const out = new Map<LedgerSchool, string>();
  if (index === undefined) return out;
  for (const s of schools) {
    const name = extraText(values, originRow, s.row, index);
    if (name) out.set(s, name);
  }
  return out;
}

/** Distinct county names, in the order they first occur. */
export const distinctCounties = (bySchool: Map<LedgerSchool, string>): string[] => [...new Set(bySchoolNames(bySchool))];
const bySchoolNames = (m: Map<LedgerSchool, string>): string[] => [...m.values()];

/** The name the user asked for, as written in the sheet (spaces ignored), or undefined. */
export function pickCounty(names: string[], wanted: string): string | undefined {
  const w = norm(wanted);
  return names.find((n) => norm(n) === w) ?? names.find((n) => norm(n).includes(w) && w.length >= 2);
}
