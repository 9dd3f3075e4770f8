// 插入“县级指标”工作表: the add-in creates the county sheet for the chosen standard, for the clerk to fill in.
import type { Host } from '../hosts/types.ts';
import { COUNTY_SHEET, COUNTY_SHEET_WIDTHS, countySheetGrid } from '../ledger/county-sheet.ts';
import { getStandard } from '../standards/index.ts';

export type InsertResult = 'added' | 'exists';

export async function insertCountySheet(host: Host, standardId: string | undefined, countyName = ''): Promise<InsertResult> {
  const pack = getStandard(standardId);
  if (!pack.ok) throw new Error(pack.message);
  return (await host.addSheet(COUNTY_SHEET, countySheetGrid(pack.value, countyName), COUNTY_SHEET_WIDTHS)) ? 'added' : 'exists';
}
