// Ribbon commands: the ids the manifest names are associated, Office is always told the command ended, and the
// pane is shown with the result or the failure.
import { describe, expect, it } from 'vitest';
import { COMMAND_IDS, registerCommands } from '../../src/hosts/excel/commands.ts';
import { PaneBridge } from '../../src/taskpane/bridge.ts';

type Handler = (event: Office.AddinCommands.Event) => void;

function ribbon() {
  const handlers = new Map<string, Handler>();
  const associate = (id: string, fn: Handler) => handlers.set(id, fn);
  const click = (id: string) =>
    new Promise<void>((resolve) => handlers.get(id)!({ completed: () => resolve() } as unknown as Office.AddinCommands.Event));
  return { handlers, associate, click };
}

describe('registerCommands', () => {
  it('associates 校验全县 and 清除标注 under the manifest ids and completes each click', async () => {
    const r = ribbon();
    const calls: string[] = [];
    expect(registerCommands({ validate: async () => void calls.push('validate'), clear: async () => void calls.push('clear') }, r.associate)).toBe(true);
    expect([...r.handlers.keys()]).toEqual([COMMAND_IDS.validate, COMMAND_IDS.clear]);
    await r.click('validateCounty');
    await r.click('clearAnnotations');
    expect(calls).toEqual(['validate', 'clear']);
  });

  it('reports a failure in Chinese and still completes the command', async () => {
    const r = ribbon();
    const messages: string[] = [];
    registerCommands(
      { validate: () => Promise.reject(new Error('未找到台账')), clear: async () => {}, onError: (m) => messages.push(m) },
      r.associate,
    );
    await r.click('validateCounty');
    expect(messages).toEqual(['校验全县失败：未找到台账']);
  });

  it('does nothing outside Office (browser mode)', () => {
    expect(registerCommands({ validate: async () => {}, clear: async () => {} })).toBe(false);
  });
});

describe('a ribbon command shows the pane when it ends', () => {
  it('after a success, then tells Office the command ended', async () => {
    const r = ribbon();
    const log: string[] = [];
    registerCommands(
      { validate: async () => void log.push('validate'), clear: async () => {}, showPane: async () => void log.push('show') },
      r.associate,
    );
    await r.click('validateCounty').then(() => log.push('completed'));
    expect(log).toEqual(['validate', 'show', 'completed']);
  });

  it('after a failure, once the message is in the pane', async () => {
    const r = ribbon();
    const log: string[] = [];
    registerCommands(
      {
        validate: async () => {},
        clear: () => Promise.reject(new Error('工作表受保护')),
        onError: (m) => log.push(m),
        showPane: async () => void log.push('show'),
      },
      r.associate,
    );
    await r.click('clearAnnotations');
    expect(log).toEqual(['清除标注失败：工作表受保护', 'show']);
  });

  it('still completes when the pane cannot be shown (an Excel without SharedRuntime 1.1)', async () => {
    const r = ribbon();
    let done = false;
    registerCommands({ validate: async () => {}, clear: async () => {}, showPane: () => Promise.reject(new Error('not supported')) }, r.associate);
    await r.click('validateCounty').then(() => (done = true));
    expect(done).toBe(true);
  });

  it('uses Office.addin.showAsTaskpane by default', async () => {
    const r = ribbon();
    let shown = 0;
    const g = globalThis as { Office?: unknown };
    const before = g.Office;
    g.Office = { addin: { showAsTaskpane: async () => void shown++ } };
    try {
      registerCommands({ validate: async () => {}, clear: async () => {} }, r.associate);
      await r.click('validateCounty');
    } finally {
      g.Office = before;
    }
    expect(shown).toBe(1);
  });
});

describe('PaneBridge', () => {
  it('keeps a ribbon failure from before the pane mounted and shows it when the pane does', () => {
    const fallback: string[] = [];
    const bridge = new PaneBridge({ validate: async () => {}, clear: async () => {}, showError: (m) => fallback.push(m) });
    bridge.showError('校验全县失败：未找到台账');
    expect(fallback).toEqual(['校验全县失败：未找到台账']);
    const shown: string[] = [];
    bridge.current = { validate: async () => {}, clear: async () => {}, showError: (m) => shown.push(m) };
    expect(shown).toEqual(['校验全县失败：未找到台账']);
    bridge.current = { validate: async () => {}, clear: async () => {}, showError: (m) => shown.push(m) };
    expect(shown).toHaveLength(1); // shown once, not on every render
  });
});
