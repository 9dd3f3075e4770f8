import { fail, ok, type Result } from '../model/result.ts';
import { city2017Funding1150 } from './city-2017-funding-1150.ts';
import { national2012Basic } from './national-2012-basic.ts';
import { national2017Quality } from './national-2017-quality.ts';
import { province2017Funding935 } from './province-2017-funding-935.ts';
import { INDICATOR_INFO } from './indicators.ts';
import { INDICATOR_IDS, type IndicatorId, type RulePack } from './types.ts';

export * from './types.ts';
export { INDICATOR_INFO };

/** Every rule pack shipped. A new province is a new file here plus its test. */
export const STANDARDS: readonly RulePack[] = [
  national2017Quality,
  national2012Basic,
  province2017Funding935,
  city2017Funding1150,
];

export const DEFAULT_STANDARD_ID = national2017Quality.id;

/** Finds a pack by id or by its Chinese name (as a clerk would type it in a formula). */
export function getStandard(idOrName: string = DEFAULT_STANDARD_ID): Result<RulePack> {
  const key = idOrName.trim();
  const pack = STANDARDS.find((p) => p.id === key || p.name === key);
  if (pack) return ok(pack);
  const known = STANDARDS.map((p) => p.id).join('、');
  return fail('unknown_standard', `未知的评估标准“${key}”，可用：${known}`);
}

// Clerks type names as they see them; brackets, commas and spaces vary between full and half width.
const normalizeName = (s: string): string =>
  s.replace(/[\s\u3000]/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/[、，]/g, ',');

// Also without bracketed words, as clerks shorten them: 师生比, 每百名学生拥有体育、艺术专任教师数.
const INDICATOR_BY_NAME = new Map<string, IndicatorId>(
  INDICATOR_IDS.flatMap((id) => [
    [normalizeName(id), id],
    [normalizeName(INDICATOR_INFO[id].name), id],
    [normalizeName(INDICATOR_INFO[id].name.replace(/（[^）]*）/g, '')), id],
  ]),
);

/** Finds an indicator by id or Chinese name. */
export function getIndicator(idOrName: string): Result<IndicatorId> {
  const found = INDICATOR_BY_NAME.get(normalizeName(idOrName));
  if (found) return ok(found);
  return fail('unknown_indicator', `未知的指标“${idOrName.trim()}”；可用指标 id 或中文名，如 books_per_student 或 生均图书册数`);
}
