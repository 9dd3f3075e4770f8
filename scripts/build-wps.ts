// npm run build:wps — the WPS add-in as dist/wps/, without the interactive, partly Windows-only wpsjs CLI:
//   dist/wps/BalanceInspector_<version>/  the add-in folder (index.html, main.js, ribbon.xml, manifest.xml,
//                                          functions.json, package.json, ui/taskpane.html + taskpane.js, images/)
//   dist/wps/jsplugins.xml                 sample for the offline / enterprise (oem.ini) mode
//   dist/wps/publish.xml                   sample for the publish mode
//   dist/wps/README-deploy.txt             the county IT person's steps, in Chinese
// Layout and file names follow wpsjs@2.2.3 (wps-notes §1–2). Nothing here was tried on a running WPS.
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import webpack from 'webpack';
import { FUNCTIONS } from '../src/functions/definitions.ts';
import { functionsJson, WPS_NAMESPACE } from '../src/wps/functions.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ADDIN_NAME = 'BalanceInspector';

export interface BuildOptions {
  /** Default dist/wps. Replaced as a whole: built beside it, then renamed into place. */
  outDir?: string;
  /** 'all' (default) bundles the background page and the pane; 'main' only the background page (tests). */
  bundles?: 'all' | 'main';
  /** 'development' skips minifying (tests); default 'production'. */
  mode?: 'production' | 'development';
}

export interface BuildResult {
  outDir: string;
  addinDir: string;
  version: string;
}

