// `npm run package -- --env url=https://host/path/ [--share=\\server\folder]`: the release kits a county's IT
// person installs, in dist/release/ (replaced as a whole, built beside it and renamed into place):
//   均衡督导助手-Excel-<v>.zip    web files for the intranet HTTPS server, manifest.xml for that address, the
//                                .reg files trusting the shared-folder catalog, 安装说明.txt
//   均衡督导助手-WPS-<v>.7z       one top folder BalanceInspector_<v>/ (as WPS's offline mode expects) with
//                                install.bat / uninstall.bat and 安装说明.txt
//   均衡督导助手-浏览器版-<v>.zip  the pane alone (均衡督导助手.html), opened from file://, with the help page
//   balance-<v>.mjs               the CLI in one file for plain Node 20, no node_modules
// The Excel build runs as a webpack child process while the WPS build and the CLI bundle run here, so the two
// cores are both busy. Archives are written by 7-Zip from the 7zip-bin package (its binary ships inside it).
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants } from 'node:fs';
import { chmod, cp, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sevenZip from '7zip-bin';
import { build as esbuild } from 'esbuild';
import { ADDIN_NAME, buildWps, deployReadme } from './build-wps.ts';
import { browserGuide, excelGuide, publishXmlScript, sharePath, trustReg, untrustReg, wpsInstallBat, wpsUninstallBat } from './kit-texts.ts';
// @ts-expect-error -- plain JavaScript module shared with webpack.config.js
import { siteBase } from './site-url.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PRODUCT = '均衡督导助手';

export interface PackageOptions {
  /** The intranet address the Excel add-in is served from (--env url). Default the development server. */
  url?: string;
  /** The shared folder holding manifest.xml, for the .reg (--share). Default a placeholder 安装说明 explains. */
  share?: string;
  /** Build directory; the kits go to <outDir>/release. Default dist. */
  outDir?: string;
  log?: (line: string) => void;
}

export interface PackageResult {
  releaseDir: string;
  version: string;
  base: string;
  files: { excel: string; wps: string; browser: string; cli: string };
  seconds: number;
}

export const kitNames = (version: string) => ({
  excel: `${PRODUCT}-Excel-${version}.zip`,
  wps: `${PRODUCT}-WPS-${version}.7z`,
  browser: `${PRODUCT}-浏览器版-${version}.zip`,
  cli: `balance-${version}.mjs`,
});

export async function packageRelease(options: PackageOptions = {}): Promise<PackageResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const base = siteBase(options.url) as string;
  const share = sharePath(options.share);
  const outDir = path.resolve(options.outDir ?? path.join(root, 'dist'));
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const names = kitNames(version);
  const releaseDir = path.join(outDir, 'release');
  const staging = `${releaseDir}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    log(`构建 Excel 加载项（${base}）、WPS 加载项和命令行…`);
    await Promise.all([webpackExcel(outDir, base), buildWps({ outDir: path.join(outDir, 'wps') }), bundleCli(path.join(staging, names.cli))]);
    log('打包…');
    const excelTop = `${PRODUCT}-Excel-${version}`;
    const browserTop = `${PRODUCT}-浏览器版-${version}`;
    await excelKit(outDir, path.join(staging, 'excel', excelTop), { version, base, share, top: excelTop, browserKit: names.browser, cli: names.cli });
    await browserKit(outDir, path.join(staging, 'browser', browserTop), version, names.cli);
    const wpsTop = `${ADDIN_NAME}_${version}`;
    await wpsKit(path.join(outDir, 'wps', wpsTop), path.join(staging, 'wps', wpsTop), version);
    archive('zip', path.join(staging, 'excel'), excelTop, path.join(staging, names.excel));
    archive('zip', path.join(staging, 'browser'), browserTop, path.join(staging, names.browser));
    archive('7z', path.join(staging, 'wps'), wpsTop, path.join(staging, names.wps));
    for (const dir of ['excel', 'browser', 'wps']) await rm(path.join(staging, dir), { recursive: true });
    await rm(releaseDir, { recursive: true, force: true });
    await rename(staging, releaseDir);
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
  const files = {
    excel: path.join(releaseDir, names.excel),
    wps: path.join(releaseDir, names.wps),
    browser: path.join(releaseDir, names.browser),
    cli: path.join(releaseDir, names.cli),
  };
  return { releaseDir, version, base, files, seconds: (Date.now() - started) / 1000 };
}

/** The Excel add-in for `base`, through webpack's own CLI (the same build as `npm run build`). */
function webpackExcel(outDir: string, base: string): Promise<void> {
  const cli = path.join(root, 'node_modules/webpack-cli/bin/cli.js');
  const args = [cli, '--mode', 'production', '--env', `url=${base}`, '--output-path', outDir];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Excel 加载项构建失败（webpack 退出码 ${code}）：\n${output.slice(-4000)}`))));
  });
}

/**
 * The CLI as one ES module for plain Node 20. esbuild rather than webpack: it bundles the TypeScript sources and
 * the CommonJS libraries (ExcelJS and its zip stack) for Node in about a second, where the node_modules walk
 * is what costs; tsx already brings the same esbuild, so it adds nothing to the install.
 */
