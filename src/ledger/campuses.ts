// Units the statistics do not count as schools (是否计校数 = 0: campuses, teaching points): the main school each
// belongs to, by 学校标识码 prefix (a campus's code extends its school's) or else by name (城关一小东校区 → 城关一小).
import type { LedgerSchool } from '../core/types.ts';
import { extraText } from './extras.ts';

export function linkCampuses(values: unknown[][], originRow: number, schools: LedgerSchool[], codeIndex: number | undefined): void {
  const units = schools.filter((s) => s.flags?.counted_as_school === false && !s.centralSchool);
  if (units.length === 0) return;
  const mains = schools.filter((s) => s.flags?.counted_as_school !== false);
  const code = (s: LedgerSchool) => extraText(values, originRow, s.row, codeIndex);
  for (const u of units) {
    const c = code(u);
    const byCode = c ? longest(mains.filter((m) => { const mc = code(m); return mc.length >= 6 && mc !== c && c.startsWith(mc); }), (m) => code(m).length) : undefined;
    const byName = longest(mains.filter((m) => m.name !== u.name && u.name.startsWith(m.name)), (m) => m.name.length);
    const main = byCode ?? byName;
    if (main) u.centralSchool = main.name;
  }
}

function longest<T>(list: T[], size: (t: T) => number): T | undefined {
  return list.reduce<T | undefined>((best, t) => (best === undefined || size(t) > size(best) ? t : best), undefined);
}
