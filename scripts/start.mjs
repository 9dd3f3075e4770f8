// `npm start`: sideloads manifest.xml into desktop Excel with office-addin-debugging when it is installed.
// It is an optional dependency (its native parts do not build on a bare Linux machine), so without it this
// prints how to sideload by hand or use the pane in a plain browser.
/* global process, console, URL */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const require = createRequire(import.meta.url);

function installed() {
  try {
    require.resolve('office-addin-debugging/package.json');
    return true;
  } catch {
    return false;
  }
}

if (installed()) {
  const pkg = require('office-addin-debugging/package.json');
  const binPath = typeof pkg.bin === 'string' ? pkg.bin : Object.values(pkg.bin ?? {})[0];
  const bin = require.resolve(`office-addin-debugging/${binPath ?? 'cli.js'}`);
  const child = spawn(process.execPath, [bin, 'start', 'manifest.xml', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  const built = existsSync(new URL('../dist/taskpane.html', import.meta.url));
  console.log(`office-addin-debugging 未安装（可选依赖；在没有 Excel 的 Linux 上无法安装），无法自动加载到 Excel。

手动加载（旁加载）：
  1. ${built ? '已有 dist/。' : '先运行 npm run build 生成 dist/。'}用任一 https 静态服务器在 https://localhost:3000/ 提供 dist/ 目录
     （证书需被本机信任；内网服务器地址见 docs/excel.md“改为内网服务器地址”）。
  2. Windows 版 Excel：把 manifest.xml 放进一个共享文件夹，在 信任中心 → 受信任的加载项目录 中添加该共享路径，
     重启 Excel 后在 插入 → 我的加载项 → 共享文件夹 中选择“均衡督导助手”。
     Excel 网页版：插入 → 加载项 → 上传我的加载项，选择 manifest.xml。
  3. 功能区出现“均衡督导”选项卡；单元格中可使用 =BALANCE.CV(…) 等函数。

浏览器模式（Excel 2016/2019 或无 Excel 时）：用浏览器打开 dist/taskpane.html（任意静态服务器），
拖入或选择 .xlsx 台账即可校验并下载带标注的工作簿。也可使用命令行：npx balance validate 台账.xlsx`);
}
