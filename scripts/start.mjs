// `npm start`: the development server Office loads the add-in from — webpack-dev-server over HTTPS at the
// manifest's address (https://localhost:3000/), with the certificate office-addin-dev-certs makes and trusts —
// then sideloading into desktop Excel with office-addin-debugging where it can. All three are optional
// dependencies (their native parts do not build everywhere, and `npm ci` must always succeed), so each missing
// piece gets a message saying what still works and what to do by hand.
/* global process, console, URL */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { DEV_BASE } from './site-url.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(new URL(DEV_BASE).port);
const manifest = fileURLToPath(new URL('../manifest.xml', import.meta.url));

function optional(name) {
  try {
    return require(name);
  } catch {
    return null;
  }
}

const BY_HAND = `浏览器模式（Excel 2016/2019 或没有 Excel 时）：npm run build 后用浏览器打开 dist/browser.html，
选择或拖入 .xlsx 台账即可校验并下载带标注的工作簿。也可使用命令行：npx balance validate 台账.xlsx`;

const certs = optional('office-addin-dev-certs');
const DevServer = optional('webpack-dev-server');
if (!certs || !DevServer) {
  const missing = [!DevServer && 'webpack-dev-server', !certs && 'office-addin-dev-certs'].filter(Boolean).join('、');
  console.error(`无法启动开发服务器：可选依赖 ${missing} 未安装（npm 在安装失败时会跳过可选依赖）。
请运行 npm install ${missing} 后重试；或用任一 HTTPS 静态服务器在 ${DEV_BASE} 提供 npm run build 生成的 dist/ 目录。

${BY_HAND}`);
  process.exit(1);
}

let https;
try {
  // Makes a CA and a localhost certificate under ~/.office-addin-dev-certs and trusts the CA (it may ask for
  // the password on macOS and Linux); Office refuses an add-in whose certificate it does not trust.
  https = await certs.getHttpsServerOptions();
} catch (e) {
  console.error(`无法生成或信任本机开发证书：${e instanceof Error ? e.message : String(e)}
可手动运行 npx office-addin-dev-certs install，然后重新 npm start。

${BY_HAND}`);
  process.exit(1);
}

const { startDevServer } = await import('./dev-server.mjs');
let server;
try {
  server = await startDevServer({ https, port });
} catch (e) {
  console.error(`开发服务器无法在端口 ${port} 启动：${e instanceof Error ? e.message : String(e)}（端口被占用时请先关闭占用的程序）`);
  process.exit(1);
}
console.log(`开发服务器已启动：${DEV_BASE}taskpane.html（帮助页 ${DEV_BASE}help.html），按 Ctrl+C 停止。`);

const debugging = optional('office-addin-debugging/package.json');
const desktop = process.platform === 'win32' || process.platform === 'darwin';
let sideloaded = false;
const debuggingCli = () => require.resolve(`office-addin-debugging/${String(Object.values(debugging.bin ?? {})[0] ?? 'cli.js').replace(/^\.\//, '')}`);
if (debugging && desktop) {
  const child = spawn(process.execPath, [debuggingCli(), 'start', manifest, 'desktop', '--app', 'excel', '--dev-server-port', String(port), '--no-debug', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => {
    sideloaded = code === 0;
    if (!sideloaded) console.error('自动旁加载失败，请按下面的步骤手动加载。');
  });
} else {
  console.log(`${debugging ? `此系统（${process.platform}）没有桌面版 Excel，无法自动旁加载。` : 'office-addin-debugging 未安装（可选依赖），无法自动旁加载到 Excel。'}
手动加载：
  - Windows 版 Excel：把 manifest.xml 放进一个共享文件夹，在 文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录
    中添加该共享路径并勾选“显示在菜单中”，重启 Excel 后在 插入 → 我的加载项 → 共享文件夹 中选择“均衡督导助手”。
  - Excel 网页版：插入 → 加载项 → 上传我的加载项，选择 manifest.xml。
  功能区出现“均衡督导”选项卡；单元格中可使用 =BALANCE.CV(…) 等函数。

${BY_HAND}`);
}

const stop = async () => {
  if (sideloaded) await new Promise((resolve) => spawn(process.execPath, [debuggingCli(), 'stop', manifest], { cwd: root, stdio: 'inherit' }).on('exit', resolve));
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
