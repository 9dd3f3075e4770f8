// Pieces of the pane that need no browser: Office detection, locale choice, the ribbon bridge, display precision.
import { afterEach, describe, expect, it } from 'vitest';
import { FLAG_FIELDS, NUMERIC_FIELDS, TEXT_FIELDS } from '../../src/core/types.ts';
import { REQUIRED_FIELDS } from '../../src/ledger/template.ts';
import { PaneBridge, type PaneActions } from '../../src/taskpane/bridge.ts';
import { MAPPABLE_FIELDS } from '../../src/taskpane/fields.ts';
import { formatCV, formatLimit, formatMean } from '../../src/taskpane/format.ts';
import { detectMode } from '../../src/taskpane/office.ts';
import { STRINGS, pickLocale } from '../../src/taskpane/strings.ts';

const g = globalThis as { Office?: unknown };

describe('detectMode', () => {
  afterEach(() => {
    delete g.Office;
  });

  it('is browser mode without office.js', async () => {
    expect(await detectMode(50)).toEqual({ kind: 'browser' });
  });

  it('is browser mode when office.js reports no host (a plain browser)', async () => {
    g.Office = { onReady: async () => ({ host: null }), HostType: { Excel: 'Excel' } };
    expect(await detectMode(1000)).toEqual({ kind: 'browser' });
  });

  it('gives up waiting when Office.onReady never settles', async () => {
    g.Office = { onReady: () => new Promise(() => {}), HostType: { Excel: 'Excel' } };
    const started = Date.now();
    expect(await detectMode(100)).toEqual({ kind: 'browser' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('is Excel mode with Office display language when Office reports Excel', async () => {
    g.Office = { onReady: async () => ({ host: 'Excel' }), HostType: { Excel: 'Excel' }, context: { displayLanguage: 'en-US' } };
    expect(await detectMode(1000)).toEqual({ kind: 'excel', language: 'en-US' });
  });

  it('is browser mode in another Office host (Word)', async () => {
    g.Office = { onReady: async () => ({ host: 'Word' }), HostType: { Excel: 'Excel' } };
    expect(await detectMode(1000)).toEqual({ kind: 'browser' });
  });
});

describe('pickLocale', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en-US', 'en-US'],
    ['en', 'en-US'],
    ['EN-gb', 'en-US'],
    ['fr-FR', 'zh-CN'],
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
  ])('%s → %s', (lang, locale) => expect(pickLocale(lang)).toBe(locale));

  it('has every string in both languages', () => {
    expect(Object.keys(STRINGS['en-US']).sort()).toEqual(Object.keys(STRINGS['zh-CN']).sort());
  });
});

describe('PaneBridge', () => {
  const recorder = () => {
    const calls: string[] = [];
    const actions: PaneActions = {
      validate: async () => void calls.push('validate'),
      clear: async () => void calls.push('clear'),
      showError: (m) => void calls.push(`error:${m}`),
    };
    return { calls, actions };
  };

  it('runs the pipeline directly until a pane mounts, then drives the pane, and falls back when it unmounts', async () => {
    const fallback = recorder();
    const pane = recorder();
    const bridge = new PaneBridge(fallback.actions);
    await bridge.validate();
    bridge.current = pane.actions;
    await bridge.validate();
    await bridge.clear();
    bridge.showError('校验全县失败');
    bridge.current = null;
    await bridge.clear();
    expect(fallback.calls).toEqual(['validate', 'clear']);
    expect(pane.calls).toEqual(['validate', 'clear', 'error:校验全县失败']);
  });
});

describe('display precision (national template: CVs 3 decimals, means 2)', () => {
  it('rounds for display only and shows a dash for missing figures', () => {
    // The rules' worked example: weighted CV 0.51526 of 生均图书册数, county value 1913/302.
    expect(formatCV(0.51526)).toBe('0.515');
    expect(formatMean(1913 / 302)).toBe('6.33');
    expect(formatLimit(0.5)).toBe('0.50');
    expect(formatCV(null)).toBe('—');
    expect(formatMean(Number.NaN)).toBe('—');
  });
});

describe('mapping dropdowns', () => {
  it('offer every canonical field once, each with a Chinese label, the required ones marked', () => {
    const all = [...NUMERIC_FIELDS, ...TEXT_FIELDS, ...FLAG_FIELDS];
    expect(MAPPABLE_FIELDS.map((f) => f.field).sort()).toEqual([...all].sort());
    for (const f of MAPPABLE_FIELDS) expect(f.label, f.field).toMatch(/[\u4e00-\u9fff]/);
    expect(MAPPABLE_FIELDS.filter((f) => f.required).map((f) => f.field).sort()).toEqual([...REQUIRED_FIELDS].sort());
  });
});
