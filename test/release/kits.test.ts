// `npm run package` once for this whole file (one Excel, one WPS build, into a temp dir), then each kit as a
// county IT person receives it: unpacked with the same 7-Zip, the Excel manifest built for the county's
// address and valid against the schema, the trust .reg as Microsoft documents it, the WPS .7z with one top
// folder and its scripts, the browser kit opened from file:// in Chromium over the sample county, and the
// one-file CLI run with plain node from an empty folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDIN_NAME } from '../../scripts/build-wps.ts';
import { CATALOG_ID } from '../../scripts/kit-texts.ts';
import { PRODUCT, packageRelease, parseArgs, sevenZipBinary, type PackageResult } from '../../scripts/package.ts';
import { validateManifestFile } from '../../scripts/validate-manifest.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import { FUNCTIONS } from '../../src/functions/definitions.ts';
import { FileHost } from '../../src/hosts/file/index.ts';
import { readLedger } from '../../src/ledger/index.ts';
import { writeSampleWorkbook } from '../../src/sample/index.ts';
import { DEFAULT_STANDARD_ID, getStandard } from '../../src/standards/index.ts';
import { launchChromium } from '../taskpane/chromium.ts';

const BASE = 'https://jyj.example.gov.cn/balance/';
const SHARE = '\\\\fs01\\均衡督导助手';
let tmp: string;
let result: PackageResult;

/** Every path in an archive, as 7-Zip lists it (folders end in /). */
function listing(file: string): string[] {
  const out = execFileSync(sevenZipBinary(), ['l', '-slt', '-ba', file], { encoding: 'utf8' });
  return out
    .split(/\r?\n\r?\n/)
    .map((block) => {
      const p = /^Path = (.*)$/m.exec(block)?.[1];
      return p === undefined ? '' : /^Folder = \+$/m.test(block) ? `${p}/` : p;
    })
    .filter(Boolean);
}
function unpack(file: string): string {
  const dir = mkdtempSync(path.join(tmp, 'unpacked-'));
  execFileSync(sevenZipBinary(), ['x', '-bso0', '-bsp0', `-o${dir}`, file]);
  return dir;
}
const topFolders = (paths: string[]) => [...new Set(paths.map((p) => p.split('/')[0]))];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'release-'));
  result = await packageRelease({ url: BASE, share: SHARE, outDir: path.join(tmp, 'dist') });
}, 300_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run package', () => {
  it('writes the four kits, named with the version, and nothing else', () => {
    const v = result.version;
    expect(readdirSync(result.releaseDir).sort()).toEqual(
      [`${PRODUCT}-Excel-${v}.zip`, `${PRODUCT}-WPS-${v}.7z`, `${PRODUCT}-浏览器版-${v}.zip`, `balance-${v}.mjs`].sort(),
    );
    expect(readdirSync(path.join(tmp, 'dist')).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('marks the zips’ Chinese file names as UTF-8, so Windows shows them right', () => {
    for (const file of [result.files.excel, result.files.browser]) {
      const head = readFileSync(file).subarray(0, 8);
      expect(head.readUInt32LE(0)).toBe(0x04034b50); // a local file header
      expect(head.readUInt16LE(6) & 0x800).toBe(0x800); // general purpose bit 11: names are UTF-8
    }
  });

  it('takes --env url as npm run build does, and --share', () => {
    expect(parseArgs(['--env', 'url=https://a.example/b/', '--share=\\\\s\\f'])).toEqual({ url: 'https://a.example/b/', share: '\\\\s\\f' });
    expect(parseArgs(['--url=https://a.example/'])).toEqual({ url: 'https://a.example/' });
    expect(() => parseArgs(['--urll=x'])).toThrow(/不认识的参数/);
  });

  it('refuses an address Office cannot load and a share that is not a network path, before building', async () => {
    await expect(packageRelease({ url: 'http://jyj.example.gov.cn/', outDir: path.join(tmp, 'no') })).rejects.toThrow(/https/);
    await expect(packageRelease({ url: BASE, share: 'D:\\balance', outDir: path.join(tmp, 'no') })).rejects.toThrow(/网络共享路径/);
    expect(existsSync(path.join(tmp, 'no'))).toBe(false);
  });
});

describe('Excel kit', () => {
  let paths: string[];
  let top: string;
  beforeAll(() => {
    paths = listing(result.files.excel);
    top = path.join(unpack(result.files.excel), `${PRODUCT}-Excel-${result.version}`);
  });

  it('has one top folder with the web files, the manifest, the .reg files and 安装说明', () => {
    expect(topFolders(paths)).toEqual([`${PRODUCT}-Excel-${result.version}`]);
    const inside = paths.map((p) => p.slice(p.indexOf('/') + 1));
    expect(inside).toEqual(
      expect.arrayContaining([
        '网站文件/taskpane.html',
        '网站文件/functions.js',
        '网站文件/functions.json',
        '网站文件/help.html',
        '网站文件/office-js/office.js',
        '网站文件/assets/validate-16.png',
        '共享文件夹/manifest.xml',
        '信任共享文件夹.reg',
        '取消信任共享文件夹.reg',
        '安装说明.txt',
      ]),
    );
    expect(inside).not.toContain('网站文件/manifest.xml');
  });

  it('its manifest is for the county address only and validates against the schema', () => {
    const manifest = path.join(top, '共享文件夹/manifest.xml');
    const xml = readFileSync(manifest, 'utf8');
    expect(xml).not.toMatch(/localhost/);
    expect(xml).toContain(`<SourceLocation DefaultValue="${BASE}taskpane.html" />`);
    expect(xml).toContain(`<SupportUrl DefaultValue="${BASE}help.html" />`);
    expect(xml).toContain('<AppDomain>https://jyj.example.gov.cn</AppDomain>');
    // Icons are checked against the web files the server will hold.
    expect(validateManifestFile(manifest, path.join(top, '网站文件')).errors).toEqual([]);
  });

  it('every function in functions.json has a helpUrl into help.html on the county server', () => {
    const meta = JSON.parse(readFileSync(path.join(top, '网站文件/functions.json'), 'utf8')) as { functions: { id: string; helpUrl?: string }[] };
    expect(meta.functions.map((f) => f.id)).toEqual(FUNCTIONS.map((f) => f.id));
    for (const f of meta.functions) expect(f.helpUrl).toBe(`${BASE}help.html#${f.id}`);
    const help = readFileSync(path.join(top, '网站文件/help.html'), 'utf8');
    // (minified by the production build: attribute quotes may go)
    for (const f of meta.functions) expect(help).toMatch(new RegExp(`<section id="?${f.id}"?>`));
  });

  it('the .reg trusts the shared folder under TrustedCatalogs as Microsoft documents, in regedit’s encoding', () => {
    const bytes = readFileSync(path.join(top, '信任共享文件夹.reg'));
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]); // UTF-16LE
    const reg = bytes.subarray(2).toString('utf16le');
    expect(reg.split('\r\n')).toEqual([
      'Windows Registry Editor Version 5.00',
      '',
      `[HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs\\${CATALOG_ID}]`,
      `"Id"="${CATALOG_ID}"`,
      '"Url"="\\\\\\\\fs01\\\\均衡督导助手"',
      '"Flags"=dword:00000001',
      '',
    ]);
    expect(CATALOG_ID).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/);
    const untrust = readFileSync(path.join(top, '取消信任共享文件夹.reg')).subarray(2).toString('utf16le');
    expect(untrust).toContain(`[-HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs\\${CATALOG_ID}]`);
  });

  it('安装说明 walks through server, share, trust and 插入 → 我的加载项 → 共享文件夹, and Excel 2016/2019', () => {
    const bytes = readFileSync(path.join(top, '安装说明.txt'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).not.toMatch(/[^\r]\n/); // CRLF throughout, for Notepad
    for (const step of ['第一步', '第二步', '第三步', '第四步']) expect(text).toContain(step);
    expect(text).toContain(`${BASE}taskpane.html`);
    expect(text).toContain('证书');
    expect(text).toContain('信任共享文件夹.reg');
    expect(text).toContain('插入 → 我的加载项');
    expect(text).toContain('共享文件夹');
    expect(text).toContain('Excel 2016 / Excel 2019');
    expect(text).toContain(`${PRODUCT}-浏览器版-${result.version}.zip`);
    expect(text).toContain(`node balance-${result.version}.mjs validate`);
    expect(text).not.toContain('localhost');
  });
});

