import { describe, expect, it, vi } from 'vitest';
import type { ValidateOutcome } from '../../src/app/types.ts';
import type { Host } from '../../src/hosts/types.ts';
import { CONTROLS, createRibbon, type RibbonPipeline, type WpsPaneRoot } from '../../src/wps/ribbon.ts';

const root: WpsPaneRoot = {
  CreateTaskPane: () => ({ ID: 1, Visible: false, DockPosition: 0 }),
  GetTaskPane: () => null,
  PluginStorage: { getItem: () => null, setItem: () => undefined },
};
const host = {} as Host;

function setup(pipeline: Partial<RibbonPipeline>) {
  const notify = vi.fn<(m: string) => void>();
  const full: RibbonPipeline = { validate: vi.fn(), clear: vi.fn(async () => ({ restored: 0, left: [] })), ...pipeline };
  return { notify, pipeline: full, ribbon: createRibbon({ root, host: () => host, pipeline: full, paneUrl: 'file:///x/ui/taskpane.html', notify }) };
}

describe('ribbon actions', () => {
  it('ignores a second 校验全县 while the first is still running', async () => {
    let finish: (o: ValidateOutcome) => void = () => undefined;
    const validate = vi.fn(() => new Promise<ValidateOutcome>((resolve) => (finish = resolve)));
    const { ribbon, notify } = setup({ validate });
    const first = ribbon.runAction(CONTROLS.validate);
    await ribbon.runAction(CONTROLS.validate);
    expect(validate).toHaveBeenCalledTimes(1);
    const failed: ValidateOutcome = { ledger: { ok: false, message: '未找到台账', problems: [] }, error: '未找到台账：工作簿中没有台账', problems: [] };
    finish(failed);
    await first;
    expect(notify).toHaveBeenCalledWith('校验未完成：未找到台账：工作簿中没有台账');
    const again = ribbon.runAction(CONTROLS.validate); // free again once the first has finished
    expect(validate).toHaveBeenCalledTimes(2);
    finish(failed);
    await again;
  });

  it('tells the user in Chinese when an action fails', async () => {
    const { ribbon, notify } = setup({ clear: async () => Promise.reject(new Error('找不到工作表 台账。')) });
    await ribbon.runAction(CONTROLS.clear);
    expect(notify).toHaveBeenCalledWith('操作未完成：找不到工作表 台账。');
  });

  it('lists the marks clear left because their cells could not be found again (rows moved), after saying it cleared', async () => {
    const left = [{ sheet: '台账', cell: 'J8', reason: '找不到学校“七小”所在的行（可能已删除或改名）' }];
    const { ribbon, notify } = setup({ clear: async () => ({ restored: 3, left }) });
    await ribbon.runAction(CONTROLS.clear);
    expect(notify).toHaveBeenCalledWith(
      '已清除本工具添加的标注和报告工作表，台账恢复原样。\n以下 1 处标注无法确定对应的单元格，保留原样，请手工检查：\n台账!J8：找不到学校“七小”所在的行（可能已删除或改名）',
    );
  });

  it('names the sheet the report was actually written to (均衡校验报告(2) beside a clerk’s sheet of that name)', async () => {
    const done = { ledger: { ok: true }, evaluation: { report: { pass: false, stages: {} } }, plan: { marks: [{}, {}] }, problems: [], reportSheet: '均衡校验报告(2)' } as unknown as ValidateOutcome;
    const { ribbon, notify } = setup({ validate: vi.fn(async () => done) });
    await ribbon.runAction(CONTROLS.validate);
    expect(notify).toHaveBeenCalledWith('校验完成：全县未达标。\n已标注 2 个单元格，详见工作表“均衡校验报告(2)”。');
  });
});