export async function bundleCli(file: string): Promise<void> {
  await esbuild({
    entryPoints: [path.join(root, 'src/cli/standalone.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'eof',
    logLevel: 'error',
    // CommonJS libraries inside an ES module still call require() for Node's built-in modules.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __balanceRequire } from 'node:module';\nconst require = __balanceRequire(import.meta.url);" },
  });
  await chmod(file, 0o755);
}

async function excelKit(outDir: string, top: string, guide: Parameters<typeof excelGuide>[0]): Promise<void> {
  const web = path.join(top, '网站文件');
  await mkdir(web, { recursive: true });
  for (const entry of await readdir(outDir)) {
    // The manifest goes to the shared folder, not the web server; wps/ and release/ are other kits.
    if (entry === 'manifest.xml' || entry === 'wps' || entry.startsWith('release')) continue;
    await cp(path.join(outDir, entry), path.join(web, entry), { recursive: true });
  }
  await mkdir(path.join(top, '共享文件夹'));
  await cp(path.join(outDir, 'manifest.xml'), path.join(top, '共享文件夹', 'manifest.xml'));
  await writeFile(path.join(top, '信任共享文件夹.reg'), trustReg(guide.share));
  await writeFile(path.join(top, '取消信任共享文件夹.reg'), untrustReg());
  await writeFile(path.join(top, '安装说明.txt'), excelGuide(guide));
}

async function browserKit(outDir: string, top: string, version: string, cli: string): Promise<void> {
  await mkdir(top, { recursive: true });
  await cp(path.join(outDir, 'browser.html'), path.join(top, `${PRODUCT}.html`));
  for (const file of ['taskpane.js', 'taskpane.js.LICENSE.txt', 'help.html']) await cp(path.join(outDir, file), path.join(top, file));
  await writeFile(path.join(top, '使用说明.txt'), browserGuide(version, cli));
}

async function wpsKit(addin: string, top: string, version: string): Promise<void> {
  await cp(addin, top, { recursive: true });
  await writeFile(path.join(top, 'install.bat'), wpsInstallBat(version));
  await writeFile(path.join(top, 'uninstall.bat'), wpsUninstallBat(version));
  await writeFile(path.join(top, 'publish-xml.ps1'), publishXmlScript());
  await writeFile(path.join(top, '安装说明.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(wpsGuide(version).replace(/\n/g, '\r\n'))]));
}

/** WPS's deployment steps with the scripted install first. */
function wpsGuide(version: string): string {
  return `均衡督导助手 WPS 加载项 ${version}

最简单的安装方法（Windows）：完全退出 WPS，双击本文件夹中的 install.bat。它把本文件夹复制到
%APPDATA%\\kingsoft\\wps\\jsaddons\\${ADDIN_NAME}_${version}\\，并在同一目录的 publish.xml 中登记本加载项
（保留其他加载项的登记，替换本加载项的旧版本）。卸载：完全退出 WPS，双击 uninstall.bat。
Linux（统信 UOS、麒麟等）或需要手工、统一部署时，按下面的说明操作。

${deployReadme(version)}`;
}

/** 7-Zip from the 7zip-bin package. Its tarball ships the Linux binary without the execute bit, so it gets one. */
export function sevenZipBinary(): string {
  try {
    accessSync(sevenZip.path7za, constants.X_OK);
  } catch {
    chmodSync(sevenZip.path7za, 0o755);
  }
  return sevenZip.path7za;
}

/** One archive holding `folder` (a directory inside `cwd`) as its single top folder. */
function archive(type: 'zip' | '7z', cwd: string, folder: string, file: string): void {
  // -mcu=on: UTF-8 names in zip (the Chinese names open right on Windows); -bso0/-bsp0: quiet.
  const args = ['a', `-t${type}`, ...(type === 'zip' ? ['-mcu=on'] : []), '-mx=5', '-bso0', '-bsp0', file, folder];
  const run = spawnSync(sevenZipBinary(), args, { cwd, encoding: 'utf8' });
  if (run.error || run.status !== 0) throw new Error(`无法写出 ${path.basename(file)}：${run.error?.message ?? run.stderr}`);
}

/** --env url=… (as `npm run build` takes it), --url=…, --share=…; anything else is refused. */
export function parseArgs(argv: string[]): { url?: string; share?: string } {
  const out: { url?: string; share?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const env = arg === '--env' ? argv[++i] : arg.startsWith('--env=') ? arg.slice(6) : undefined;
    const [key, value] = (env ?? arg.replace(/^--/, '')).split(/=(.*)/s);
    if ((env !== undefined || arg.startsWith('--')) && (key === 'url' || key === 'share') && value !== undefined) out[key] = value;
    else throw new Error(`不认识的参数“${arg}”。用法：npm run package -- --env url=https://本县服务器/目录/ [--share=\\\\文件服务器\\共享文件夹]`);
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  (async () => {
    const options = parseArgs(process.argv.slice(2));
    const result = await packageRelease({ ...options, log: (line) => console.log(line) });
    console.log(`发布包已写到 ${path.relative(root, result.releaseDir)}/（用时 ${result.seconds.toFixed(1)} 秒，Excel 地址 ${result.base}）：`);
    for (const file of Object.values(result.files)) console.log(`  ${path.basename(file)}`);
    if (!options.url) console.log('注意：未给出 --env url，Excel 安装包按开发地址 https://localhost:3000/ 构建，只适合开发电脑。');
    if (!options.share) console.log('注意：未给出 --share，“信任共享文件夹.reg”中是占位路径，安装说明写明了如何修改。');
  })().catch((e: unknown) => {
    console.error(`打包失败：${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  });
}
