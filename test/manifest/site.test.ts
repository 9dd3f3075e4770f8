// The deployment address: --env url normalised or refused, every address of manifest.xml and functions.json
// moved to it, the result valid against Microsoft's schema; the schema check really fails bad manifests; each
// ribbon button has its own icons; every function has a helpUrl into the help page, whose examples are right.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { helpPage } from '../../scripts/help-page.ts';
// @ts-expect-error -- plain JavaScript module shared with webpack.config.js
import { DEV_BASE, rebase, siteBase } from '../../scripts/site-url.mjs';
import { ICON_SIZES, checkManifest, schemaErrors, validateManifestFile } from '../../scripts/validate-manifest.ts';
import { FUNCTIONS } from '../../src/functions/definitions.ts';
import { STANDARDS } from '../../src/standards/index.ts';
import { scratchDir } from '../support/scratch.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const xml = readFileSync(`${root}manifest.xml`, 'utf8');
const BASE = 'https://jyj.example.gov.cn/balance/';
const tmp = scratchDir('manifest-');
const write = (name: string, text: string) => {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
};

describe('siteBase (--env url)', () => {
  it('defaults to the development server and adds the trailing slash', () => {
    expect(siteBase(undefined)).toBe('https://localhost:3000/');
    expect(siteBase('https://jyj.example.gov.cn/balance')).toBe(BASE);
    expect(siteBase('https://10.1.2.3:8443/')).toBe('https://10.1.2.3:8443/');
  });

  it('refuses what Office cannot load, in Chinese', () => {
    expect(() => siteBase('http://jyj.example.gov.cn/')).toThrow(/只从 https 地址加载/);
    expect(() => siteBase('jyj.example.gov.cn/balance')).toThrow(/不是完整的网址/);
    expect(() => siteBase('https://jyj.example.gov.cn/?a=1')).toThrow(/查询串/);
    expect(() => siteBase('https://jyj.example.gov.cn/a&b/')).toThrow(/&/);
    expect(() => siteBase(true)).toThrow(/缺少地址/);
  });
});

