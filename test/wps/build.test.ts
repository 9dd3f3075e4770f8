// Runs the WPS build into a temp dir (unminified, to keep this file near 40 s), checks that dist/wps holds
// everything the deployment steps in docs/wps.md name, and opens the built task pane in headless Chromium
// with the ET stand-in as WPS's global Application.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'acorn'; // webpack's own parser
import { XMLParser } from 'fast-xml-parser';
import { chromium } from 'playwright-core';
import webpack from 'webpack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDIN_NAME, buildWps, type BuildResult } from '../../scripts/build-wps.ts';
import { FUNCTIONS } from '../../src/functions/definitions.ts';
import { WPS_NAMESPACE } from '../../src/wps/functions.ts';
import { CONTROLS } from '../../src/wps/ribbon.ts';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
let tmp: string;
let result: BuildResult;
const read = (p: string) => readFileSync(path.join(result.outDir, p), 'utf8');
const folder = () => path.basename(result.addinDir);

/** Paths listed in docs/wps.md's dist tree, relative to dist/wps/. */
function documentedPaths(): string[] {
  const doc = readFileSync(new URL('../../docs/wps.md', import.meta.url), 'utf8');
  const block = /<!-- dist-tree[^>]*-->\s*```\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error('docs/wps.md has no dist-tree block');
  const stack: { indent: number; dir: string }[] = [];
  const out: string[] = [];
  for (const line of block.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const indent = line.length - line.trimStart().length;
    const name = line.trim().split(/\s+/)[0];
    while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
    const full = [...stack.map((s) => s.dir), name].join('');
    if (name.endsWith('/')) stack.push({ indent, dir: name });
    else out.push(full);
  }
  return out;
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'wps-build-'));
  mkdirSync(path.join(tmp, 'wps'));
  writeFileSync(path.join(tmp, 'wps', 'stale.txt'), 'from an earlier build');
  result = await buildWps({ outDir: path.join(tmp, 'wps'), mode: 'development' });
}, 300_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('dist/wps', () => {
  it('contains every path docs/wps.md names', () => {
    const paths = documentedPaths();
    expect(paths).toEqual(expect.arrayContaining([`${folder()}/ribbon.xml`, 'jsplugins.xml', 'publish.xml', 'README-deploy.txt']));
    const missing = paths.filter((p) => !existsSync(path.join(result.outDir, p)));
    expect(missing).toEqual([]);
    expect(existsSync(path.join(result.outDir, 'stale.txt'))).toBe(false); // replaced as a whole
    expect(readdirSync(tmp)).toEqual(['wps']); // no staging dir left behind
    // WPS's Chromium version is unstated: both bundles, libraries included, must parse as ES2017.
    for (const bundle of ['main.js', 'ui/taskpane.js']) {
      expect(() => parse(read(`${folder()}/${bundle}`), { ecmaVersion: 2017, sourceType: 'script' }), bundle).not.toThrow();
    }
  });

  it('has a ribbon whose callbacks and icons exist', () => {
    const text = read(`${folder()}/ribbon.xml`);
    expect(text.startsWith('<customUI')).toBe(true);
    const ui = xml.parse(text).customUI;
    expect(ui.onLoad).toBe('OnAddinLoad');
    const tab = ui.ribbon.tabs.tab;
    expect(tab.label).toBe('均衡督导');
    const buttons = tab.group.button as Record<string, string>[];
    expect(buttons.map((b) => b.label)).toEqual(['校验全县', '清除标注', '打开面板']);
    expect(buttons.map((b) => b.id)).toEqual([CONTROLS.validate, CONTROLS.clear, CONTROLS.pane]);
    for (const b of buttons) {
      expect([b.onAction, b.getImage, b.getEnabled]).toEqual(['OnAction', 'GetImage', 'OnGetEnabled']);
      expect(existsSync(path.join(result.addinDir, 'images', `${b.id}.svg`))).toBe(true);
    }
  });

  it('declares the BALANCE functions in manifest.xml and a generated functions.json', () => {
    const manifest = xml.parse(read(`${folder()}/manifest.xml`)).JsPlugin;
    expect(manifest.Name).toBe(ADDIN_NAME);
    expect(manifest.Functions).toEqual({ Uri: '/functions.json', Namespace: WPS_NAMESPACE });
    const json = JSON.parse(read(`${folder()}/functions.json`)) as { functions: { name: string; parameters: { type: string }[]; result: { type: string } }[] };
    expect(json.functions.map((f) => f.name)).toEqual(FUNCTIONS.map((f) => f.id));
    for (const f of json.functions) {
      expect(f.name).toMatch(/^[a-zA-Z_][a-zA-Z0-9_]*$/);
      for (const t of [...f.parameters.map((p) => p.type), f.result.type]) expect(t).toMatch(/^(string|number|bool|any)(\[\]\[\])?\??$/);
    }
  });

  it('has the pages, the bundle and the add-in package info', () => {
    expect(read(`${folder()}/index.html`)).toContain('<script src="main.js"></script>');
    expect(read(`${folder()}/ui/taskpane.html`)).toContain('<script src="taskpane.js"></script>');
    expect(read(`${folder()}/main.js`)).toContain('AddCustomFunction');
    expect(JSON.parse(read(`${folder()}/package.json`))).toEqual({ name: ADDIN_NAME, version: result.version, addonType: 'et' });
    expect(folder()).toBe(`${ADDIN_NAME}_${result.version}`);
  });

  it('has jsplugins.xml and publish.xml samples pointing at the add-in', () => {
    const offline = xml.parse(read('jsplugins.xml')).jsplugins.jsplugin;
    expect(offline).toMatchObject({ name: ADDIN_NAME, type: 'et', version: result.version, enable: 'true' });
    const publish = xml.parse(read('publish.xml')).jsplugins.jsplugin;
    expect(publish).toMatchObject({ name: ADDIN_NAME, type: 'et', url: folder(), version: result.version, enable: 'enable_dev' });
  });

  it('has the Chinese deployment steps, marked as not yet verified', () => {
    const readme = read('README-deploy.txt');
    expect(readme).toContain('\r\n'); // Notepad on older Windows
    for (const s of [
      '尚未在运行中的 WPS 上验证',
      '12.1.0.20540',
      folder(),
      '%APPDATA%\\kingsoft\\wps\\jsaddons\\',
      '~/.local/share/Kingsoft/wps/jsaddons/',
      'office6\\cfgs\\oem.ini',
      'JsApiPlugin=true',
      'JSPluginsServer=',
      'publish.xml',
      '重启 WPS',
    ]) {
      expect(readme).toContain(s);
    }
  });
});


/** The stand-in and the sample ledger as one browser script. */
function bundleFake(outDir: string): Promise<string> {
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    target: ['web', 'es2017'],
    entry: fileURLToPath(new URL('./browser-fake.ts', import.meta.url)),
    output: { path: outDir, filename: 'fake.js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          options: { transpileOnly: true, compilerOptions: { noEmit: false, allowImportingTsExtensions: false, module: 'esnext' } },
        },
      ],
    },
  });
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err || stats?.hasErrors()) reject(err ?? new Error(stats?.toString({ all: false, errors: true })));
      else resolve(readFileSync(path.join(outDir, 'fake.js'), 'utf8'));
    }),
  );
}

describe('the built task pane in Chromium', () => {
  it('renders the shared pane over WpsHost and validates the sample county', async () => {
    const fake = await bundleFake(path.join(tmp, 'fake'));
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--allow-file-access-from-files'] });
    try {
      const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript({ content: fake });
      await page.goto(pathToFileURL(path.join(result.addinDir, 'ui/taskpane.html')).href);
      // Generous waits: with the whole suite running on two cores the pane takes far longer than alone (~3 s).
      await page.getByRole('button', { name: '校验全县' }).click({ timeout: 90_000 });
      await page.waitForFunction(
        () => (globalThis as unknown as { Application: { sheets: { Name: string }[] } }).Application.sheets.some((s) => s.Name === '均衡校验报告'),
        undefined,
        { timeout: 90_000 },
      );
      await page.getByText('云岭县').first().waitFor({ timeout: 90_000 });
      const state = await page.evaluate(() => {
        const app = (globalThis as unknown as { Application: { sheets: { Name: string; Visible: number }[]; counters: { value2Writes: number } } }).Application;
        return { sheets: app.sheets.map((s) => [s.Name, s.Visible]), value2Writes: app.counters.value2Writes };
      });
      expect(state.sheets).toEqual([['填表说明', -1], ['台账', -1], ['_balance_state', 2], ['均衡校验报告', -1]]);
      expect(state.value2Writes).toBeLessThanOrEqual(3); // report grid, state on apply, state on saving settings
      expect(errors).toEqual([]);
      await page.screenshot({ path: path.join(tmp, 'pane.png') });
    } finally {
      await browser.close();
    }
  }, 300_000);
});