describe('WPS kit', () => {
  let paths: string[];
  let top: string;
  const folder = () => `${ADDIN_NAME}_${result.version}`;
  beforeAll(() => {
    paths = listing(result.files.wps);
    top = path.join(unpack(result.files.wps), folder());
  });

  it('lists one top folder, named as WPS’s offline mode expects, holding the add-in and its scripts', () => {
    expect(topFolders(paths)).toEqual([folder()]);
    const inside = paths.map((p) => p.slice(folder().length + 1));
    expect(inside).toEqual(
      expect.arrayContaining(['index.html', 'main.js', 'ribbon.xml', 'manifest.xml', 'functions.json', 'package.json', 'ui/taskpane.js', 'install.bat', 'uninstall.bat', 'publish-xml.ps1', '安装说明.txt']),
    );
  });

  it('install.bat copies the folder into %APPDATA%\\kingsoft\\wps\\jsaddons and merges publish.xml; uninstall.bat undoes both', () => {
    const install = readFileSync(path.join(top, 'install.bat'));
    expect(install.subarray(0, 3).toString()).toBe('@ec'); // no byte order mark before @echo off
    const bat = install.toString('utf8');
    expect(bat).not.toMatch(/[^\r]\n/);
    expect(bat).toContain('set "JSADDONS=%APPDATA%\\kingsoft\\wps\\jsaddons"');
    expect(bat).toContain(`set "FOLDER=${folder()}"`);
    expect(bat).toMatch(/xcopy "%SRC%" "%JSADDONS%\\%FOLDER%\\" \/e/);
    expect(bat).toContain(`publish-xml.ps1" -Action install -File "%JSADDONS%\\publish.xml" -Name ${ADDIN_NAME} -Version ${result.version}`);
    const uninstall = readFileSync(path.join(top, 'uninstall.bat'), 'utf8');
    expect(uninstall).toContain('-Action uninstall -File "%JSADDONS%\\publish.xml"');
    expect(uninstall).toContain(`rd /s /q "%%D"`);
    const ps1 = readFileSync(path.join(top, 'publish-xml.ps1'), 'utf8');
    expect(ps1).toMatch(/^[\t\r\n -~]*$/); // ASCII: Windows PowerShell reads it under any code page
    // Other add-ins' entries are kept: only ours is removed before it is added again.
    expect(ps1).toContain("if ($node.GetAttribute('name') -eq $Name) { [void]$root.RemoveChild($node) }");
  });
});

