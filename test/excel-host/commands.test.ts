// Ribbon commands: the ids the manifest names are associated, and Office is always told the command ended.
import { describe, expect, it } from 'vitest';
import { COMMAND_IDS, registerCommands } from '../../src/hosts/excel/commands.ts';

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
