// Ribbon callbacks of the 均衡督导 tab (wps/ribbon.xml). WPS calls them by global name (wps-notes §1 [N]
// et/js/ribbon.js); they only start work: the rules run in the shared pipeline, the workbook is touched
// through the host.
import type { ValidateOptions, ValidateOutcome } from '../app/types.ts';
import { REPORT_SHEET } from '../core/plan.ts';
import { STAGES } from '../core/types.ts';
import type { Cleared, Host } from '../hosts/types.ts';
import { leftLines } from '../plan/identity.ts';

/** Control ids in ribbon.xml; the labels there are Chinese. */
export const CONTROLS = { validate: 'btnValidate', clear: 'btnClear', pane: 'btnPane' } as const;

/** Where the pane's id is kept so 打开面板 toggles one pane instead of opening another (wps-notes §3). */
export const PANE_ID_KEY = 'balance_taskpane_id';
export const PANE_TITLE = '均衡督导助手';
const DOCK_RIGHT = 2; // msoCTPDockPositionRight

export interface WpsTaskPane {
  readonly ID: number;
  Visible: boolean;
  DockPosition: number;
}

/** The slice of the `wps` root (et-jsapi-declare index.d.ts, WPS.AddonRoot) the ribbon uses. */
export interface WpsPaneRoot {
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane | null | undefined;
  readonly PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: string | number | boolean): void };
}

export interface RibbonPipeline {
  validate(host: Host, options: ValidateOptions): Promise<ValidateOutcome>;
  clear(host: Host): Promise<Cleared>;
}

export interface RibbonDeps {
  root: WpsPaneRoot;
  host: () => Host;
  pipeline: RibbonPipeline;
  /** Absolute URL of ui/taskpane.html. */
  paneUrl: string;
  /** Tells the user the outcome (alert in WPS). */
  notify: (message: string) => void;
}

export interface Control {
  Id: string;
}

export function createRibbon(deps: RibbonDeps) {
  // A second click while a validation or clear is still writing would interleave two runs on one workbook.
  let busy = false;
  const runAction = async (id: string): Promise<void> => {
    if (id === CONTROLS.pane) return togglePane(deps);
    if (busy) return;
    busy = true;
    try {
      if (id === CONTROLS.validate) deps.notify(await validate(deps));
      else if (id === CONTROLS.clear) {
        const { left } = await deps.pipeline.clear(deps.host());
        deps.notify(['已清除本工具添加的标注和报告工作表，台账恢复原样。', ...leftLines(left)].join('\n'));
      }
    } catch (e) {
      deps.notify(`操作未完成：${(e as Error).message}`);
    } finally {
      busy = false;
    }
  };
  return {
    runAction,
    OnAddinLoad: (_ribbonUI: unknown) => true,
    OnAction: (control: Control) => {
      void runAction(control.Id);
      return true;
    },
    GetImage: (control: Control) => `images/${control.Id}.svg`,
    OnGetEnabled: (_control: Control) => true,
  };
}

/** 校验全县 with the settings saved in the workbook (the pipeline reads them); returns the message to show. */
async function validate({ host, pipeline }: RibbonDeps): Promise<string> {
  const outcome = await pipeline.validate(host(), {});
  if (outcome.error || !outcome.evaluation) return `校验未完成：${outcome.error ?? '未能读取台账'}`;
  const { pass, reason, stages } = outcome.evaluation.report;
  const verdict = pass === true ? '达标' : pass === false ? '未达标' : '未评估';
  // 未评估 is never left unexplained: the county's reason, then each stage's data gaps naming sheet and cells.
  const gaps = STAGES.flatMap((st) => stages[st]?.reason ?? []);
  const marks = outcome.plan?.marks.length ?? 0;
  const problems = outcome.problems.length;
  return [
    `校验完成：全县${verdict}${reason ? `（${reason}）` : ''}。`,
    ...gaps,
    `已标注 ${marks} 个单元格${problems ? `，数据问题 ${problems} 条` : ''}，详见工作表“${outcome.reportSheet ?? REPORT_SHEET}”。`,
    ...leftLines(outcome.left ?? []),
  ].join('\n');
}

function togglePane({ root, paneUrl }: RibbonDeps): void {
  const saved = root.PluginStorage.getItem(PANE_ID_KEY);
  const existing = saved !== null && saved !== undefined && saved !== '' ? root.GetTaskPane(Number(saved)) : null;
  if (existing) {
    existing.Visible = !existing.Visible;
    return;
  }
  const pane = root.CreateTaskPane(paneUrl, PANE_TITLE);
  pane.DockPosition = DOCK_RIGHT;
  pane.Visible = true;
  root.PluginStorage.setItem(PANE_ID_KEY, pane.ID);
}
