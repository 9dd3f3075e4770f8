// Ribbon commands of manifest.xml (校验全县, 清除标注). In the shared runtime they run in the task pane's
// JavaScript, so the pane entry calls registerCommands once with its own handlers after Office.onReady.
// The pane page runs whether or not the pane is open, so a command's result or failure would land in a
// hidden pane: every command therefore ends by showing the pane (Office.addin.showAsTaskpane, SharedRuntime 1.1).

/** Action ids exactly as manifest.xml names them in <FunctionName>. */
export const COMMAND_IDS = { validate: 'validateCounty', clear: 'clearAnnotations' } as const;

export interface CommandHandlers {
  /** Runs 校验全县 with the saved mapping and standard (the pane shows the result when opened). */
  validate: () => Promise<void>;
  /** Runs 清除标注. */
  clear: () => Promise<void>;
  /** Where a failure message goes (the pane's message bar); it is shown in Chinese. */
  onError?: (message: string) => void;
  /** Shows the task pane; default Office.addin.showAsTaskpane. */
  showPane?: () => Promise<void>;
}

function officeShowPane(): Promise<void> {
  const addin = typeof Office !== 'undefined' ? (Office as { addin?: { showAsTaskpane?: () => Promise<void> } }).addin : undefined;
  return addin?.showAsTaskpane ? addin.showAsTaskpane() : Promise.resolve();
}

type Associate = (id: string, fn: (event: Office.AddinCommands.Event) => void) => void;

/** Registers the ribbon commands; returns false outside Office (browser mode), where there is no ribbon. */
export function registerCommands(handlers: CommandHandlers, associate?: Associate): boolean {
  const target = associate ?? (typeof Office !== 'undefined' ? Office.actions?.associate?.bind(Office.actions) : undefined);
  if (!target) return false;
  const showPane = handlers.showPane ?? officeShowPane;
  const wrap = (job: () => Promise<void>, label: string) => (event: Office.AddinCommands.Event) => {
    job()
      .catch((e: unknown) => handlers.onError?.(`${label}失败：${e instanceof Error ? e.message : String(e)}`))
      // The message (or the results) are in the pane: show it. Older hosts without the API keep it hidden.
      .then(() => showPane())
      .catch((e: unknown) => console.warn(`无法打开任务窗格：${e instanceof Error ? e.message : String(e)}`))
      // Office waits for completed() before it runs another command from the ribbon.
      .finally(() => event.completed());
  };
  target(COMMAND_IDS.validate, wrap(handlers.validate, '校验全县'));
  target(COMMAND_IDS.clear, wrap(handlers.clear, '清除标注'));
  return true;
}
