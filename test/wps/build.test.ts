// Runs the WPS build into a temp dir (background bundle only, to keep this file fast: the pane bundle is
// ~60 s of webpack and is produced by `npm run build:wps`) and checks that dist/wps holds everything the
// deployment steps in docs/wps.md name.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
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
  result = await buildWps({ outDir: path.join(tmp, 'wps'), bundles: 'main' });
}, 180_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('dist/wps', () => {
  it('contains every path docs/wps.md names', () => {
    const paths = documentedPaths();
    expect(paths).toEqual(expect.arrayContaining([`${folder()}/ribbon.xml`, 'jsplugins.xml', 'publish.xml', 'README-deploy.txt']));
    const missing = paths.filter((p) => !p.endsWith('ui/taskpane.js')).filter((p) => !existsSync(path.join(result.outDir, p)));
    expect(missing).toEqual([]);
    expect(existsSync(path.join(result.outDir, 'stale.txt'))).toBe(false); // replaced as a whole
    expect(readdirSync(tmp)).toEqual(['wps']); // no staging dir left behind
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
    const main = read(`${folder()}/main.js`);
    expect(main).toContain('AddCustomFunction');
    expect(main).not.toMatch(/\?\?|\?\.[A-Za-z_$]/); // lowered to ES2017
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