describe('manifest.xml built for a county server', () => {
  const built = rebase(xml, BASE) as string;

  it('has no localhost left and every address under the base, the AppDomain its origin', () => {
    expect(xml).toContain(DEV_BASE);
    expect(built).not.toMatch(/localhost/);
    const urls = [...built.matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(35);
    expect(urls.filter((u) => !u.startsWith(BASE))).toEqual([]);
    expect(built).toContain('<SourceLocation DefaultValue="https://jyj.example.gov.cn/balance/taskpane.html" />');
    expect(built).toContain('<SupportUrl DefaultValue="https://jyj.example.gov.cn/balance/help.html" />');
    expect(built).toContain('<AppDomain>https://jyj.example.gov.cn</AppDomain>');
  });

  it('validates against the official schema and passes the offline checks', () => {
    expect(schemaErrors(write('built.xml', built))).toEqual([]);
    expect(checkManifest(built, root).errors).toEqual([]);
    expect(validateManifestFile(`${root}manifest.xml`, root).errors).toEqual([]);
  });

  const invalid: [string, (s: string) => string, RegExp][] = [
    ['an element the schema does not know', (s) => s.replace('<Permissions>', '<Colour>teal</Colour><Permissions>'), /Colour/],
    ['a misspelt permission', (s) => s.replace('>ReadWriteDocument<', '>ReadWriteDocuments<'), /ReadWriteDocuments/],
    ['a button with no label', (s) => s.replace('<Label resid="Clear.Label" />', ''), /不符合清单架构/],
  ];
  for (const [name, mutate, message] of invalid) {
    it(`the schema check refuses ${name}`, () => {
      const changed = mutate(built);
      expect(changed).not.toBe(built);
      const errors = schemaErrors(write(`${name.replace(/\W+/g, '-')}.xml`, changed));
      expect(errors.join('\n')).toMatch(message);
      expect(errors.join('\n')).toMatch(/^不符合清单架构/);
    });
  }

  it('refuses an address outside the base folder', () => {
    const moved = built.replace(`${BASE}functions.js`, 'https://jyj.example.gov.cn/other/functions.js');
    expect(checkManifest(moved, root).errors.join('\n')).toMatch(/Functions\.Script\.Url.*不在同一目录/);
  });
});

describe('ribbon icons', () => {
  const buttons = ['validate', 'clear', 'pane'];

  it('come in every size for each button, and no two buttons share a picture', () => {
    for (const size of ICON_SIZES) {
      const pictures = buttons.map((b) => readFileSync(`${root}assets/${b}-${size}.png`));
      for (const png of pictures) expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      expect(new Set(pictures.map((p) => p.toString('base64'))).size).toBe(3);
    }
  });

  it('a manifest whose buttons share one picture is refused', () => {
    const shared = xml.replaceAll('/assets/clear-', '/assets/validate-');
    expect(checkManifest(shared, root).errors.join('\n')).toMatch(/按钮“清除标注”与按钮“校验全县”的 16px 图标相同/);
  });

  it('a button missing a size is refused', () => {
    const missing = xml.replace('<bt:Image size="40" resid="Clear.Icon.40" />', '');
    expect(checkManifest(missing, root).errors.join('\n')).toMatch(/按钮“清除标注”的图标应有 16\/20\/24\/32\/40\/48\/64\/80/);
  });
});

describe('function help', () => {
  let metadata: { functions: { id: string; helpUrl?: string }[] };
  beforeAll(async () => {
    const require = createRequire(import.meta.url);
    const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');
    metadata = JSON.parse((await generateCustomFunctionsMetadata([`${root}src/functions/excel.ts`], true)).metadataJson);
  });

  it('every function in functions.json has a helpUrl to its own section of help.html, moved with the base', () => {
    expect(metadata.functions.map((f) => f.id)).toEqual(FUNCTIONS.map((f) => f.id));
    for (const f of metadata.functions) expect(f.helpUrl, f.id).toBe(`https://localhost:3000/help.html#${f.id}`);
    const moved = JSON.parse(rebase(JSON.stringify(metadata), BASE)) as typeof metadata;
    for (const f of moved.functions) expect(f.helpUrl).toBe(`${BASE}help.html#${f.id}`);
  });

  const page = helpPage('9.8.7');
  const section = (id: string) => new RegExp(`<section id="${id}">([\\s\\S]*?)</section>`).exec(page)?.[1] ?? '';

  it('help.html has a section per function with each argument and an example', () => {
    for (const def of FUNCTIONS) {
      const s = section(def.id);
      expect(s, def.id).toContain(`=BALANCE.${def.id}(`);
      for (const p of def.params) expect(s, `${def.id} ${p.name}`).toContain(`<code>${p.name}</code>`);
      expect(s, def.id).toMatch(/示例：<code>=BALANCE\./);
    }
  });

  it('the examples show the right results (hand-computed)', () => {
    // Weighted mean (12.5·420 + 8.1·180 + 10.2·650) / 1250 = 10.6704; CV = √2.1912 / 10.6704 = 0.138727.
    expect(section('MEAN')).toContain('<b>10.6704</b>');
    expect(section('CV')).toContain('<b>0.138727</b>');
    // 1250 万元 over 500 pupils = 25,000 元 each; 2000 − 1800 元 short for 400 pupils = 80,000 元.
    expect(section('PER')).toContain('<b>25000</b>');
    expect(section('GAP')).toContain('<b>80000</b>');
    // rules §4.1: 初中 生均体育运动场馆面积 10.2 ㎡.
    expect(section('STANDARD')).toContain('<b>10.2</b>');
  });

  it('help.html has the pane steps and the rules in short for every standard, and no script', () => {
    expect(page).toMatch(/<h2 id="pane">[\s\S]*校验全县[\s\S]*清除标注/);
    for (const pack of STANDARDS) expect(page).toContain(`<code>${pack.id}</code>`);
    expect(page).toContain('至少 6 项指标达到标准，其余每项不低于标准的 85%');
    expect(page).toContain('版本 9.8.7');
    expect(page).not.toMatch(/<script|https?:\/\//);
  });
});
