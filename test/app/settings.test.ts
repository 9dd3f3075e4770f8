import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/app/settings.ts';
import type { WorkbookSettings } from '../../src/hosts/types.ts';

const sheets = [{ name: '台账', values: [] }, { name: '县级指标', values: [] }];
const saved: WorkbookSettings = { version: 1, standard: 'national-2012-basic', sheet: '旧台账', mapping: { books: 'F' }, evaluation: { relaxations: false } };

describe('saved settings, resolved once for pane, validate and roll-up', () => {
  it('forgets a saved sheet that was renamed or deleted, keeps one that is there', () => {
    expect(resolveSettings(saved, sheets).sheet).toBeUndefined();
    expect(resolveSettings({ ...saved, sheet: '台账' }, sheets).sheet).toBe('台账');
  });

  it('given options win; mapping and evaluation settings merge over the saved ones', () => {
    const r = resolveSettings(saved, sheets, { standard: 'national-2017-quality', sheet: '县级指标', mapping: { teaching_area: 'G' }, evaluation: { mergeCampuses: true } });
    expect(r).toEqual({
      standard: 'national-2017-quality',
      sheet: '县级指标',
      mapping: { books: 'F', teaching_area: 'G' },
      evaluation: { relaxations: false, mergeCampuses: true },
    });
  });

  it('nothing saved and nothing given resolves to nothing', () => {
    expect(resolveSettings(null, sheets)).toEqual({ standard: undefined, sheet: undefined, mapping: undefined, evaluation: undefined });
  });
});