export async function buildWps(options: BuildOptions = {}): Promise<BuildResult> {
  const outDir = path.resolve(options.outDir ?? path.join(root, 'dist/wps'));
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const folder = `${ADDIN_NAME}_${version}`;
  const staging = `${outDir}.tmp-${process.pid}`;
  const addin = path.join(staging, folder);
  await rm(staging, { recursive: true, force: true });
  try {
    await mkdir(addin, { recursive: true });
    await cp(path.join(root, 'wps'), addin, { recursive: true });
    await writeJson(path.join(addin, 'functions.json'), functionsJson(FUNCTIONS));
    // wpsjs reads name, version and addonType from the add-in's package.json (wps-notes §1 [N]).
    await writeJson(path.join(addin, 'package.json'), { name: ADDIN_NAME, version, addonType: 'et' });
    await bundle(addin, options.bundles ?? 'all', options.mode ?? 'production');
    await writeFile(path.join(staging, 'jsplugins.xml'), jspluginsXml(version));
    await writeFile(path.join(staging, 'publish.xml'), publishXml(version));
    await writeFile(path.join(staging, 'README-deploy.txt'), deployReadme(version).replace(/\n/g, '\r\n'));
    await rm(outDir, { recursive: true, force: true });
    await rename(staging, outDir);
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
  return { outDir, addinDir: path.join(outDir, folder), version };
}

const writeJson = (file: string, data: unknown) => writeFile(file, `${JSON.stringify(data, null, 2)}\n`);

function bundle(addinDir: string, which: 'all' | 'main', mode: 'production' | 'development'): Promise<void> {
  const entry: Record<string, string> = { main: './src/wps/main.ts' };
  if (which === 'all') entry['ui/taskpane'] = './src/wps/pane.tsx';
  const compiler = webpack({
    mode,
    context: root,
    devtool: false,
    // WPS embeds its own Chromium whose version no source states (wps-notes §1), so everything — libraries
    // too (keyborg, under Fluent UI, ships ?. and ??) — is lowered to ES2017, which Chromium 58+ runs.
    target: ['web', 'es2017'],
    entry,
    output: { path: addinDir, filename: '[name].js' },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
      alias: { exceljs$: 'exceljs/dist/exceljs.min.js' },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: {
            transpileOnly: true,
            compilerOptions: { noEmit: false, allowImportingTsExtensions: false, module: 'esnext', target: 'es2017' },
          },
        },
        {
          test: /\.m?js$/,
          include: /node_modules/,
          loader: 'ts-loader',
          options: {
            transpileOnly: true,
            instance: 'libraries',
            compilerOptions: { noEmit: false, allowImportingTsExtensions: false, allowJs: true, checkJs: false, module: 'esnext', target: 'es2017' },
          },
        },
      ],
    },
    performance: { hints: false },
    infrastructureLogging: { level: 'error' },
  });
  return new Promise((resolve, reject) => {
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

export function jspluginsXml(version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- 均衡督导助手：jsplugins.xml 方式（离线/企业部署）示例。见 README-deploy.txt。
     离线：把 ${ADDIN_NAME}_${version} 文件夹复制到 jsaddons 目录；WPS 优先使用该文件夹，url 指向的 .7z 仅在文件夹不存在时下载（未经验证）。
     在线：如在内网服务器上发布该文件夹，改用下面注释中的 jspluginonline 一行。 -->
<jsplugins>
  <jsplugin name="${ADDIN_NAME}" type="et" version="${version}" enable="true"
            url="file:///C:/Users/用户名/AppData/Roaming/kingsoft/wps/jsaddons/${ADDIN_NAME}.7z"/>
  <!-- <jspluginonline name="${ADDIN_NAME}" type="et" url="http://内网服务器/${ADDIN_NAME}/"/> -->
</jsplugins>
`;
}

export function publishXml(version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- 均衡督导助手：publish.xml 方式示例。publish.xml 由本机所有加载项共用：若已存在，只把 jsplugin 这一行合并进去，不要覆盖。 -->
<jsplugins>
  <jsplugin name="${ADDIN_NAME}" type="et" url="${ADDIN_NAME}_${version}" version="${version}" enable="enable_dev" install="null" customDomain=""/>
</jsplugins>
`;
}

export function deployReadme(version: string): string {
  const folder = `${ADDIN_NAME}_${version}`;
  return `均衡督导助手 WPS 加载项 ${version} —— 部署说明（县教育局信息化人员使用）

【重要】本加载项按金山官方资料构建，尚未在运行中的 WPS 上验证。请先在一台电脑上试装，确认“均衡督导”选项卡、
“打开面板”和 =BALANCE.CV(...) 公式都能使用，再推广到其他电脑。

一、准备
  1. WPS Office 个人版或企业版，Windows 或 Linux（统信 UOS、麒麟等）。
  2. 自定义函数（BALANCE.CV 等）需要 WPS 12.1.0.20540 或更新版本；更早的版本只能使用选项卡和任务窗格。
  3. 本目录内容：
       ${folder}\\      加载项文件夹（勿改名）
       jsplugins.xml     离线/企业部署示例
       publish.xml       publish 方式示例
  4. 全部文件都在本地，运行时不需要联网，不收集任何数据。

二、找到 jsaddons 目录（没有就新建）
  Windows：%APPDATA%\\kingsoft\\wps\\jsaddons\\
           即 C:\\Users\\<用户名>\\AppData\\Roaming\\kingsoft\\wps\\jsaddons\\
  Linux：  ~/.local/share/Kingsoft/wps/jsaddons/
  macOS：  ~/Library/Containers/com.kingsoft.wpsoffice.mac/Data/.kingsoft/wps/jsaddons/

三、方式 A：publish.xml（推荐个人版先试）
  1. 完全退出 WPS（包括托盘图标）。
  2. 把 ${folder} 文件夹整个复制到 jsaddons 目录。
  3. 若 jsaddons 中没有 publish.xml，把本目录的 publish.xml 复制过去；
     若已经有，用记事本打开，把本目录 publish.xml 中 <jsplugin name="${ADDIN_NAME}" …/> 这一行
     加到 <jsplugins> 与 </jsplugins> 之间，不要删除其他加载项的行。
  4. 启动 WPS 表格，打开任一工作簿，应出现“均衡督导”选项卡。

四、方式 B：jsplugins.xml（离线/企业统一部署）
  1. 完全退出 WPS。
  2. 把 ${folder} 文件夹复制到 jsaddons 目录，把本目录的 jsplugins.xml 也复制到 jsaddons 目录，
     并把其中 url 里的“用户名”改成本机用户名（Linux 写 file:///home/<用户名>/.local/share/Kingsoft/wps/jsaddons/${ADDIN_NAME}.7z）。
  3. 用记事本（以管理员身份）打开 WPS 安装目录下的 office6\\cfgs\\oem.ini
     （Linux：/opt/kingsoft/wps-office/office6/cfgs/oem.ini），确保有以下内容：
         [Support]
         JsApiPlugin=true
         [Server]
         JSPluginsServer=C:\\Users\\<用户名>\\AppData\\Roaming\\kingsoft\\wps\\jsaddons\\jsplugins.xml
     （jsaddons 目录下已有 jsplugins.xml 时 JSPluginsServer 一行可省略；需要调试时可加 JsApiShowWebDebugger=true，按 Alt+F12 打开调试器。）
  4. 重启 WPS，打开工作簿，应出现“均衡督导”选项卡。
  5. jsplugins.xml 中的 .7z 地址只在文件夹不存在时才会用到。发布包 均衡督导助手-WPS-${version}.7z（npm run package 生成）
     内只有 ${folder} 这一个顶层文件夹，正是 WPS 离线方式要求的格式：需要时把它改名为 ${ADDIN_NAME}.7z 放到该地址。
  6. 也可把 ${folder} 文件夹放到内网 Web 服务器上，在 jsplugins.xml 中改用 jspluginonline 一行（见文件内注释）。
  注意：不要同时使用方式 A 和方式 B，两种方式混用可能造成加载项重名冲突。

五、使用
  - “均衡督导”选项卡：校验全县 / 清除标注 / 打开面板。第一次请先点“打开面板”，选择台账工作表和评估标准并校验，
    设置会保存在工作簿中，以后可直接点“校验全县”。
  - 公式：在“插入函数 → 用户定义”中可见 BALANCE 下的函数，例如 =BALANCE.CV(F3:F40, C3:C40)。
    出错时单元格显示以错误代码开头的文字，例如“#VALUE! 权重含负数”。
  - 清除标注会去掉本工具添加的底色、批注和“均衡校验报告”工作表，台账恢复原样；台账中的数值从不被修改。

六、常见问题
  - 看不到选项卡：确认 WPS 已完全退出后重启；确认文件夹名为 ${folder}；个人版部分新版本会屏蔽手工安装的加载项
    （jsaddons 下出现 jsaddinblockhost.ini），此时请联系金山获取企业版或企业部署支持。
  - 公式显示 #NAME?：WPS 版本低于 12.1.0.20540，或加载项未加载。
  - 自定义函数安装后需重启 WPS 才生效。
`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const started = Date.now();
  buildWps()
    .then((r) => {
      console.log(`WPS 加载项已生成：${path.relative(root, r.addinDir)}（命名空间 ${WPS_NAMESPACE}，${FUNCTIONS.length} 个函数，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
    })
    .catch((e: unknown) => {
      console.error(`WPS 加载项生成失败：${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    });
}