describe('browser kit', () => {
  let context: BrowserContext | undefined;
  afterAll(async () => context?.close());

  it('unpacked, opens from file:// in Chromium, validates the sample county and a chosen workbook offline', async () => {
    const paths = listing(result.files.browser);
    const topName = `${PRODUCT}-浏览器版-${result.version}`;
    expect(topFolders(paths)).toEqual([topName]);
    const top = path.join(unpack(result.files.browser), topName);
    expect(readdirSync(top).sort()).toEqual([`${PRODUCT}.html`, 'help.html', 'taskpane.js', 'taskpane.js.LICENSE.txt', '使用说明.txt'].sort());

    // What the pane must show: the sample county evaluated directly by the core.
    const sampleBytes = Buffer.from(await writeSampleWorkbook().xlsx.writeBuffer());
    const host = await FileHost.fromBuffer(sampleBytes, 'sample.xlsx');
    const read = readLedger(await host.readWorkbook());
    if (!read.ok) throw new Error(read.message);
    const pack = getStandard(DEFAULT_STANDARD_ID);
    if (!pack.ok) throw new Error(pack.message);
    const expected = evaluate(read.county, pack.value).report;

    context = await launchChromium({ width: 350, height: 900 });
    const requests: string[] = [];
    await context.route(/^(?!file:)/, (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(path.join(top, `${PRODUCT}.html`)).href);
    await page.getByRole('button', { name: '载入示例县' }).click();
    await page.getByTestId('validate').click();
    await page.getByTestId('indicators-primary').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('verdict').textContent()).toBe(`${expected.county} · 全县结论${expected.pass ? '通过' : '未通过'}`);
    expect(await page.getByTestId('download').getAttribute('download')).toMatch(/-已标注\.xlsx$/);

    // A workbook the clerk chooses, in a fresh page: the same county from a file on disk.
    const chosen = path.join(tmp, '云岭县台账.xlsx');
    writeFileSync(chosen, sampleBytes);
    const again = await context.newPage();
    again.on('pageerror', (e) => errors.push(e.message));
    await again.goto(pathToFileURL(path.join(top, `${PRODUCT}.html`)).href);
    await again.getByTestId('file-input').setInputFiles(chosen);
    await again.getByTestId('validate').click();
    await again.getByTestId('indicators-primary').waitFor({ timeout: 30_000 });
    expect(await again.getByTestId('verdict').textContent()).toBe(`${expected.county} · 全县结论${expected.pass ? '通过' : '未通过'}`);
    expect(await again.getByTestId('loaded-file').textContent()).toContain('云岭县台账.xlsx');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });
});

describe('one-file CLI', () => {
  it('runs demo with plain node from an empty folder, no node_modules anywhere near', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-alone-'));
    try {
      const cli = path.join(dir, path.basename(result.files.cli));
      copyFileSync(result.files.cli, cli);
      const env = { PATH: process.env.PATH ?? '', HOME: dir };
      const help = spawnSync(process.execPath, [cli, '--help'], { cwd: dir, env, encoding: 'utf8' });
      expect(help.status).toBe(0);
      expect(help.stdout).toContain('balance demo');
      const demo = spawnSync(process.execPath, [cli, 'demo'], { cwd: dir, env, encoding: 'utf8' });
      expect(demo.stderr).not.toMatch(/Cannot find|ERR_MODULE_NOT_FOUND/);
      expect(demo.status).toBe(0);
      expect(readdirSync(path.join(dir, 'demo-output')).sort()).toEqual(['云岭县台账-标注.xlsx', '云岭县台账.xlsx', '云岭县校验报告.json'].sort());
      const report = JSON.parse(readFileSync(path.join(dir, 'demo-output/云岭县校验报告.json'), 'utf8')) as { county: string };
      expect(report.county).toBe('云岭县');
      expect(readdirSync(dir).sort()).toEqual([path.basename(cli), 'demo-output'].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
