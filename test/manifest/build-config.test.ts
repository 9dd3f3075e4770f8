// The webpack configuration: the two entries of the shared runtime, exceljs's browser build, functions.json
// from the metadata plugin, and office.js copied locally with its telemetry frame disabled.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- webpack.config.js is plain JavaScript with no declaration file
import makeConfig from '../../webpack.config.js';

const require = createRequire(import.meta.url);
const config = (await makeConfig({}, { mode: 'production' })) as {
  entry: Record<string, string>;
  resolve: { alias: Record<string, string> };
  plugins: { constructor: { name: string }; options?: Record<string, unknown>; patterns?: { from: string; transform?: (b: Buffer) => Buffer }[]; userOptions?: Record<string, unknown> }[];
};

describe('webpack.config.js', () => {
  it('builds the functions and task pane entries into one page, functions first', () => {
    expect(config.entry).toEqual({ functions: './src/functions/excel.ts', taskpane: './src/taskpane/index.tsx' });
    const html = config.plugins.find((p) => p.constructor.name === 'HtmlWebpackPlugin')!;
    expect(html.userOptions).toMatchObject({ filename: 'taskpane.html', chunks: ['functions', 'taskpane'], chunksSortMode: 'manual' });
  });

  it('uses exceljs’s browser build and generates functions.json from excel.ts', () => {
    expect(config.resolve.alias).toEqual({ exceljs$: 'exceljs/dist/exceljs.min.js' });
    const meta = config.plugins.find((p) => p.constructor.name === 'CustomFunctionsMetadataPlugin')!;
    expect(meta.options).toEqual({ input: './src/functions/excel.ts', output: 'functions.json' });
  });

  it('copies office.js and its Excel files locally, with the telemetry frame pointed at about:blank', () => {
    const copy = config.plugins.find((p) => Array.isArray(p.patterns))!;
    const office = copy.patterns!.filter((p) => p.from === 'office.js' || p.from.startsWith('excel-'));
    expect(office.map((p) => p.from)).toEqual(['office.js', 'excel-*.js']);
    // The real file that carries the frame's address, through the real transform.
    const original = readFileSync(require.resolve('@microsoft/office-js/dist/o15apptofilemappingtable.js'));
    expect(original.toString()).toContain('telemetryservice.firstpartyapps.oaspapps.com');
    const copied = office[0].transform!(original).toString();
    expect(copied).not.toContain('telemetryservice');
    expect(copied).toContain('about:blank');
  });
});
