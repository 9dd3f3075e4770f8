import { INDICATOR_IDS, INDICATORS, type IndicatorId } from '../model/indicators.ts';

/** The name and unit a pack's rule carries for each indicator, from the registry (model/indicators.ts). */
export const INDICATOR_INFO: Record<IndicatorId, { name: string; unit: string }> = Object.fromEntries(
  INDICATOR_IDS.map((id) => [id, { name: INDICATORS[id].name, unit: INDICATORS[id].unit }]),
) as Record<IndicatorId, { name: string; unit: string }>;
