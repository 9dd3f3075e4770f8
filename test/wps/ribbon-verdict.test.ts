// 校验全县 from the ribbon on ledgers that cannot be judged: the alert says 未评估 and why (the county's
// reason, then each stage's data gaps naming sheet and cells), never 达标. The real pipeline over the ET
// stand-in, as in WPS.
import { describe, expect, it, vi } from 'vitest';
import { clearWorkbook, validateWorkbook } from '../../src/app/validate.ts';
import { WpsHost, type EtApplication } from '../../src/hosts/wps/index.ts';
import { CONTROLS, createRibbon, type WpsPaneRoot } from '../../src/wps/ribbon.ts';
import { ledgerGrid, PASSING } from '../cli/fixtures.ts';
import { StandinApp } from './et-standin.ts';

const root: WpsPaneRoot = {
  CreateTaskPane: () => ({ ID: 1, Visible: false, DockPosition: 0 }),
  GetTaskPane: () => null,
  PluginStorage: { getItem: () => null, setItem: () => undefined },
};

async function ribbonMessage(rows: (string | number | null)[][]): Promise<string> {
  const app = new StandinApp(['台账']);
  app.sheet('台账').load(rows);
  const notify = vi.fn<(m: string) => void>();
  const ribbon = createRibbon({ root, host: () => new WpsHost(app as unknown as EtApplication), pipeline: { validate: validateWorkbook, clear: clearWorkbook }, paneUrl: 'file:///x/ui/taskpane.html', notify });
  await ribbon.runAction(CONTROLS.validate);
  expect(notify).toHaveBeenCalledTimes(1);
  return notify.mock.calls[0][0];
}

const COUNTY_OPEN = '资源配置、政府保障程度、教育质量、社会认可度未评估，县域结论无法认定';

describe('the ribbon’s message for a ledger that cannot be judged', () => {
  it('a blank enrolment: 未评估 with the county’s reason and the stage’s cell', async () => {
    const rows = ledgerGrid(PASSING);
    const col = rows[0].indexOf('小学在校生数');
    rows[2][col] = null; // 城关第二小学, row 3
    const letter = String.fromCharCode(65 + col);
    const message = await ribbonMessage(rows);
    const lines = message.split('\n');
    expect(lines[0]).toBe(`校验完成：全县未评估（${COUNTY_OPEN}）。`);
    expect(lines[1]).toBe(`小学数据不全，未评估：工作表“台账” ${letter}3 在校生数为空或无法读取`);
    expect(lines[2]).toMatch(/^已标注 \d+ 个单元格，数据问题 \d+ 条，详见工作表“均衡校验报告”。$/);
    expect(message).not.toContain('全县达标');
  });

  it('an enrolment column no header maps to: the stage’s reason names the column', async () => {
    const rows = ledgerGrid(PASSING, { headers: { students_primary: '小学部学生' } });
    const message = await ribbonMessage(rows);
    expect(message.split('\n').slice(0, 2)).toEqual([
      `校验完成：全县未评估（${COUNTY_OPEN}）。`,
      '小学数据不全，未评估：工作表“台账”没有“小学在校生数”列（表头未对应）',
    ]);
  });
});
