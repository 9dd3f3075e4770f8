// What an addition to each indicator's numerator is counted in, how finely, and what it costs (rules §7).
import { INDICATOR_IDS, INDICATORS, type IndicatorId, type ResourceKind, type ResourceUnit, type UnitCosts } from '../../model/indicators.ts';
import { fail, ok, type Result } from '../../model/result.ts';

export type { ResourceKind, ResourceUnit, UnitCosts };

/** What an addition to each indicator's numerator is counted in, from the registry. */
export const RESOURCE_UNITS: Record<IndicatorId, ResourceUnit> = Object.fromEntries(INDICATOR_IDS.map((id) => [id, INDICATORS[id].resource])) as Record<IndicatorId, ResourceUnit>;

/** Chinese names of the resources, for the settings file's documentation and the report. */
export const RESOURCE_NAMES: Record<ResourceKind, string> = {
  teacher: '教师（每人每年）',
  teaching_area: '教学及辅助用房（每㎡）',
  sports_area: '体育运动场馆（每㎡）',
  equipment: '教学仪器设备（每元）',
  multimedia_room: '网络多媒体教室（每间）',
  computer: '计算机（每台）',
  book: '图书（每册）',
};

/** The cost in 元 of one unit of an indicator's numerator, or null when the county set none. */
export function unitCostOf(id: IndicatorId, costs: UnitCosts | undefined): number | null {
  const c = costs?.[id] ?? costs?.[RESOURCE_UNITS[id].kind];
  return c === undefined || !Number.isFinite(c) || c < 0 ? null : c;
}

/** The smallest multiple of `step` at or above x (x ≥ 0), clear of binary noise just above a multiple. */
export function ceilToStep(x: number, step: number): number {
  if (x <= 0) return 0;
  const k = Math.ceil(x / step - 1e-9);
  return step === 1 ? k : onGrid(k, step);
}

/** The largest multiple of `step` at or below x (x ≥ 0). */
export function floorToStep(x: number, step: number): number {
  if (x <= 0) return 0;
  const k = Math.floor(x / step + 1e-9);
  return step === 1 ? k : onGrid(k, step);
}

/** k steps of `step` (0.01), as the decimal it stands for rather than k × 0.01 with binary noise. */
const onGrid = (k: number, step: number): number => {
  const perUnit = Math.round(1 / step);
  return k / perUnit;
};

const KNOWN_KEYS = new Set<string>([...Object.keys(RESOURCE_NAMES), ...Object.keys(RESOURCE_UNITS)]);

/**
 * A unit-cost setting as a county writes it (JSON): { "teacher": 120000, "sports_area": 800, … } in 元 per unit.
 * Keys starting with "_" are remarks. Unknown keys and values that are not non-negative numbers are errors
 * naming the key, so a typo never silently costs the plan at 0.
 */
export function parseUnitCosts(data: unknown): Result<UnitCosts> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('invalid_value', '单价设置应为一个对象，如 {"teacher": 120000, "sports_area": 800}');
  const out: UnitCosts = {};
  for (const [key, value] of Object.entries(data)) {
    if (key.startsWith('_')) continue;
    if (!KNOWN_KEYS.has(key)) return fail('invalid_value', `单价设置中的“${key}”不是可用的项目；可用：${Object.keys(RESOURCE_NAMES).join('、')}，或指标 id`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return fail('invalid_value', `单价设置“${key}”应为不小于 0 的数（元/单位），实际为 ${JSON.stringify(value)}`);
    out[key as keyof UnitCosts] = value;
  }
  return ok(out);
}
